package org.openapheresis.server.candidacy;

import java.util.ArrayList;
import java.util.List;
import org.openapheresis.safety.Warning;

/** The registry of checks, run together with the plan's own warnings. */
public final class CandidacyChecks {

    private static final List<CandidacyCheck> ALL = List.of(new AceInhibitorCheck(), new PlasmaAllergyCheck(),
            new LowPlateletsCheck(), new LowHematocritCheck(), new ChildCircuitVolumeCheck());

    private CandidacyChecks() {
    }

    public static List<CandidacyCheck> all() {
        return ALL;
    }

    /** Every check's warning, then the plan's warnings (source {@code plan}). */
    public static List<CheckWarning> run(CandidacyFacts facts) {
        List<CheckWarning> out = new ArrayList<>();
        for (CandidacyCheck c : ALL) {
            c.check(facts).ifPresent(out::add);
        }
        for (Warning w : facts.plan().warnings()) {
            out.add(new CheckWarning(w.code().name(), w.severity().toString(), w.message(), "plan (core safety rule)"));
        }
        return out;
    }
}
