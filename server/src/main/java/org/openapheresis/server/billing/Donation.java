package org.openapheresis.server.billing;

import java.util.Optional;
import org.openapheresis.server.session.Vocabulary;

/** Whose cells: the patient's own (autologous) or a donor's for another (allogeneic). */
public enum Donation {
    AUTOLOGOUS("autologous"),
    ALLOGENEIC("allogeneic");

    private final String code;

    Donation(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    @Override
    public String toString() {
        return code;
    }

    public static Optional<Donation> fromCode(String code) {
        return Vocabulary.fromCode(Donation.class, code);
    }
}
