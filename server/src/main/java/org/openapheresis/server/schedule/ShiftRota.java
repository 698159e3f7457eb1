package org.openapheresis.server.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.openapheresis.server.session.NurseRota;

/**
 * The nurses' shifts as the sessions' own booking check reads them: when any shift of any nurse is recorded for the
 * day(s) a session falls on, the unit keeps a rota that day and the session's nurse must be on shift for all of it
 * (run time, set-up and rinseback), as {@code NurseOnShift} asks of the week's plan. A day with no shift recorded
 * keeps no rota and every nurse may be booked (the planner, which reads a whole window, is stricter: a rota recorded
 * anywhere in the window holds for all of it, so what it proposes always passes this check).
 */
final class ShiftRota implements NurseRota {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final ScheduleStore store;
    private final ZoneId zone;

    ShiftRota(ScheduleStore store, ZoneId zone) {
        this.store = store;
        this.zone = zone;
    }

    @Override
    public Optional<OffShift> offShift(Handle h, String nurse, Instant from, Instant to) {
        LocalDate first = LocalDate.ofInstant(from, zone);
        LocalDate last = LocalDate.ofInstant(to.minusSeconds(1), zone);
        Instant dayStart = first.atStartOfDay(zone).toInstant();
        Instant dayEnd = last.plusDays(1).atStartOfDay(zone).toInstant();
        List<Shift> rota = store.shifts(h, dayStart, dayEnd);
        if (rota.isEmpty()) {
            return Optional.empty();
        }
        List<Shift> own = rota.stream().filter(s -> s.nurse().equals(nurse)).toList();
        // on a clock of minutes from the session's start
        int end = (int) Duration.between(from, to).toMinutes();
        List<Span> spans = own.stream().map(s -> new int[] {minutes(from, s.from()), minutes(from, s.to())})
                .filter(x -> x[1] > x[0]).map(x -> new Span(x[0], x[1])).toList();
        int off = end - Span.coveredMin(spans, 0, end);
        if (off <= 0) {
            return Optional.empty();
        }
        String shifts = own.isEmpty() ? "none" : String.join(", ", own.stream().map(s -> TIME.format(
                LocalDateTime.ofInstant(s.from(), zone)) + "–" + TIME.format(LocalDateTime.ofInstant(s.to(), zone)))
                .toList());
        return Optional.of(new OffShift(off, shifts));
    }

    private static int minutes(Instant origin, Instant t) {
        return (int) Math.floorDiv(Duration.between(origin, t).toSeconds(), 60);
    }
}
