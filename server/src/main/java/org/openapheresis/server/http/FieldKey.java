package org.openapheresis.server.http;

/** Stable keys of the server's own field problems (the core's keys are used for plan requests). */
public enum FieldKey {
    REQUIRED("is required"),
    WRONG_TYPE("expected {0}"),
    OUT_OF_RANGE("{0} is outside {1}..{2}"),
    NOT_FINITE("is not a finite number"),
    NOT_ONE_OF("{0} is not one of {1}"),
    TOO_LONG("is longer than {0} characters"),
    BLANK("must not be blank"),
    NOT_A_DATE("{0} is not an ISO date (YYYY-MM-DD)"),
    NOT_A_DATE_TIME("{0} is not an ISO date-time (e.g. 2026-03-01T08:30:00Z)"),
    IN_THE_FUTURE("{0} is in the future"),
    UNKNOWN_FIELD("is not a field of this resource (allowed: {0})"),
    TOO_MANY("has more than {0} entries"),
    EMPTY_LIST("must contain at least one entry"),
    TAKEN("{0} is already in use"),
    INVALID("{0}");

    private final String template;

    FieldKey(String template) {
        this.template = template;
    }

    public String format(Object... params) {
        String text = template;
        for (int i = 0; i < params.length; i++) {
            text = text.replace("{" + i + "}", org.openapheresis.system.Problem.render(params[i]));
        }
        return text;
    }
}
