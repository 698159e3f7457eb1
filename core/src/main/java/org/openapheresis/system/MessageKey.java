package org.openapheresis.system;

/**
 * Stable keys for every problem the core reports about its input. Tests assert the key and its
 * parameters, not the English; translators at the edges (CLI, HTTP, UI) render the template.
 *
 * <p>Templates use {@code {0}}, {@code {1}}, … for parameters, rendered by {@link Problem#message()}.
 */
public enum MessageKey {
    /** A required field is absent or null. */
    REQUIRED("is required"),
    /** A field is required only in some circumstances, named by the parameter. */
    REQUIRED_WHEN("is required {0}"),
    /** The JSON value has the wrong type: expected type, actual value. */
    WRONG_TYPE("expected {0}, got {1}"),
    /** A number is outside its allowed range: value, low, high (units are in the field name). */
    OUT_OF_RANGE("{0} is outside {1}..{2}"),
    /** A number must be strictly positive or finite. */
    NOT_FINITE("{0} is not a finite number"),
    /** A field the contract does not define: the allowed names. */
    UNKNOWN_FIELD("is not a known field here (allowed: {0})"),
    /** A text value is not one of the allowed values. */
    NOT_ONE_OF("{0} is not one of {1}"),
    /** Two fields that exclude each other were both given. */
    MUTUALLY_EXCLUSIVE("cannot be given together with {0}"),
    /** Percentages that must sum to 100 do not: the sum. */
    PERCENT_SUM_NOT_100("percentages sum to {0}, must sum to 100"),
    /** A list that must not be empty is empty. */
    EMPTY_LIST("must contain at least one entry"),
    /** A lab value needed by the chosen procedure is absent: the procedure type. */
    LAB_REQUIRED_FOR_PROCEDURE("is required for procedure type {0}"),
    /** Blood volume per kg outside what a living person can have: value mL/kg, low, high. */
    BLOOD_VOLUME_IMPLAUSIBLE("{0} mL/kg of body weight is outside the physiologically possible {1}..{2} mL/kg"),
    /** Weight and height together give an impossible body mass index: BMI, low, high. */
    BODY_MASS_INDEX_IMPLAUSIBLE("weight and height give a body mass index of {0} kg/m2, outside the possible {1}..{2}"),
    /** The request cannot be planned for a reason that is not one field's range: the reason. */
    NOT_PLANNABLE("{0}"),
    /** A field applies only to other procedure types: the type given. */
    NOT_APPLICABLE("does not apply to procedure type {0}"),

    // ---- record fields (the unit's server reads its requests with the same reader) ----

    /** Text longer than its field allows: the maximum length. */
    TOO_LONG("is longer than {0} characters"),
    /** Text that is empty or only spaces. */
    BLANK("must not be blank"),
    /** Not an ISO date: the text given. */
    NOT_A_DATE("{0} is not an ISO date (YYYY-MM-DD)"),
    /** Not an ISO date-time: the text given. */
    NOT_A_DATE_TIME("{0} is not an ISO date-time (e.g. 2026-03-01T08:30:00Z)"),
    /** A time or date that cannot yet have happened: the value given. */
    IN_THE_FUTURE("{0} is in the future"),
    /** A list longer than allowed: the maximum number of entries. */
    TOO_MANY("has more than {0} entries"),
    /** A value that must be unique and is already used: the value. */
    TAKEN("{0} is already in use"),
    /** An id that names no record: what kind of record. */
    NOT_FOUND("no {0} with this id"),
    /** A rule about this field that no other key names: the rule, in words. */
    INVALID("{0}"),
    /** Text with a character that has no place in a record: what it is, its position from 1. */
    INVALID_CHARACTER("contains {0} at character {1}, which is not allowed here"),
    /** A time earlier than an entry of the session may be: the time, the earliest, why that is the earliest. */
    BEFORE_SESSION_WINDOW("{0} is before {1}, the earliest this entry may be timed ({2})"),
    /** A time later than an entry of the session may be: the time, the latest, why that is the latest. */
    AFTER_SESSION_WINDOW("{0} is after {1}, the latest this entry may be timed ({2})"),
    /** A user name that names no member of staff of the kind: the name, the kind (e.g. active nurse). */
    NOT_STAFF("{0} is not {1} of the unit"),

    // ---- passwords (the server's one password policy; a password is never echoed in a problem) ----

