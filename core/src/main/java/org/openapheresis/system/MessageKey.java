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
    UNKNOWN_FIELD("is not a field of the plan contract (allowed: {0})"),
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
    NOT_APPLICABLE("does not apply to procedure type {0}");

    private final String template;

    MessageKey(String template) {
        this.template = template;
    }

    /** @return the English template with {@code {n}} placeholders */
    public String template() {
        return template;
    }
}
