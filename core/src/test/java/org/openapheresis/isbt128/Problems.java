package org.openapheresis.isbt128;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/** Catches the keyed problems that a call refuses its input with. */
final class Problems {

    private Problems() {
    }

    /** @return every problem of the InvalidInputException the call throws (fails if it throws none) */
    static List<Problem> of(ThrowingCallable call) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, call);
        assertThat(e).as("an InvalidInputException").isNotNull();
        return e.problems();
    }

    /** @return the one problem the call is refused with */
    static Problem only(ThrowingCallable call) {
        List<Problem> problems = of(call);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    /** Asserts that the call is refused with exactly this one problem. */
    static void assertRefused(ThrowingCallable call, String field, MessageKey key, Object... params) {
        assertThat(only(call)).isEqualTo(Problem.of(field, key, params));
    }
}
