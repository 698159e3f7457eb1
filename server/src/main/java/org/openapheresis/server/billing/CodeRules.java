package org.openapheresis.server.billing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.openapheresis.procedure.ProcedureType;
import org.openapheresis.server.session.Vocabulary;

/**
 * The codes the unit may bill ({@code billing/codes.tsv}) and the code rules ({@code billing/code-rules.tsv}),
 * read from the classpath once. Coding a record is looking up every rule that matches its facts: the rules are
 * data, each row with its source, and the same table codes a completed session, a product step and an estimate.
 */
public final class CodeRules {

    static final String CODES = "/billing/codes.tsv";
    static final String RULES = "/billing/code-rules.tsv";
    static final String NONE = "NONE";

    private final Map<String, BillingCode> codes;
    private final List<CodeRule> rules;

    CodeRules(Map<String, BillingCode> codes, List<CodeRule> rules) {
        this.codes = Map.copyOf(codes);
        this.rules = List.copyOf(rules);
    }

    /** The unit's tables from the classpath. */
    public static CodeRules load() {
        Map<String, BillingCode> codes = new LinkedHashMap<>();
        for (String[] r : rows(CODES, 4)) {
            BillingCode c = new BillingCode(r[0], r[1], r[2], r[3]);
            if (codes.put(c.code(), c) != null) {
                throw new IllegalStateException(CODES + " lists " + c.code() + " twice");
            }
        }
        List<CodeRule> rules = new ArrayList<>();
        Map<String, Boolean> ids = new LinkedHashMap<>();
        for (String[] r : rows(RULES, 9)) {
            if (ids.put(r[0], true) != null) {
                throw new IllegalStateException(RULES + " has rule " + r[0] + " twice");
            }
            Optional<BillingCode> code = r[6].equals(NONE) ? Optional.empty() : Optional.of(known(codes, r[6], r[0]));
            String rule = r[0];
            UnitCount units = UnitCount.parse(r[7]).orElseThrow(() -> new IllegalStateException("rule " + rule
                    + ": units " + r[7] + " is not a count, dose-mg/<mg per unit>, infusion-first-hour or "
                    + "infusion-additional-hours, fluid-ml/<fluid>/<mL per unit>"));
            if (units.fluid().isPresent() && Vocabulary.fromCode(Vocabulary.Fluid.class, units.fluid().get())
                    .isEmpty()) {
                throw new IllegalStateException("rule " + rule + ": " + units.fluid().get() + " is not a fluid a "
                        + "session records as given");
            }
            if (r[2].equals(ProcedureType.IVIG_INFUSION.code()) && !r[4].equals("*")
                    && org.openapheresis.procedure.ProcedureSpec.IvigProduct.fromCode(r[4]).isEmpty()) {
                throw new IllegalStateException("rule " + rule + ": " + r[4] + " is not an IVIG product an order can "
                        + "name");
            }
            rules.add(new CodeRule(r[0], parse(r[1], Trigger::fromCode, r[0]).orElseThrow(),
                    parse(r[2], ProcedureType::fromCode, r[0]), parse(r[3], RemovedComponent::fromCode, r[0]),
                    r[4].equals("*") ? Optional.empty() : Optional.of(r[4]), parse(r[5], Donation::fromCode, r[0]),
                    code, units, r[8]));
        }
        return new CodeRules(codes, rules);
    }

    private static BillingCode known(Map<String, BillingCode> codes, String code, String rule) {
        BillingCode c = codes.get(code);
        if (c == null) {
            throw new IllegalStateException("rule " + rule + " bills " + code + ", which " + CODES + " does not list");
        }
        return c;
    }

    private static <T> Optional<T> parse(String text, Function<String, Optional<T>> of, String rule) {
        if (text.equals("*")) {
            return Optional.empty();
        }
        return Optional.of(of.apply(text).orElseThrow(() -> new IllegalStateException("rule " + rule + ": "
                + text + " is not a value of its column")));
    }

    private static List<String[]> rows(String resource, int columns) {
        List<String[]> out = new ArrayList<>();
        boolean header = true;
        for (String[] f : lines(resource)) {
            if (f.length != columns) {
                throw new IllegalStateException(resource + ": " + f.length + " columns, " + columns + " expected: "
                        + String.join("\t", f));
            }
            if (header) {
                header = false;
            } else {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * The lines of one of the billing tables on the classpath, each split at its tabs: blank lines and lines starting
     * with {@code #} (comments) left out.
     */
    static List<String[]> lines(String resource) {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = CodeRules.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    out.add(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Every rule, in the table's order. */
    public List<CodeRule> rules() {
        return rules;
    }

    /** The codes the unit may bill, by code. */
    public Map<String, BillingCode> codes() {
        return codes;
    }

    public Optional<BillingCode> code(String code) {
        return Optional.ofNullable(codes.get(code));
    }

    /** The rules that match the record's facts, in the table's order (NONE rules included: they say why nothing). */
    public List<CodeRule> matching(BillableFacts facts) {
        return rules.stream().filter(r -> r.matches(facts)).toList();
    }

    /** The code lines the facts earn: one per matching rule that bills a code in one unit or more. */
    public List<CodedLine> code(BillableFacts facts) {
        return coding(facts).lines();
    }

    /**
     * The code lines the facts earn and, for what they do not earn, why: a measured rule that counts no unit (no
     * dose recorded, an infusion of 15 minutes or less), and an IVIG session whose drug no rule codes (the order
     * names no product, or one without a checked code). Nothing is guessed: what is not coded is left to billing.
     */
    public Coding coding(BillableFacts facts) {
        List<CodedLine> lines = new ArrayList<>();
        List<String> notCoded = new ArrayList<>();
        boolean drugRule = false;
        for (CodeRule r : matching(facts)) {
            drugRule |= r.units().basis() == UnitCount.Basis.DRUG_DOSE;
            if (r.code().isEmpty()) {
                continue;
            }
            UnitCount.Counted n = r.units().count(facts);
            if (n.units() > 0) {
                lines.add(new CodedLine(r.id(), r.code().get(), n.units(), facts.diagnosisCode()));
            } else {
                n.reason().ifPresent(why -> notCoded.add(r.code().get().code() + " (" + r.id() + ") is not coded: "
                        + why));
            }
        }
        if (facts.procedure().equals(Optional.of(ProcedureType.IVIG_INFUSION)) && !drugRule) {
            notCoded.add(facts.productKind().map(p -> "The IVIG product " + p + " has no checked HCPCS code in the "
                    + "unit's rule table").orElse("The order names no IVIG product") + ": the drug is not coded; "
                    + "billing codes it by hand.");
        }
        return new Coding(lines, notCoded);
    }

    /**
     * What a record earns by the rules.
     *
     * @param lines the code lines, in the table's order
     * @param notCoded why a code the record might earn is not coded, one sentence each
     */
    public record Coding(List<CodedLine> lines, List<String> notCoded) {
        public Coding {
            lines = List.copyOf(lines);
            notCoded = List.copyOf(notCoded);
        }
    }

    /**
     * One code a record earns.
     *
     * @param ruleId the rule that gave it
     * @param code the code with its checked descriptor
     * @param units units of the code
     * @param diagnosisCode the ICD-10 code of the order's indication
     */
    public record CodedLine(String ruleId, BillingCode code, int units, Optional<String> diagnosisCode) {
    }
}
