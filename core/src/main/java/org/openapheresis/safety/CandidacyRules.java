package org.openapheresis.safety;

import java.util.ArrayList;
import java.util.List;

/** Every candidacy rule, run on an order together with the plan's own warnings. */
public final class CandidacyRules {

    private static final List<CandidacyRule> ALL = List.of(new AceInhibitorAlbuminExchangeRule(),
            new PlasmaAllergyRule(), new PlateletsLowPreRule(), new HematocritLowPreRule(),
            new ChildCircuitTooLargeRule(), new SessionsNeededExceedOrderedRule(),
            new MethoxsalenContraindicationRule(), new LeukapheresisInAplRule());

    private CandidacyRules() {
    }

    /** @return every candidacy rule */
    public static List<CandidacyRule> all() {
        return ALL;
    }

    /** Every candidacy rule's warning, then the plan's own warnings: what an order needs acknowledged. */
    public static List<Warning> check(CandidacyFacts facts) {
        List<Warning> out = new ArrayList<>();
        for (CandidacyRule rule : ALL) {
            rule.check(facts).ifPresent(out::add);
        }
        out.addAll(facts.planWarnings());
        return List.copyOf(out);
    }
}
