package org.openapheresis.server.order;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.openapheresis.server.patient.LabField;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Range;

/**
 * The labs a physician asks to have current before each session of an order: which lab fields, and how old a result
 * may be at the session's start. Which labs and how recent is the physician's decision for the patient; the system
 * supplies no default and judges no value (the week's planner only leaves time for the samples to come back, and the
 * nurse reads the results).
 *
 * @param tests lab fields by contract name ({@code fibrinogenGPerL}, {@code plateletsE9PerL}), at least one, distinct
 * @param maxAgeHours how old, in hours, the latest result of each may be when a session starts
 */
public record PreProcedureLabs(List<String> tests, int maxAgeHours) {

    /** A result one hour to one week old: a bound on input, not a clinical standard. */
    public static final Range MAX_AGE_HOURS = Range.of(1, 168);
    /** Most lab fields one order asks for. */
    public static final int MAX_TESTS = 12;

    public PreProcedureLabs {
        Objects.requireNonNull(tests, "tests");
        if (tests.isEmpty() || tests.size() > MAX_TESTS) {
            throw InvalidInputException.of("preProcedureLabs.tests", MessageKey.INVALID, "give 1 to " + MAX_TESTS
                    + " lab fields, not " + tests.size());
        }
        for (int i = 0; i < tests.size(); i++) {
            if (LabField.of(tests.get(i)).isEmpty()) {
                throw InvalidInputException.of("preProcedureLabs.tests[" + i + "]", MessageKey.NOT_ONE_OF,
                        tests.get(i), String.join(", ", LabField.names()));
            }
        }
        if (new LinkedHashSet<>(tests).size() != tests.size()) {
            throw InvalidInputException.of("preProcedureLabs.tests", MessageKey.INVALID, "a lab field is given twice");
        }
        tests = List.copyOf(tests);
        MAX_AGE_HOURS.require("preProcedureLabs.maxAgeHours", maxAgeHours);
    }

    /** The tests as staff read them: {@code Fibrinogen, Platelets}. */
    public String names() {
        return String.join(", ", tests.stream().map(t -> LabField.of(t).map(LabField::name).orElse(t)).toList());
    }
}
