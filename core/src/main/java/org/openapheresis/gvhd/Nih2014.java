package org.openapheresis.gvhd;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The global severity of chronic GVHD (mild, moderate, severe) from the eight NIH organ scores.
 *
 * <p>Source: Jagasia MH, Greinix HT, Arora M, et al. National Institutes of Health Consensus Development Project on
 * Criteria for Clinical Trials in Chronic Graft-versus-Host Disease: I. The 2014 Diagnosis and Staging Working
 * Group Report. Biol Blood Marrow Transplant 2015;21(3):389-401 (PubMed Central PMC4329079).
 * The paper's abstract was read; its global-severity figure was not in the excerpt found. The rules were checked
 * against:
 * <ul>
 * <li>Arai S et al., "Chronic GVHD Global Severity According to NIH Consensus Criteria", Blood
 * 2010;116(21):220 (ASH abstract, Chronic GVHD Consortium), which states the rule as the consortium calculated it:
 * mild, "no more than 2 organs with score 1"; moderate, "3 or more organs with score 1, lung score 1 or any other
 * organ score 2"; severe, "lung score=2 or any organ score=3". That is the 2005 NIH rule (Filipovich, Biol Blood
 * Marrow Transplant 2005;11:945-955).</li>
 * <li>NCI Thesaurus C225388, "NIH Consensus ... Chronic GVHD Severity Score": the eight organs, the number of
 * organs involved and each one's score; the higher of the two skin scores; FEV1 for the lung; an organ whose
 * whole abnormality is "unequivocally explained by a non-GVHD documented cause" not included; a multifactorial
 * one included with "no downgrading of organ severity score"; performance status not incorporated. The same
 * attribution sentences are in the caption of the global-severity figure of Lee SJ, "Classification systems for
 * chronic graft-versus-host disease", Blood 2017;129(1):30 (Figure 4).</li>
 * </ul>
 * <b>UNVERIFIED:</b> that the 2014 report keeps the 2005 thresholds unchanged, and its wording "lung score of 2
 * or 3" for severe and "at least 1 organ (not lung) with a score of 2" for moderate, were read only in public
 * code that quotes Jagasia 2015, not in the paper. The rule coded here is the one all of these agree on:
 * <ul>
 * <li><b>severe</b>: at least one organ at score 3, or a lung score of 2 or 3;</li>
 * <li><b>moderate</b>: otherwise, at least one organ other than the lung at score 2, or a lung score of 1, or
 * three or more organs at score 1;</li>
 * <li><b>mild</b>: otherwise, one or two organs at score 1, with the lung at 0;</li>
 * <li><b>none</b> (the project's word, not an NIH category): no organ counted scores 1 or more.</li>
 * </ul>
 * Raising any organ's score never lowers the severity (a jqwik property). The sentence shown to users carries the
 * UNVERIFIED mark.
 */
public final class Nih2014 {

    /** The short citation that ends every severity sentence. */
    public static final String CITED = "(NIH 2014 consensus, Jagasia 2015)";

    /** The full citation. */
    public static final String SOURCE = "Jagasia MH et al., Biol Blood Marrow Transplant 2015;21(3):389-401, "
            + "PMC4329079 (NIH 2014 consensus, global severity of chronic GVHD)";

    /** The mark every severity sentence carries until the rule is read in the 2014 paper itself. */
    public static final String UNVERIFIED = "(UNVERIFIED against the 2014 paper itself: the thresholds were read in the "
            + "Chronic GVHD Consortium's statement of the NIH rule, Arai 2010, and in code quoting Jagasia 2015)";

    /** The organ score from which the disease is severe, for any organ. */
    public static final int SEVERE_FROM_ANY_ORGAN_SCORE = 3;
    /** The lung score from which the disease is severe. */
    public static final int SEVERE_FROM_LUNG_SCORE = 2;
    /** The score of an organ other than the lung from which the disease is at least moderate. */
    public static final int MODERATE_FROM_OTHER_ORGAN_SCORE = 2;
    /** The lung score from which the disease is at least moderate. */
    public static final int MODERATE_FROM_LUNG_SCORE = 1;
    /** The number of organs at score 1 or more from which the disease is at least moderate. */
    public static final int MODERATE_FROM_ORGANS_INVOLVED = 3;

    private Nih2014() {
    }

    /**
     * The global severity of one assessment, with the sentence of the rule it met and the organs that met it, e.g.
     * {@code moderate: at least one organ other than the lung at score 2, or lung score 1, or three or more organs
     * at score 1; here lungs score 1 (NIH 2014 consensus, Jagasia 2015) (UNVERIFIED …)}.
     */
    public static Grading globalSeverity(ChronicOrganScores scores) {
        Objects.requireNonNull(scores, "scores");
        List<String> severe = new ArrayList<>();
        List<String> moderate = new ArrayList<>();
        List<String> involved = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        for (ChronicOrgan o : ChronicOrgan.values()) {
            int s = scores.score(o);
            if (!scores.counts(o)) {
                excluded.add(o.label() + " score " + s);
                continue;
            }
            String said = o.label() + " score " + s;
            if (s > 0) {
                involved.add(said);
            }
            boolean lung = o == ChronicOrgan.LUNGS;
            if (s >= SEVERE_FROM_ANY_ORGAN_SCORE || lung && s >= SEVERE_FROM_LUNG_SCORE) {
                severe.add(said);
            } else if (!lung && s >= MODERATE_FROM_OTHER_ORGAN_SCORE || lung && s >= MODERATE_FROM_LUNG_SCORE) {
                moderate.add(said);
            }
        }
        ChronicGvhdSeverity severity;
        String here;
        if (!severe.isEmpty()) {
            severity = ChronicGvhdSeverity.SEVERE;
            here = String.join(", ", severe);
        } else if (!moderate.isEmpty()) {
            severity = ChronicGvhdSeverity.MODERATE;
            here = String.join(", ", moderate);
        } else if (involved.size() >= MODERATE_FROM_ORGANS_INVOLVED) {
            severity = ChronicGvhdSeverity.MODERATE;
            here = involved.size() + " organs at score 1 (" + String.join(", ", involved) + ")";
        } else if (!involved.isEmpty()) {
            severity = ChronicGvhdSeverity.MILD;
            here = String.join(", ", involved) + ", lungs score 0";
        } else {
            severity = ChronicGvhdSeverity.NONE;
            here = "";
        }
        String rule = severity.code() + ": " + definition(severity) + (here.isEmpty() ? "" : "; here " + here)
                + (excluded.isEmpty() ? "" : "; not counted, the whole abnormality explained by a documented "
                        + "non-GVHD cause: " + String.join(", ", excluded))
                + " " + CITED + " " + UNVERIFIED;
        return new Grading(severity, rule);
    }

    /** @return the severity's rule, in words */
    public static String definition(ChronicGvhdSeverity severity) {
        return switch (severity) {
            case NONE -> "no organ counted scores 1 or more (not an NIH category: nothing to grade)";
            case MILD -> "one or two organs at score 1, with lung score 0";
            case MODERATE -> "at least one organ other than the lung at score 2, or lung score 1, or three or more "
                    + "organs at score 1";
            case SEVERE -> "at least one organ at score 3, or lung score 2 or 3";
        };
    }

    /**
     * A global severity and the rule that gave it.
     *
     * @param severity the global severity
     * @param rule the rule met, the organs that met it, the citation and the UNVERIFIED mark
     */
    public record Grading(ChronicGvhdSeverity severity, String rule) {

        public Grading {
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(rule, "rule");
        }
    }
}
