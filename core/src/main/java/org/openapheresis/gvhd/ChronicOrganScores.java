package org.openapheresis.gvhd;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;
import org.openapheresis.system.Range;

/**
 * The NIH organ scores of one chronic GVHD assessment, 0 to 3 each, as the examining physician entered them from
 * the NIH scoring form (Jagasia 2015). The score of an organ is the form's, not computed here: for the skin, the
 * higher of the skin-features score and the body-surface score; for the lungs, the score by FEV1 (NCI Thesaurus
 * C225388: "In skin: the higher of the 2 scores is used for calculating global severity. In lung: forced
 * expiratory volume in 1 second (FEV1) is used instead of clinical score").
 *
 * @param skin skin score 0-3
 * @param mouth mouth score 0-3
 * @param eyes eyes score 0-3
 * @param giTract GI tract score 0-3
 * @param liver liver score 0-3
 * @param lungs lung score 0-3 (by FEV1)
 * @param jointsAndFascia joints and fascia score 0-3
 * @param genitalTract genital tract score 0-3
 * @param nonGvhdCause organs whose whole abnormality the physician recorded as unequivocally explained by a
 *     documented cause other than GVHD: they are not counted for the global severity (NCI Thesaurus C225388). An
 *     organ with a multifactorial abnormality (GVHD plus other causes) is not listed here: it counts, with no
 *     downgrading of its score.
 */
public record ChronicOrganScores(int skin, int mouth, int eyes, int giTract, int liver, int lungs, int jointsAndFascia,
        int genitalTract, Set<ChronicOrgan> nonGvhdCause) {

    /** The NIH organ score scale: 0 (no symptoms) to 3 (severe). */
    public static final Range SCORE = Range.of(0, 3);

    public ChronicOrganScores {
        Magic2016.ProblemList problems = new Magic2016.ProblemList();
        int[] all = {skin, mouth, eyes, giTract, liver, lungs, jointsAndFascia, genitalTract};
        for (ChronicOrgan o : ChronicOrgan.values()) {
            problems.check("scores." + o.code(), SCORE, all[o.ordinal()]);
        }
        if (nonGvhdCause == null) {
            problems.add(Problem.of("nonGvhdCause", MessageKey.REQUIRED));
        } else {
            for (ChronicOrgan o : nonGvhdCause) {
                if (o == null) {
                    problems.add(Problem.of("nonGvhdCause", MessageKey.REQUIRED));
                } else if (SCORE.contains(all[o.ordinal()]) && all[o.ordinal()] == 0) {
                    problems.add(Problem.of("nonGvhdCause", MessageKey.INVALID, o.code() + " scores 0: an organ "
                            + "without an abnormality has none to attribute to another cause"));
                }
            }
        }
        problems.throwIfAny("the chronic GVHD organ scores have invalid values");
        EnumSet<ChronicOrgan> copy = EnumSet.noneOf(ChronicOrgan.class);
        copy.addAll(nonGvhdCause);
        nonGvhdCause = Collections.unmodifiableSet(copy);
    }

    /** Scores with no organ attributed to another cause. */
    public static ChronicOrganScores of(int skin, int mouth, int eyes, int giTract, int liver, int lungs,
            int jointsAndFascia, int genitalTract) {
        return new ChronicOrganScores(skin, mouth, eyes, giTract, liver, lungs, jointsAndFascia, genitalTract, Set.of());
    }

    /** @return the organ's score as entered */
    public int score(ChronicOrgan organ) {
        return switch (organ) {
            case SKIN -> skin;
            case MOUTH -> mouth;
            case EYES -> eyes;
            case GI_TRACT -> giTract;
            case LIVER -> liver;
            case LUNGS -> lungs;
            case JOINTS_AND_FASCIA -> jointsAndFascia;
            case GENITAL_TRACT -> genitalTract;
        };
    }

    /** @return every organ's score, in the order of the NIH form */
    public Map<ChronicOrgan, Integer> asMap() {
        Map<ChronicOrgan, Integer> m = new LinkedHashMap<>();
        for (ChronicOrgan o : ChronicOrgan.values()) {
            m.put(o, score(o));
        }
        return m;
    }

    /** @return whether the organ counts for the global severity (not attributed wholly to another cause) */
    public boolean counts(ChronicOrgan organ) {
        return !nonGvhdCause.contains(organ);
    }

    /** @return the global severity and the rule that gave it */
    public Nih2014.Grading severity() {
        return Nih2014.globalSeverity(this);
    }
}
