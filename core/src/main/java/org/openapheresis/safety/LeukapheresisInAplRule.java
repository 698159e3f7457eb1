package org.openapheresis.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * LEUKAPHERESIS_IN_APL: a leukocytapheresis for a patient with acute promyelocytic leukaemia. The separator maker's
 * safety information (Terumo BCT, Spectra Optia system, therapeutic apheresis, "Contraindications"): "Leukocytapheresis
 * is contraindicated in acute myeloid leukemia FAB M3 (acute promyelocytic leukemia) because of the accompanying
 * disseminated intravascular coagulation."
 *
 * <p>Read from the order's indication (ICD-10 C92.4, acute promyelocytic leukaemia; ICD-10-CM C92.40, C92.41, C92.42
 * by remission) and from the record's conditions, by the words a record uses for it (whole words, any case):
 * promyelocytic, APL, AML M3, FAB M3, PML-RARA, t(15;17). A record that words it otherwise is not recognised: the
 * check helps the physician, it does not replace reading the record, and its silence is no clearance. A
 * contraindication from the maker's labelling is shown as a danger the physician acknowledges, not a refusal: the
 * decision stays the physician's.
 */
public final class LeukapheresisInAplRule implements CandidacyRule {

    /** The labelling behind the rule. */
    public static final String SOURCE = "Terumo BCT, Spectra Optia Apheresis System safety information, "
            + "Contraindications: leukocytapheresis is contraindicated in acute myeloid leukemia FAB M3 (acute "
            + "promyelocytic leukemia) because of the accompanying disseminated intravascular coagulation";

    /** The ICD-10 category of acute promyelocytic leukaemia (WHO ICD-10 C92.4; ICD-10-CM C92.40–C92.42). */
    static final String ICD10_APL = "C92.4";

    /** Words a record uses for acute promyelocytic leukaemia. */
    static final List<String> CONDITIONS = List.of("promyelocytic", "apl", "aml m3", "aml-m3", "fab m3", "m3 aml",
            "pml-rara", "pml::rara", "t(15;17)");

    @Override
    public WarningCode code() {
        return WarningCode.LEUKAPHERESIS_IN_APL;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public Optional<Warning> check(CandidacyFacts f) {
        if (!f.leukocytapheresis()) {
            return Optional.empty();
        }
        List<String> found = new ArrayList<>();
        f.indicationIcd10().map(c -> c.trim().toUpperCase(Locale.ROOT)).filter(c -> c.startsWith(ICD10_APL))
                .ifPresent(c -> found.add("the order's indication is " + c));
        for (String c : f.history().conditions()) {
            if (CONDITIONS.stream().anyMatch(w -> RecordWords.names(c, w))) {
                found.add("condition recorded: " + c);
            }
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(warning(Severity.DANGER, "Leukocytapheresis is contraindicated in acute promyelocytic "
                + "leukaemia (AML FAB M3) because of the disseminated intravascular coagulation that accompanies it, "
                + "and " + String.join("; ", found) + "."));
    }
}
