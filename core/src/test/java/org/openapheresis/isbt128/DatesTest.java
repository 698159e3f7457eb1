package org.openapheresis.isbt128;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openapheresis.isbt128.Problems.assertRefused;

import java.time.LocalDate;
import java.time.LocalDateTime;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.openapheresis.system.MessageKey;

/** The {@code cyyjjj} dates and {@code cyyjjjhhmm} date-times of Data Structures 004–007 (ST-001 v6.2.2 §2.4.4–2.4.7). */
class DatesTest {

    @Test
    void the_figure_21_expiry_0180292359_is_29_january_2018_at_23_59() {
        ExpirationDateTime expiry = Isbt128.parse("expiry", "&>0180292359", ExpirationDateTime.class);
        assertThat(expiry.dateTime()).isEqualTo(LocalDateTime.of(2018, 1, 29, 23, 59));
    }

    @Test
    void an_expiry_without_a_time_is_encoded_at_2359() {
        ExpirationDateTime expiry = ExpirationDateTime.endOfDay(LocalDate.of(2020, 5, 31));
        assertThat(expiry.encode()).isEqualTo("&>0201522359");
    }

    @Test
    void each_date_structure_encodes_its_own_data_identifier() {
        LocalDate day = LocalDate.of(2026, 3, 1);
        LocalDateTime at = LocalDateTime.of(2026, 3, 1, 8, 5);
        assertThat(new ExpirationDate(day).encode()).isEqualTo("=>026060");
        assertThat(new CollectionDate(day).encode()).isEqualTo("=*026060");
        assertThat(new ExpirationDateTime(at).encode()).isEqualTo("&>0260600805");
        assertThat(new CollectionDateTime(at).encode()).isEqualTo("&*0260600805");
        assertThat(Isbt128.parse("d", "=>026060")).isEqualTo(new ExpirationDate(day));
        assertThat(Isbt128.parse("d", "=*026060")).isEqualTo(new CollectionDate(day));
        assertThat(Isbt128.parse("d", "&>0260600805")).isEqualTo(new ExpirationDateTime(at));
        assertThat(Isbt128.parse("d", "&*0260600805")).isEqualTo(new CollectionDateTime(at));
    }

    @Test
    void day_366_exists_in_a_leap_year_only() {
        assertThat(Isbt128.parse("collected", "=*024366", CollectionDate.class).date())
                .isEqualTo(LocalDate.of(2024, 12, 31));
        assertRefused(() -> Isbt128.parse("collected", "=*025366"), "collected", MessageKey.IMPOSSIBLE_DATE,
                "025366", 2025, 366);
        assertRefused(() -> Isbt128.parse("collected", "=*100366"), "collected", MessageKey.IMPOSSIBLE_DATE,
                "100366", 2100, 366);
    }

    @Test
    void day_000_and_days_past_366_do_not_exist() {
        assertRefused(() -> Isbt128.parse("expiry", "=>026000"), "expiry", MessageKey.IMPOSSIBLE_DATE, "026000", 2026,
                0);
        assertRefused(() -> Isbt128.parse("expiry", "&>0264000000"), "expiry", MessageKey.IMPOSSIBLE_DATE, "026400",
                2026, 400);
    }

    @Test
    void hours_past_23_and_minutes_past_59_are_not_times_of_day() {
        assertRefused(() -> Isbt128.parse("expiry", "&>0260602400"), "expiry", MessageKey.IMPOSSIBLE_TIME,
                "0260602400", 24, 0);
        assertRefused(() -> Isbt128.parse("collected", "&*0260601260"), "collected", MessageKey.IMPOSSIBLE_TIME,
                "0260601260", 12, 60);
    }

    @Test
    void a_date_with_a_non_digit_is_refused_at_its_position() {
        assertRefused(() -> Isbt128.parse("expiry", "=>02606O"), "expiry", MessageKey.CHARACTER_NOT_ALLOWED, "O", 8,
                "date cyyjjj", "0-9");
    }

    @Test
    void a_date_outside_the_years_the_century_digit_carries_is_refused() {
        assertRefused(() -> new CollectionDate(LocalDate.of(1999, 12, 31)), "collectionDate.date",
                MessageKey.OUT_OF_RANGE, 1999, 2000, 2999);
        assertRefused(() -> new ExpirationDate(LocalDate.of(3000, 1, 1)), "expirationDate.date",
                MessageKey.OUT_OF_RANGE, 3000, 2000, 2999);
    }

    @Test
    void seconds_are_refused_not_truncated() {
        LocalDateTime withSeconds = LocalDateTime.of(2026, 3, 1, 8, 5, 30);
        assertRefused(() -> new CollectionDateTime(withSeconds), "collectionDateTime.dateTime",
                MessageKey.TIME_NOT_WHOLE_MINUTE, "2026-03-01T08:05:30");
    }

    @Property(tries = 500, seed = "20260517")
    void every_day_from_2000_to_2999_round_trips(@ForAll @IntRange(min = 0, max = 365_242) int daysAfter2000,
            @ForAll @IntRange(min = 0, max = 1439) int minuteOfDay) {
        LocalDate day = LocalDate.of(2000, 1, 1).plusDays(daysAfter2000);
        LocalDateTime at = day.atTime(minuteOfDay / 60, minuteOfDay % 60);
        assertThat(Isbt128.parse("d", new ExpirationDate(day).encode())).isEqualTo(new ExpirationDate(day));
        assertThat(Isbt128.parse("d", new CollectionDate(day).encode())).isEqualTo(new CollectionDate(day));
        assertThat(Isbt128.parse("d", new ExpirationDateTime(at).encode())).isEqualTo(new ExpirationDateTime(at));
        assertThat(Isbt128.parse("d", new CollectionDateTime(at).encode())).isEqualTo(new CollectionDateTime(at));
    }
}
