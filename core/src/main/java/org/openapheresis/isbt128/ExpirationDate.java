package org.openapheresis.isbt128;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.Problem;

/**
 * Data Structure 004, Expiration Date, {@code =>cyyjjj} (ST-001 v6.2.2 §2.4.4): the date at the end of which the
 * item expires, carried as the century digit, the year within the century and the ordinal day of the year.
 * ST-001 intends it for medical devices and supplies and recommends {@link ExpirationDateTime} (005) for blood,
 * tissue and cellular therapy products.
 *
 * <p>The year is 2000 + 100 × century + year: confirmed for 2000–2099 (ST-001 Appendix C, Figure 21, label 4);
 * UNVERIFIED for 2100–2999, which follow the same rule without a source example.
 *
 * @param date the last day of use, a year 2000..2999
 * @see <a href="https://www.isbt128.org">ICCBBA ST-001 v6.2.2 §2.4.4</a>
 */
public record ExpirationDate(LocalDate date) implements DataStructure {

    public ExpirationDate {
        Objects.requireNonNull(date, "date");
        List<Problem> problems = OrdinalDates.problems("expirationDate.date", date);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** Reads {@code =>cyyjjj} at {@code start}; the caller checked that 8 characters are there. */
    static ExpirationDate parseAt(String field, String text, int start) {
        return new ExpirationDate(OrdinalDates.parseDate(field, text, start + 2));
    }

    @Override
    public DataStructureType type() {
        return DataStructureType.EXPIRATION_DATE;
    }

    @Override
    public String dataContent() {
        return OrdinalDates.encode(date);
    }

    @Override
    public String encode() {
        return "=>" + dataContent();
    }
}
