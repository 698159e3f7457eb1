package org.openapheresis.server.patient;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;

/**
 * A time a patient or donor prefers to come on one day of the week: a wish the week's planner weighs (a soft rule),
 * never a refusal. A person with windows on some days prefers those days; one with none has no preference.
 *
 * @param day the day of the week, lower case ({@code monday})
 * @param from the earliest the person would like a session to begin
 * @param to the time by which they would like it finished
 */
public record PreferredTime(String day, LocalTime from, LocalTime to) {

    /** The days of the week as the API writes them. */
    public static final List<String> DAYS = java.util.Arrays.stream(DayOfWeek.values())
            .map(d -> d.name().toLowerCase(Locale.ROOT)).toList();

    public PreferredTime {
        dayOfWeek(day);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw InvalidInputException.of("to", MessageKey.INVALID, "ends at " + to + ", not after it begins at "
                    + from);
        }
    }

    /** The day as a {@link DayOfWeek}. */
    public DayOfWeek dayOfWeek() {
        return dayOfWeek(day);
    }

    private static DayOfWeek dayOfWeek(String day) {
        if (day == null || !DAYS.contains(day)) {
            throw InvalidInputException.of("day", MessageKey.NOT_ONE_OF, day, String.join(", ", DAYS));
        }
        return DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT));
    }

    /**
     * A person's windows, Monday first: at most one a day.
     *
     * @throws InvalidInputException naming {@code preferredTimes} when a day is given twice
     */
    public static List<PreferredTime> week(List<PreferredTime> windows) {
        List<PreferredTime> sorted = windows.stream().sorted(java.util.Comparator.comparing(PreferredTime::dayOfWeek))
                .toList();
        if (sorted.stream().map(PreferredTime::day).distinct().count() != sorted.size()) {
            throw InvalidInputException.of("preferredTimes", MessageKey.INVALID, "a day is given twice");
        }
        return sorted;
    }
}
