package org.openapheresis.procedure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.openapheresis.kinetics.BodyState;
import org.openapheresis.patient.Analyte;
import org.openapheresis.system.Rounding;

/** Builds the {@code predicted} block of a plan from the simulated start and end of a session. */
final class Predictions {

    private Predictions() {
    }

    /**
     * @param start body at the start
     * @param end body at the end of processing
     * @param ionizedCalciumNadir lowest ionised calcium during the session, or NaN
     * @param includeHematocrit whether the procedure changes the haematocrit enough to report it
     * @param changed the analytes the procedure changes (others are not reported)
     */
    static Map<String, Plan.Prediction> of(BodyState start, BodyState end, double ionizedCalciumNadir,
            boolean includeHematocrit, Set<Analyte> changed) {
        Map<String, Plan.Prediction> out = new LinkedHashMap<>();
        for (Analyte a : start.pools().keySet()) {
            if (!changed.contains(a)) {
                continue;
            }
            double pre = start.concentration(a).getAsDouble();
            double post = end.concentration(a).getAsDouble();
            out.put(a.predictedName(), prediction(a.unit(), pre, post));
        }
        if (includeHematocrit) {
            out.put("hematocrit", prediction("%", 100 * start.hematocritFraction(), 100 * end.hematocritFraction()));
        }
        OptionalDouble caPre = start.ionizedCalcium();
        OptionalDouble caPost = end.ionizedCalcium();
        if (caPre.isPresent() && caPost.isPresent()) {
            double nadir = Double.isNaN(ionizedCalciumNadir) ? caPost.getAsDouble()
                    : Math.min(ionizedCalciumNadir, caPost.getAsDouble());
            out.put("ionizedCalcium", new Plan.Prediction(Analyte.IONIZED_CALCIUM.unit(),
                    Rounding.decimals(caPre.getAsDouble(), 2), Rounding.decimals(caPost.getAsDouble(), 2), null,
                    Rounding.decimals(nadir, 2)));
        }
        return out;
    }

    static Plan.Prediction prediction(String unit, double pre, double post) {
        Double change = pre > 0 ? (double) Math.round(100 * (post - pre) / pre) : null;
        return new Plan.Prediction(unit, Rounding.significant(pre, 3), Rounding.significant(post, 3), change, null);
    }
}
