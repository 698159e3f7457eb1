package org.openapheresis.server.billing;

import java.util.List;
import java.util.Optional;
import org.openapheresis.server.session.Vocabulary;

/**
 * What kind of payer a coverage is with: the coverage rules ({@code billing/coverage-rules.tsv}) are by payer kind.
 * Medicare's national coverage determinations (NCDs) bind traditional Medicare and, for what they cover, Medicare
 * Advantage plans; the unit's own rules by ASFA category are written for commercial plans; Medicaid and other payers
 * have no rule here (each state's Medicaid, and each other payer, decides for itself), so their check answers "no
 * rule — ask billing".
 */
public enum PayerKind {
    /** Traditional (fee-for-service) Medicare: the national coverage determinations apply. */
    MEDICARE("medicare"),
    /**
     * A Medicare Advantage (Part C) plan: it must cover every service Parts A and B cover and comply with CMS's
     * national coverage determinations (42 CFR 422.101(a) and (b)(1)), so what an NCD covers it covers; it may use
     * prior authorisation (42 CFR 422.138(b), as quoted by a plan), and it may offer more than Medicare, so an NCD's
     * non-coverage is not its answer (docs/sources.md, "Medicare Advantage").
     */
    MEDICARE_ADVANTAGE("medicare-advantage"),
    /** A state's Medicaid programme. */
    MEDICAID("medicaid"),
    /** A commercial (private) health plan. */
    COMMERCIAL("commercial"),
    /** Any other payer (a charity, an employer's own scheme, a foreign insurer). */
    OTHER("other");

    private final String code;

    PayerKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    @Override
    public String toString() {
        return code;
    }

    public static Optional<PayerKind> fromCode(String code) {
        return Vocabulary.fromCode(PayerKind.class, code);
    }

    public static List<String> codes() {
        return Vocabulary.codes(PayerKind.class);
    }
}
