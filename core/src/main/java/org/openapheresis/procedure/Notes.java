package org.openapheresis.procedure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * A plan's assumptions, each written only when the options ask for them: a virtual patient of the bands reads only
 * the numbers, so its plan does not spend its time on sentences.
 */
final class Notes {

    private final List<String> lines;

    Notes(PlanOptions options) {
        lines = options.explain() ? new ArrayList<>() : null;
    }

    void add(Supplier<String> line) {
        if (lines != null) {
            lines.add(line.get());
        }
    }

    void addAll(Supplier<? extends Collection<String>> more) {
        if (lines != null) {
            lines.addAll(more.get());
        }
    }

    /** The assumptions written, empty when none were asked for. */
    List<String> list() {
        return lines == null ? List.of() : lines;
    }
}
