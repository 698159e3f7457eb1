package org.openapheresis.isbt128;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/**
 * The {@code cyyjjj} date and {@code cyyjjjhhmm} date-time of Data Structures 004–009 (ST-001 v6.2.2 §2.4.4–2.4.9):
 * {@code c} the century, {@code yy} the year within it, {@code jjj} the ordinal day of the year (1 January is 001,
 * 31 December 365 or, in a leap year, 366), {@code hh} 00–23, {@code mm} 00–59.
 *
 * <p>The year is 2000 + 100·c + yy. ST-001 names {@code c} "the century" without the arithmetic; c = 0 for the
 * years 2000–2099 is confirmed by ST-001 Appendix C, Figure 21, label 4, where {@code 0180292359} is printed as
 * expiring 29 JAN 2018. UNVERIFIED: c = 1..9 for 2100–2999 follows the same rule but no source example was found.
 */
final class OrdinalDates {

    /** First year {@code cyy} can carry, c = 0. */
    static final int FIRST_YEAR = 2000;
    /** Last year {@code cyy} can carry, c = 9 (UNVERIFIED beyond 2099, see the class comment). */
    static final int LAST_YEAR = 2999;
    /** Characters of {@code cyyjjj}. */
    static final int DATE_LENGTH = 6;
    /** Characters of {@code cyyjjjhhmm}. */
    static final int DATE_TIME_LENGTH = 10;

    private OrdinalDates() {
    }

    /** @return {@code cyyjjj} of the date */
    static String encode(LocalDate date) {
        return Digits.pad(date.getYear() - FIRST_YEAR, 3) + Digits.pad(date.getDayOfYear(), 3);
    }

    /** @return {@code cyyjjjhhmm} of the date-time */
    static String encode(LocalDateTime dateTime) {
        return encode(dateTime.toLocalDate()) + Digits.pad(dateTime.getHour(), 2) + Digits.pad(dateTime.getMinute(), 2);
    }

    /** Reads {@code cyyjjj} at {@code start}; positions count in the text, which the caller checked is long enough. */
    static LocalDate parseDate(String field, String text, int start) {
        List<Problem> problems = new ArrayList<>();
        CharSet.DIGIT.check(problems, field, text, start, start + DATE_LENGTH, "date cyyjjj");
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return date(field, text, start);
    }

    /** Reads {@code cyyjjjhhmm} at {@code start}; positions count in the text. */
    static LocalDateTime parseDateTime(String field, String text, int start) {
        List<Problem> problems = new ArrayList<>();
        CharSet.DIGIT.check(problems, field, text, start, start + DATE_TIME_LENGTH, "date and time cyyjjjhhmm");
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        LocalDate date = date(field, text, start);
        int hour = Digits.parse(text, start + 6, start + 8);
        int minute = Digits.parse(text, start + 8, start + 10);
        if (hour > 23 || minute > 59) {
            throw InvalidInputException.of(field, MessageKey.IMPOSSIBLE_TIME,
                    text.substring(start, start + DATE_TIME_LENGTH), hour, minute);
        }
        return date.atTime(hour, minute);
    }

    /** Problems that keep a date from being encoded: a year outside what {@code cyy} can carry. */
    static List<Problem> problems(String field, LocalDate date) {
        List<Problem> problems = new ArrayList<>();
        if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            problems.add(Problem.of(field, MessageKey.OUT_OF_RANGE, date.getYear(), FIRST_YEAR, LAST_YEAR));
        }
        return problems;
    }

    /** Problems that keep a date-time from being encoded: its year, or seconds that {@code hhmm} cannot carry. */
    static List<Problem> problems(String field, LocalDateTime dateTime) {
        List<Problem> problems = problems(field, dateTime.toLocalDate());
        if (dateTime.getSecond() != 0 || dateTime.getNano() != 0) {
            problems.add(Problem.of(field, MessageKey.TIME_NOT_WHOLE_MINUTE, dateTime.toString()));
        }
        return problems;
    }

    private static LocalDate date(String field, String text, int start) {
        int year = FIRST_YEAR + Digits.parse(text, start, start + 3);
        int day = Digits.parse(text, start + 3, start + 6);
        if (day < 1 || day > Year.of(year).length()) {
            throw InvalidInputException.of(field, MessageKey.IMPOSSIBLE_DATE, text.substring(start, start + 6), year,
                    day);
        }
        return LocalDate.ofYearDay(year, day);
    }
}
