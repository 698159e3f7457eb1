package org.openapheresis.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * METHOXSALEN_CONTRAINDICATED: a photopheresis for a patient whose record names what the methoxsalen label
 * contraindicates. UVADEX (methoxsalen) Sterile Solution prescribing information, CONTRAINDICATIONS: it "is
 * contraindicated in patients exhibiting idiosyncratic or hypersensitivity reactions to methoxsalen, other psoralen
 * compounds or any of the excipients"; "Patients possessing a specific history of a light sensitive disease state
 * should not initiate methoxsalen therapy. Diseases associated with photosensitivity include lupus erythematosus,
 * porphyria cutanea tarda, erythropoietic protoporphyria, variegate porphyria, xeroderma pigmentosum and albinism";
 * and it "is contraindicated in patients with aphakia, because of the significantly increased risk of retinal damage
 * due to the absence of lenses".
 *
 * <p>The record's allergies are read for methoxsalen and psoralens, its conditions for the label's diseases, for
 * photosensitivity and for aphakia, by the words the label uses (whole words, any case). A record that words them
 * otherwise is not recognised: the check helps the physician, it does not replace reading the record, and its
 * silence is no clearance.
 */
public final class MethoxsalenContraindicationRule implements CandidacyRule {

    /** The label behind the rule. */
    public static final String SOURCE = "UVADEX (methoxsalen) Sterile Solution prescribing information, "
            + "Contraindications: hypersensitivity to methoxsalen or other psoralens; a specific history of a light "
            + "sensitive disease (lupus erythematosus, porphyria cutanea tarda, erythropoietic protoporphyria, "
            + "variegate porphyria, xeroderma pigmentosum, albinism); aphakia";

    /** Allergies that contraindicate it: methoxsalen (8-MOP, UVADEX) and the other psoralens. */
    static final List<String> ALLERGENS = List.of("methoxsalen", "8-mop", "8-methoxypsoralen", "uvadex", "psoralen",
            "psoralens", "trioxsalen", "bergapten");
    /**
     * Conditions that contraindicate it, as the label names them, and photosensitivity itself. Lupus is matched as
     * lupus erythematosus and its usual names, not the word alone: a lupus anticoagulant is an antibody, not the
     * light-sensitive disease.
     */
    static final List<String> CONDITIONS = List.of("lupus erythematosus", "systemic lupus", "cutaneous lupus",
            "discoid lupus", "lupus nephritis", "sle", "porphyria", "protoporphyria", "xeroderma pigmentosum",
            "albinism", "photosensitivity", "photosensitive", "light sensitive", "light-sensitive", "aphakia",
            "aphakic");

    @Override
    public WarningCode code() {
        return WarningCode.METHOXSALEN_CONTRAINDICATED;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public Optional<Warning> check(CandidacyFacts f) {
        if (!f.photopheresis()) {
            return Optional.empty();
        }
        List<String> found = new ArrayList<>();
        for (String a : f.history().allergies()) {
            if (ALLERGENS.stream().anyMatch(w -> RecordWords.names(a, w))) {
                found.add("allergy recorded: " + a);
            }
        }
        for (String c : f.history().conditions()) {
            if (CONDITIONS.stream().anyMatch(w -> RecordWords.names(c, w))) {
                found.add("condition recorded: " + c);
            }
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(warning(Severity.DANGER, "Photopheresis gives methoxsalen and UVA light, and the record "
                + "names what the methoxsalen label contraindicates (" + String.join("; ", found) + "): "
                + "hypersensitivity to psoralens, a light-sensitive disease, or aphakia (risk of retinal damage)."));
    }
}
