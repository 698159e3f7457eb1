package org.openapheresis.kinetics;

/**
 * The red cell volumes of an automated red cell exchange, in closed form: how much donor red cell volume
 * brings the patient's own share of circulating red cells from 1 to a target while the red cell volume goes
 * from a start to an end value, and how the share and the haematocrit move in between.
 *
 * <p>Model: the blood volume stays constant (the procedure is isovolaemic); the patient's circulation is
 * perfectly mixed; donor red cells are infused and mixed red cells removed at a constant ratio {@code k}
 * (removed per infused) over the exchange. Then the red cell volume is {@code R(v) = Rs + (1 - k) v} after
 * {@code v} mL of donor red cells, and the patient's own red cells {@code O} obey {@code dO = -k O / R dv}:
 * <ul>
 *   <li>{@code k = 1} (haematocrit unchanged): {@code O = Rs exp(-v / Rs)}, the textbook continuous-flow
 *       result "fraction of cells remaining = exp(-exchanged red cell volume / red cell volume)";</li>
 *   <li>otherwise {@code O = Rs (R / Rs)^(-k / (1 - k))}.</li>
 * </ul>
 * Solving for the donor red cells that leave a share {@code s = O / R} of own cells at the end gives
 * {@code V = (Re - Rs) ln(s) / ln(Rs / Re)}, tending to {@code Rs ln(1 / s)} when {@code Re = Rs}. That is
 * the formula of the public AYSung/tm-calculator {@code RBCX.vue} (exchange volume = (Hct_post - Hct_pre) x TBV
 * / (Hct_RBC x ln(Hct_pre / Hct_post) / ln(FCR))) once divided by the unit haematocrit, with FCR read as the
 * share of the end red cell volume that is the patient's own; with HbS-free donor cells that share is
 * HbS_end / HbS_start (Terumo BCT Access Point: FCR and HbS% are the same only when the patient's HbS is 100%).
 *
 * <p>Volumes are red cell volumes (packed cell volume at haematocrit 1), mL. Pure functions; no state.
 */
public final class RedCellExchangeKinetics {

    /** Below this relative change in red cell volume the haematocrit is taken as unchanged (k = 1 limit). */
    static final double SAME_VOLUME = 1e-9;

    private RedCellExchangeKinetics() {
    }

    /**
     * Donor red cell volume to infuse, mL.
     *
     * @param startRedCellsMl red cell volume at the start of the exchange, all the patient's own, mL
     * @param endRedCellsMl red cell volume at the end, mL
     * @param ownShareAtEnd the patient's own share of the end red cell volume, in (0, 1)
     * @return the donor red cells, mL; below {@code endRedCellsMl - startRedCellsMl} when the share is reached by
     *     transfusion alone (see {@link #removedRedCellsMl})
     */
    public static double donorRedCellsMl(double startRedCellsMl, double endRedCellsMl, double ownShareAtEnd) {
        require(startRedCellsMl > 0 && endRedCellsMl > 0, "red cell volumes must be positive");
        require(ownShareAtEnd > 0 && ownShareAtEnd < 1, "own share must be in (0, 1), got " + ownShareAtEnd);
        double diff = endRedCellsMl - startRedCellsMl;
        if (Math.abs(diff) <= SAME_VOLUME * startRedCellsMl) {
            return -startRedCellsMl * Math.log(ownShareAtEnd);
        }
        return diff * Math.log(ownShareAtEnd) / Math.log(startRedCellsMl / endRedCellsMl);
    }

    /**
     * The patient's own share of the end red cell volume after a given donor red cell volume: the inverse of
     * {@link #donorRedCellsMl}. Requires {@code donorRedCellsMl > endRedCellsMl - startRedCellsMl} (something is
     * removed).
     */
    public static double ownShareAfter(double startRedCellsMl, double endRedCellsMl, double donorRedCellsMl) {
        require(startRedCellsMl > 0 && endRedCellsMl > 0, "red cell volumes must be positive");
        double diff = endRedCellsMl - startRedCellsMl;
        require(donorRedCellsMl > diff && donorRedCellsMl > 0, "the donor red cells must exceed the rise in volume");
        if (Math.abs(diff) <= SAME_VOLUME * startRedCellsMl) {
            return Math.exp(-donorRedCellsMl / startRedCellsMl);
        }
        return Math.exp(donorRedCellsMl * Math.log(startRedCellsMl / endRedCellsMl) / diff);
    }

    /** Red cells removed over the exchange, mL: infused minus the rise in red cell volume (mass balance). */
    public static double removedRedCellsMl(double startRedCellsMl, double endRedCellsMl, double donorRedCellsMl) {
        return donorRedCellsMl - (endRedCellsMl - startRedCellsMl);
    }

    /**
     * The state after {@code infusedMl} of the {@code totalDonorMl} donor red cells.
     *
     * @return red cell volume and the patient's own share of it
     */
    public static Point at(double startRedCellsMl, double endRedCellsMl, double totalDonorMl, double infusedMl) {
        require(totalDonorMl > 0, "donor volume must be positive");
        require(infusedMl >= 0 && infusedMl <= totalDonorMl * (1 + 1e-12), "infused volume outside 0..total");
        double k = removedRedCellsMl(startRedCellsMl, endRedCellsMl, totalDonorMl) / totalDonorMl;
        double r = startRedCellsMl + (1 - k) * infusedMl;
        double own;
        if (Math.abs(1 - k) <= SAME_VOLUME) {
            own = startRedCellsMl * Math.exp(-infusedMl / startRedCellsMl);
        } else {
            own = startRedCellsMl * Math.pow(r / startRedCellsMl, -k / (1 - k));
        }
        return new Point(r, Math.min(1, own / r));
    }

    /**
     * Whole blood that must pass the separator to remove {@code removed} red cells while the red cell volume goes
     * linearly from {@code startRedCellsMl} to {@code endRedCellsMl}, if every red cell of the processed blood
     * were removed: a lower bound, mL. {@code d processed = d removed / Hct}, Hct = R / TBV.
     */
    public static double minimumProcessedMl(double bloodVolumeMl, double startRedCellsMl, double endRedCellsMl,
            double removedMl) {
        if (removedMl <= 0) {
            return 0;
        }
        double span = endRedCellsMl - startRedCellsMl;
        if (Math.abs(span) <= SAME_VOLUME * startRedCellsMl) {
            return removedMl * bloodVolumeMl / startRedCellsMl;
        }
        // removal proportional to the progress u in 0..1 along R(u) = Rs + span u
        return removedMl * bloodVolumeMl / span * Math.log(endRedCellsMl / startRedCellsMl);
    }

    /**
     * One moment of the exchange.
     *
     * @param redCellsMl circulating red cell volume, mL
     * @param ownShare the patient's own share of it, 0..1
     */
    public record Point(double redCellsMl, double ownShare) {
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
