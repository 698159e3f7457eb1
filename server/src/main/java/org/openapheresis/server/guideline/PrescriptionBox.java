package org.openapheresis.server.guideline;

import java.util.ArrayList;
import java.util.List;

/**
 * A fact sheet's prescription box, in the fact sheet's words (shortened); any part may be absent (null).
 *
 * @param volume volume treated, e.g. {@code 1-1.5 TPV}
 * @param replacement replacement fluid, e.g. {@code Albumin}
 * @param frequency how often, e.g. {@code Every other day}
 * @param duration duration and number of procedures, e.g. {@code 5-7 over 10-14 days}
 * @param stopping when to stop
 */
public record PrescriptionBox(String volume, String replacement, String frequency, String duration,
        String stopping) {

    /** The box in one line: {@code volume: …; replacement: …; …}, the parts present only. */
    public String text() {
        List<String> parts = new ArrayList<>();
        add(parts, "volume", volume);
        add(parts, "replacement", replacement);
        add(parts, "frequency", frequency);
        add(parts, "duration", duration);
        add(parts, "stopping", stopping);
        return String.join("; ", parts);
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null && !value.isBlank()) {
            parts.add(name + ": " + value);
        }
    }
}
