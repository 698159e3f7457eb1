package org.openapheresis.kinetics;

import org.openapheresis.patient.Analyte;
import org.openapheresis.system.Sourced;

/**
 * Two-pool kinetics of the white cells that the cell procedures remove or collect: a circulating pool and a
 * marginated, tissue and marrow pool that refills it while cells are taken out.
 *
 * <p>No source gives these constants. White cells use one set, calibrated (UNVERIFIED) so that one
 * leukocytapheresis of 1.5-2 blood volumes lowers the count by 30-60%, the published range (UT Southwestern
 * "White Cell Depletion"; worked case 20, docs/reference-cases.md): with a removal efficiency of 0.45, half of
 * the cells outside the circulation and an exchange of 30% of the circulating pool per hour, 2.0 blood volumes
 * lower the count by about 44% and 1.5 by about 38%. CD3+ lymphocytes and neutrophils use the same set.
 *
 * <p>Mobilised CD34+ cells are calibrated (UNVERIFIED) to the fall of the peripheral CD34+ count by about 30%
 * in the first 30-70 minutes of a collection (PMID 12375664) and to the 1.4-fold recruitment beyond the
 * circulating cells at the start seen in large-volume collections (a large-volume leukapheresis study processing
 * a mean of 21 L over 6 h, read as an abstract; no fuller citation was found): 10% of the mobilisable cells
 * circulate and 60% of the circulating pool exchanges per hour, so at a CE1 of 65% the count falls about 25% by
 * 50 minutes and 29% by 70 minutes, and 4 blood volumes take out about 1.6 times the circulating cells.
 *
 * <p>Half-lives set how fast a count returns to its pre-procedure value between daily sessions (synthesis
 * balances loss at the baseline): 24 hours, UNVERIFIED.
 */
public final class CellKinetics {

    private static final Sourced WHITE_CELL_INTRAVASCULAR = Sourced.unverified(0.5, "",
            "half of the white cells outside the circulation (marginated, tissue and marrow pool), calibrated to"
                    + " the 30-60% fall per leukocytapheresis");
    private static final Sourced WHITE_CELL_EXCHANGE = Sourced.unverified(0.3, "/h",
            "exchange between circulating and marginated pools, calibrated to the 30-60% fall per"
                    + " leukocytapheresis");
    private static final Sourced CELL_RETURN_HALF_LIFE = Sourced.unverified(24, "h",
            "return of the count to its pre-procedure value between daily sessions");

    /** White cells (hyperleukocytosis). */
    public static final AnalyteKinetics WBC = new AnalyteKinetics(Analyte.WBC, Space.BLOOD, WHITE_CELL_INTRAVASCULAR,
            WHITE_CELL_EXCHANGE, CELL_RETURN_HALF_LIFE);

    /** CD3+ lymphocytes: the white cell set. */
    public static final AnalyteKinetics CD3 = new AnalyteKinetics(Analyte.CD3, Space.BLOOD, WHITE_CELL_INTRAVASCULAR,
            WHITE_CELL_EXCHANGE, CELL_RETURN_HALF_LIFE);

    /** Neutrophils of a stimulated donor: the white cell set. */
    public static final AnalyteKinetics NEUTROPHILS = new AnalyteKinetics(Analyte.NEUTROPHILS, Space.BLOOD,
            WHITE_CELL_INTRAVASCULAR, WHITE_CELL_EXCHANGE, CELL_RETURN_HALF_LIFE);

    /** Mobilised CD34+ cells. */
    public static final AnalyteKinetics CD34 = new AnalyteKinetics(Analyte.CD34, Space.BLOOD,
            Sourced.unverified(0.10, "", "10% of the mobilisable CD34+ cells circulate, calibrated to the 30% fall"
                    + " in the first 30-70 min (PMID 12375664) and 1.4-fold recruitment in large-volume collections"),
            Sourced.unverified(0.6, "/h", "CD34+ exchange with the marrow pool, calibrated as above"),
            CELL_RETURN_HALF_LIFE);

    private CellKinetics() {
    }
}
