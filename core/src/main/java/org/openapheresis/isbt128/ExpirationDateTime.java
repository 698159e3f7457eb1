package org.openapheresis.isbt128;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.Problem;

/**
 * Data Structure 005, Expiration Date and Time, {@code &>cyyjjjhhmm} (ST-001 v6.2.2 §2.4.5): when the product
 * expires, to the minute. A day begins at 0000 and ends at 2359; when no time is specified ST-001 has 2359 encoded
 * ({@link #endOfDay}). The date-time is local to the facility: ST-001 carries no time zone.
 *
 * <p>The year is 2000 + 100 × century + year: confirmed for 2000–2099 (ST-001 Appendix C, Figure 21, label 4,
 * {@code 0180292359} printed as 29 JAN 2018); UNVERIFIED for 2100–2999, which follow the same rule without a
 * source example.
 *
 * @param dateTime when the product expires, a year 2000..2999, whole minutes (seconds are refused, not truncated)
 * @see <a href="https://www.isbt128.org">ICCBBA ST-001 v6.2.2 §2.4.5</a>
 */
public record ExpirationDateTime(LocalDateTime dateTime) implements DataStructure {

    public ExpirationDateTime {
        Objects.requireNonNull(dateTime, "dateTime");
        List<Problem> problems = OrdinalDates.problems("expirationDateTime.dateTime", dateTime);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** The date with no time specified: 23:59, the default ST-001 §2.4.5 prescribes. */
    public static ExpirationDateTime endOfDay(LocalDate date) {
        return new ExpirationDateTime(date.atTime(LocalTime.of(23, 59)));
    }

    /** Reads {@code &>cyyjjjhhmm} at {@code start}; the caller checked that 12 characters are there. */
    static ExpirationDateTime parseAt(String field, String text, int start) {
        return new ExpirationDateTime(OrdinalDates.parseDateTime(field, text, start + 2));
    }

    @Override
    public DataStructureType type() {
        return DataStructureType.EXPIRATION_DATE_AND_TIME;
    }

    @Override
    public String dataContent() {
        return OrdinalDates.encode(dateTime);
    }

    @Override
    public String encode() {
        return "&>" + dataContent();
    }
}
