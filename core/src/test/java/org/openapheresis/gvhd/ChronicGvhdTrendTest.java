package org.openapheresis.gvhd;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The trend compares the latest recorded global severity with the one before it, whatever the order given. */
class ChronicGvhdTrendTest {

    private static ChronicGvhdTrend.Point at(String t, ChronicGvhdSeverity s) {
        return new ChronicGvhdTrend.Point(LocalDateTime.parse(t), s);
    }

    @Test
    void moderate_then_mild_is_improving_and_says_it_is_not_the_nih_response_criteria() {
        ChronicGvhdTrend t = ChronicGvhdTrend.of(List.of(at("2026-11-04T10:00", ChronicGvhdSeverity.MILD),
                at("2026-09-02T10:00", ChronicGvhdSeverity.MODERATE)));
        assertThat(t.direction()).isEqualTo(ChronicGvhdTrend.Direction.IMPROVING);
        assertThat(t.latest().orElseThrow().severity()).isEqualTo(ChronicGvhdSeverity.MILD);
        assertThat(t.series()).extracting(ChronicGvhdTrend.Point::severity)
                .containsExactly(ChronicGvhdSeverity.MODERATE, ChronicGvhdSeverity.MILD);
        assertThat(t.summary()).isEqualTo("moderate on 2026-09-02, then mild on 2026-11-04: improving (the global "
                + "severity fell; not the NIH response criteria)");
    }

    @Test
    void mild_then_severe_is_worsening() {
        assertThat(ChronicGvhdTrend.of(List.of(at("2026-09-02T10:00", ChronicGvhdSeverity.MILD),
                at("2026-10-02T10:00", ChronicGvhdSeverity.SEVERE))).direction()).isEqualTo(ChronicGvhdTrend.Direction.WORSENING);
    }

    @Test
    void the_same_severity_twice_is_unchanged_and_only_the_last_two_are_compared() {
        assertThat(ChronicGvhdTrend.of(List.of(at("2026-08-02T10:00", ChronicGvhdSeverity.SEVERE),
                at("2026-09-02T10:00", ChronicGvhdSeverity.MODERATE), at("2026-10-02T10:00", ChronicGvhdSeverity.MODERATE)))
                .direction()).isEqualTo(ChronicGvhdTrend.Direction.UNCHANGED);
    }

    @Test
    void one_assessment_is_first_and_none_is_none_recorded() {
        assertThat(ChronicGvhdTrend.of(List.of(at("2026-09-02T10:00", ChronicGvhdSeverity.MILD))).direction())
                .isEqualTo(ChronicGvhdTrend.Direction.FIRST);
        ChronicGvhdTrend none = ChronicGvhdTrend.of(List.of());
        assertThat(none.direction()).isEqualTo(ChronicGvhdTrend.Direction.NONE_RECORDED);
        assertThat(none.latest()).isEmpty();
    }
}
