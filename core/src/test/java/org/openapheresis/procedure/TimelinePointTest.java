package org.openapheresis.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimelinePointTest {

    private static final TimelinePoint.Names NAMES = TimelinePoint.Names.of("processedVolumeMl", "igg",
            "ionizedCalcium");

    @Test
    void a_point_equals_prints_and_iterates_as_the_linked_hash_map_of_its_entries_minute_first() {
        double[] values = {1200, 7.5, 1.02};
        TimelinePoint p = TimelinePoint.of(25, NAMES, values);
        Map<String, Double> expected = new LinkedHashMap<>();
        expected.put("minute", 25.0);
        expected.put("processedVolumeMl", 1200.0);
        expected.put("igg", 7.5);
        expected.put("ionizedCalcium", 1.02);

        assertThat(p).isEqualTo(expected);
        assertThat(p.hashCode()).isEqualTo(expected.hashCode());
        assertThat(p.toString()).isEqualTo(expected.toString());
        assertThat(p.keySet()).containsExactly("minute", "processedVolumeMl", "igg", "ionizedCalcium");
        assertThat(p.get("igg")).isEqualTo(7.5);
        assertThat(p.get("minute")).isEqualTo(25.0);
        assertThat(p.get("albumin")).isNull();
        assertThat(p.containsKey("albumin")).isFalse();
    }

    @Test
    void a_point_keeps_its_values_when_the_recorder_reuses_its_array_and_moves_to_another_minute_unchanged() {
        double[] values = {1200, 7.5, 1.02};
        TimelinePoint p = TimelinePoint.of(25, NAMES, values);
        values[1] = 0;
        TimelinePoint later = p.atMinute(2905);

        assertThat(p.get("igg")).isEqualTo(7.5);
        assertThat(later.minute()).isEqualTo(2905);
        assertThat(later.get("igg")).isEqualTo(7.5);
        assertThat(later.names()).isSameAs(p.names());
        assertThat(p.minute()).isEqualTo(25);
    }

    @Test
    void names_must_be_distinct_and_not_the_minute_and_values_one_per_name() {
        assertThatThrownBy(() -> TimelinePoint.Names.of("igg", "igg")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimelinePoint.Names.of("minute")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimelinePoint.of(0, NAMES, new double[2])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimelinePoint.of(0, NAMES, new double[] {1, 2, 3}).put("igg", 1.0))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
