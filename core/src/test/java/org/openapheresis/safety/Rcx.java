package org.openapheresis.safety;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/** Red cell exchange facts for the rule tests. */
final class Rcx {

    private Rcx() {
    }

    /** An exchange from Hct 27 % and HbS 85 % to the given haematocrit and HbS 30 %, needing 7 units. */
    static RedCellExchangeFacts to(double postHct) {
        return new RedCellExchangeFacts(27, postHct, 85, 30, 40 * (postHct - 27), 7, OptionalInt.empty(),
                OptionalDouble.empty());
    }

    static RedCellExchangeFacts withUnits(int available, OptionalDouble hbsReached) {
        return new RedCellExchangeFacts(27, 27, 85, 30, 0, 7, OptionalInt.of(available), hbsReached);
    }
}