    /** A password with fewer characters than the policy asks: the minimum. */
    PASSWORD_TOO_SHORT("must have at least {0} characters"),
    /** A password longer than bcrypt reads: its length in bytes, the maximum. */
    PASSWORD_TOO_LONG("is {0} bytes long in UTF-8; at most {1} bytes are read by the password hash"),
    /** A password that is the user name, or the user name with digits or symbols around it. */
    PASSWORD_IS_USER_NAME("must not be the user name"),
    /** A password that is common or follows a pattern guessed early. */
    PASSWORD_TOO_COMMON("is too easy to guess: a common password, a common word with digits or symbols added, "
            + "a keyboard row, a sequence or one character repeated"),
    /** The password given to confirm who is asking is not the account's. */
    PASSWORD_WRONG("is not the password of this account"),

    // ---- ISBT 128 (the isbt128 package appends its keys below this line) ----

    /** ISBT 128 text of the wrong length: the text, its length, the length expected. */
    WRONG_LENGTH("{0} has {1} characters; {2} expected"),
    /** A character an ISBT 128 element does not allow: the character, its position from 1, the element, the allowed set. */
    CHARACTER_NOT_ALLOWED("character {0} at position {1} is not allowed in the {2} (allowed: {3})"),
    /** Text that does not begin with a data identifier of ST-001 Table 2: the first characters of the text. */
    UNKNOWN_DATA_IDENTIFIER("{0} does not begin with an ISBT 128 data identifier"),
    /** A data structure of ST-001 that this codec does not read: its number, its name, its data identifier. */
    UNSUPPORTED_DATA_STRUCTURE("ISBT 128 data structure {0} ({1}, data identifier {2}) is not supported here"),
    /** A data structure other than the one asked for: the one expected, the one found. */
    WRONG_DATA_STRUCTURE("expected {0}, but the text is {1}"),
    /** A keyboard entry check character that does not match: the character given, the one computed, the DIN. */
    CHECK_CHARACTER_MISMATCH("check character {0} does not match {1}, the check character of DIN {2}"),
    /** Type 3 DIN flags that do not carry the DIN's check: the flags given, the flags expected, the DIN. */
    FLAG_CHECK_MISMATCH("flag characters {0} do not carry the check of DIN {2}, which gives {1}"),
    /** A value ST-001 reserves for future assignment: the value, the element. */
    RESERVED_VALUE("{0} is reserved for future assignment in the {1}"),
    /** An ordinal date the year does not have: the text, the year, the day of the year. */
    IMPOSSIBLE_DATE("{0} is not a date: year {1} has no day {2}"),
    /** A time of day that does not exist: the text, the hour, the minute. */
    IMPOSSIBLE_TIME("{0} is not a time of day: hour {1}, minute {2}"),
    /** A date-time with seconds, which ISBT 128 cannot carry: the date-time. */
    TIME_NOT_WHOLE_MINUTE("{0} has seconds; ISBT 128 carries times to the minute"),
    /** An ABO/RhD code outside the table this codec holds: the code. */
    UNKNOWN_BLOOD_GROUP_CODE("{0} is not an ABO/RhD blood group code known here (ST-001 Table 4)"),
    /** A type of collection character outside ST-001 Table 7: the character. */
    UNKNOWN_COLLECTION_TYPE("{0} is not a type of collection code (ST-001 Table 7)"),
    /** A product description code whose first character names no product family: the character. */
    UNKNOWN_PRODUCT_FAMILY("{0} does not begin a product description code of any ISBT 128 product family"),
    /** A product description code absent from the loaded table: the code, the table. */
    UNKNOWN_PRODUCT_CODE("product description code {0} is not in {1}"),
    /** A compound message that carries another number of data structures than it announces: announced, found. */
    COMPOUND_COUNT_MISMATCH("the compound message announces {0} data structures but carries {1}"),
    /** A compound message inside a compound message. */
    COMPOUND_MESSAGE_NESTED("a compound message cannot contain another compound message"),
    /** A code table without its header line: the header expected. */
    TABLE_HEADER_EXPECTED("the first line that is not a comment must be the header {0}"),
    /** A code table line with the wrong number of fields: found, expected, the header. */
    TABLE_FIELD_COUNT("has {0} fields; the table has {1} columns ({2})"),
    /** A code table line with a quoted field that is never closed. */
    TABLE_QUOTE_UNTERMINATED("has a quoted field that is not closed"),
    /** A code that appears twice in a table: the code, the line of its first appearance. */
    DUPLICATE_CODE("{0} appears more than once in the table (first on line {1})"),
    ;

    private final String template;

    MessageKey(String template) {
        this.template = template;
    }

    /** @return the English template with {@code {n}} placeholders */
    public String template() {
        return template;
    }
}
