package org.openapheresis.server.schedule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;

/**
 * A stretch of the plan's clock, {@code [fromMinute, toMinute)} minutes after the origin of {@link UnitRules}: a
 * nurse's shift, or a machine out of service.
 *
 * @param fromMinute its first minute
 * @param toMinute the minute after its last
 */
public record Span(int fromMinute, int toMinute) {

    public Span {
        if (toMinute <= fromMinute) {
            throw InvalidInputException.of("to", MessageKey.INVALID, "the span ends at minute " + toMinute
                    + ", not after it begins at minute " + fromMinute);
        }
    }

    /** Minutes of {@code [start, end)} this span shares. */
    public int overlapMin(int start, int end) {
        return Math.max(0, Math.min(end, toMinute) - Math.max(start, fromMinute));
    }

    /** Minutes of {@code [start, end)} inside at least one of the spans (spans that overlap are counted once). */
    public static int coveredMin(List<Span> spans, int start, int end) {
        int covered = 0;
        for (Span s : merged(spans)) {
            covered += s.overlapMin(start, end);
        }
        return covered;
    }

    /** The spans sorted by start, with those that overlap or touch joined into one. */
    public static List<Span> merged(List<Span> spans) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingInt(Span::fromMinute));
        List<Span> out = new ArrayList<>();
        for (Span s : sorted) {
            Span last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && s.fromMinute() <= last.toMinute()) {
                out.set(out.size() - 1, new Span(last.fromMinute(), Math.max(last.toMinute(), s.toMinute())));
            } else {
                out.add(s);
            }
        }
        return out;
    }
}
