package org.openapheresis.server.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The times a patient prefers to come, as the plan sees them: one window per day of the week. A day without a window
 * is a day not preferred (all of a session there lies outside); a patient with no window at all has no preference
 * ({@link #NONE}).
 *
 * @param windows the window of each day preferred
 */
public record PreferredHours(Map<DayOfWeek, UnitRules.Hours> windows) {

    /** No preference recorded. */
    public static final PreferredHours NONE = new PreferredHours(Map.of());

    public PreferredHours {
        windows = windows.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(windows));
    }

    /** Whether the patient recorded any preference. */
    public boolean any() {
        return !windows.isEmpty();
    }

    /** The window of a day, when that day is preferred. */
    public Optional<UnitRules.Hours> on(DayOfWeek d) {
        return Optional.ofNullable(windows.get(d));
    }

    /**
     * Minutes of {@code [startMinute, endMinute)} outside the preferred window of the start's day (all of it on a day
     * not preferred; none when the patient has no preference).
     */
    public int minutesOutside(UnitRules rules, int startMinute, int endMinute) {
        if (!any()) {
            return 0;
        }
        LocalDateTime start = rules.local(startMinute);
        LocalDate day = start.toLocalDate();
        Optional<UnitRules.Hours> w = on(day.getDayOfWeek());
        if (w.isEmpty()) {
            return endMinute - startMinute;
        }
        int from = rules.minuteOf(day.atTime(w.get().open()).atZone(rules.zone()).toInstant());
        int to = rules.minuteOf(day.atTime(w.get().close()).atZone(rules.zone()).toInstant());
        return Math.max(0, Math.min(from, endMinute) - startMinute) + Math.max(0, endMinute - Math.max(to, startMinute));
    }

    /** {@code Mon 08:00–12:00, Thu 13:00–17:00}. */
    public String describe() {
        if (!any()) {
            return "no preference";
        }
        return String.join(", ", new java.util.TreeMap<>(windows).entrySet().stream().map(e -> e.getKey()
                .getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ROOT) + " " + e.getValue().open()
                + "–" + e.getValue().close()).toList());
    }
}
