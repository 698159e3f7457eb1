package org.openapheresis.system;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input that cannot be planned. Carries every problem found, not only the first, so a user can fix all
 * of them at once. Unchecked: callers at the edges translate it (exit 2, HTTP 422, a message by the field).
 */
public final class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;
    private final String summary;

    /**
     * @param problems at least one problem
     */
    public InvalidInputException(List<Problem> problems) {
        this("the request has invalid values", problems);
    }

    /**
     * @param summary one sentence on what was wrong as a whole (e.g. which record the fields come from)
     * @param problems at least one problem
     */
    public InvalidInputException(String summary, List<Problem> problems) {
        super(problems.stream().map(Problem::line).collect(Collectors.joining("; ")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an InvalidInputException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
        this.summary = java.util.Objects.requireNonNull(summary, "summary");
    }

    /** @return one sentence on what was wrong as a whole */
    public String summary() {
        return summary;
    }

    /** A single problem. */
    public static InvalidInputException of(String field, MessageKey key, Object... params) {
        return new InvalidInputException(List.of(Problem.of(field, key, params)));
    }

    /** @return every problem, in the order they were found */
    public List<Problem> problems() {
        return problems;
    }
}
