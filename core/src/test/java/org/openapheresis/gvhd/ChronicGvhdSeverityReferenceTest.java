package org.openapheresis.gvhd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openapheresis.reference.ReferenceFile;

/** Each side of each global-severity threshold (reference/nih-2014-chronic-gvhd-global-severity.txt). */
class ChronicGvhdSeverityReferenceTest {

    private static final ReferenceFile CASES = ReferenceFile.load("nih-2014-chronic-gvhd-global-severity.txt");

    @Test
    void every_case_gets_the_severity_of_the_rule() {
        for (String[] row : CASES.rows()) {
            Nih2014.Grading g = scores(row).severity();
            assertThat(g.severity().code()).as(String.join(" ", row) + " -> " + g.rule()).isEqualTo(row[9]);
        }
    }

    @Test
    void the_cases_reach_every_severity() {
        Set<ChronicGvhdSeverity> reached = EnumSet.noneOf(ChronicGvhdSeverity.class);
        for (String[] row : CASES.rows()) {
            reached.add(scores(row).severity().severity());
        }
        assertThat(reached).containsExactlyInAnyOrder(ChronicGvhdSeverity.values());
    }

    static ChronicOrganScores scores(String[] row) {
        int[] s = new int[8];
        for (int i = 0; i < 8; i++) {
            s[i] = Integer.parseInt(row[i]);
        }
        Set<ChronicOrgan> excluded = EnumSet.noneOf(ChronicOrgan.class);
        if (!row[8].equals("-")) {
            for (String code : row[8].split(",")) {
                excluded.add(ChronicOrgan.fromCode(code).orElseThrow());
            }
        }
        return new ChronicOrganScores(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], excluded);
    }
}
