package org.openapheresis.server.billing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openapheresis.procedure.ProcedureType;
import org.openapheresis.server.guideline.GuidelineRow;
import org.openapheresis.server.guideline.Guidelines;

/**
 * The coverage rule table ({@code billing/coverage-rules.tsv}), read from the classpath once: published facts
 * (Medicare's national coverage determinations, each row with where it was read) and the unit's own rules by ASFA
 * category (marked UNIT RULE), kept apart. The first row matching an order's facts answers; none matching answers
 * "no rule — ask billing", never "covered".
 */
public final class CoverageRules {

    static final String RESOURCE = "/billing/coverage-rules.tsv";
    private static final int COLUMNS = 10;

    private final List<CoverageRule> rules;

    CoverageRules(List<CoverageRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<CoverageRule> rules() {
        return rules;
    }

    /** The first rule written for the facts, if any. */
    public Optional<CoverageRule> match(CoverageFacts f) {
        return rules.stream().filter(r -> r.matches(f)).findFirst();
    }

    /**
     * The table from the classpath, checked against the indications table: a row id it names must be a row of the
     * table, of the rule's procedure when the rule names one; a category must be I-IV; an ICD-10 prefix must be one
     * of the table's rows' (no code outside what the product already knows).
     */
    public static CoverageRules load(Guidelines guidelines) {
        List<CoverageRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> knownPrefixes = new HashSet<>();
        guidelines.rows().forEach(r -> knownPrefixes.addAll(r.icd10()));
        boolean header = true;
        for (String[] f : CodeRules.lines(RESOURCE)) {
            if (f.length != COLUMNS) {
                throw new IllegalStateException(RESOURCE + ": " + f.length + " columns, " + COLUMNS + " expected: "
                        + String.join("\t", f));
            }
            if (header) {
                header = false;
                continue;
            }
            String id = f[0];
            if (!ids.add(id)) {
                throw new IllegalStateException(RESOURCE + " has rule " + id + " twice");
            }
            Optional<ProcedureType> procedure = f[2].equals("*") ? Optional.empty()
                    : Optional.of(ProcedureType.fromCode(f[2]).orElseThrow(() -> bad(id, "procedure", f[2])));
            CoverageRule.IndicationMatch match = indication(id, f[3], procedure, guidelines, knownPrefixes);
            java.util.Set<PayerKind> payers = new java.util.LinkedHashSet<>();
            for (String kind : f[1].split(",")) {
                payers.add(PayerKind.fromCode(kind.strip()).orElseThrow(() -> bad(id, "payer", f[1])));
            }
            rules.add(new CoverageRule(id, payers, procedure, match,
                    CoverageRule.Covered.fromCode(f[4]).orElseThrow(() -> bad(id, "covered", f[4])),
                    CoverageRule.PriorAuthorizationNeed.fromCode(f[5]).orElseThrow(() -> bad(id, "prior-authorization",
                            f[5])),
                    CoverageRule.Basis.fromCode(f[6]).orElseThrow(() -> bad(id, "basis", f[6])),
                    CoverageRule.Status.fromCode(f[7]).orElseThrow(() -> bad(id, "status", f[7])),
                    f[8].equals("-") ? Optional.empty() : Optional.of(f[8]), f[9]));
        }
        return new CoverageRules(rules);
    }

    private static CoverageRule.IndicationMatch indication(String id, String text, Optional<ProcedureType> procedure,
            Guidelines guidelines, Set<String> knownPrefixes) {
        if (text.equals("*")) {
            return new CoverageRule.IndicationMatch(CoverageRule.IndicationMatch.Kind.ANY, List.of());
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw bad(id, "indication", text);
        }
        List<String> values = Arrays.asList(text.substring(colon + 1).split(","));
        CoverageRule.IndicationMatch.Kind kind = switch (text.substring(0, colon)) {
            case "icd10" -> CoverageRule.IndicationMatch.Kind.ICD10;
            case "row" -> CoverageRule.IndicationMatch.Kind.ROW;
            case "category" -> CoverageRule.IndicationMatch.Kind.CATEGORY;
            default -> throw bad(id, "indication", text);
        };
        for (String v : values) {
            boolean ok = switch (kind) {
                case ICD10 -> knownPrefixes.contains(v);
                case ROW -> guidelines.row(v).map(GuidelineRow::procedureType)
                        .filter(p -> procedure.isEmpty() || procedure.get().code().equals(p)).isPresent();
                case CATEGORY -> Guidelines.CATEGORIES.contains(v);
                case ANY -> false;
            };
            if (!ok) {
                throw new IllegalStateException("rule " + id + ": " + kind.name().toLowerCase(java.util.Locale.ROOT)
                        + " " + v + " is not one the indications table knows" + (kind == CoverageRule.IndicationMatch
                                .Kind.ROW ? " (for the rule's procedure)" : ""));
            }
        }
        return new CoverageRule.IndicationMatch(kind, values);
    }

    private static IllegalStateException bad(String rule, String column, String value) {
        return new IllegalStateException("rule " + rule + ": " + value + " is not a value of the column " + column);
    }
}
