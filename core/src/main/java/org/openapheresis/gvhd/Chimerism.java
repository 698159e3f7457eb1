package org.openapheresis.gvhd;

import java.time.LocalDate;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;
import org.openapheresis.system.Range;

/**
 * One donor chimerism result of a follow-up visit. No threshold is applied here: the result is recorded and
 * shown; what a falling donor share means for the next dose is the physician's decision.
 *
 * @param donorPercent share of donor-derived cells in the compartment, 0 to 100 %
 * @param compartment what was measured: whole blood, CD3+ T cells or CD33+ myeloid cells
 * @param sampledOn the date the sample was taken
 */
public record Chimerism(double donorPercent, ChimerismCompartment compartment, LocalDate sampledOn) {

    /** A share of all cells: 0 to 100 %. */
    public static final Range DONOR_PERCENT = Range.of(0, 100);

    public Chimerism {
        Magic2016.ProblemList problems = new Magic2016.ProblemList();
        problems.check("chimerism.donorPercent", DONOR_PERCENT, donorPercent);
        if (compartment == null) {
            problems.add(Problem.of("chimerism.compartment", MessageKey.REQUIRED));
        }
        if (sampledOn == null) {
            problems.add(Problem.of("chimerism.sampledOn", MessageKey.REQUIRED));
        }
        problems.throwIfAny("the chimerism result has invalid values");
    }

    /** @return e.g. {@code donor chimerism 92 % in CD3+ T cells on 2026-11-20} */
    public String describe() {
        return "donor chimerism " + Magic2016.plain(donorPercent) + " % in " + compartment.label() + " on " + sampledOn;
    }
}
