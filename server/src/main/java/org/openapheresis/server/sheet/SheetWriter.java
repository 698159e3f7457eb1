package org.openapheresis.server.sheet;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openapheresis.procedure.ProcedureType;
import org.openapheresis.safety.WarningCode;

/**
 * Writes the sheet from its facts in one language: plain sentences, short, with every number said with its meaning
 * and every medical word of the language's {@link Glossary} explained after the sentence that first uses it. What it
 * says is decided here; how it is said is the language's message bundle ({@link SheetText}): no sentence is written
 * in this class. Pure: the same facts give the same sheet.
 *
 * <p>Where each statement comes from is one of the constants below, listed on the sheet; a warning of the plan is said to
 * the patient only when it changes what they feel or do ({@link #patientWording(WarningCode)}).
 */
public final class SheetWriter {

    /** WAA registry, 2013 to October 2024: adverse events per 100 procedures. */
    public static final String WAA_2025 = "World Apheresis Association registry, 2013 to October 2024: more than "
            + "169,000 procedures in 44 centres; adverse events per 100 procedures: mild 1.6, moderate 2.0, severe 0.20 "
            + "(Transfus Apher Sci 2025;64:104132)";
    /** WAA registry 2003-2007: kinds of adverse events and kinds of access. */
    public static final String WAA_2008 = "World Apheresis Association registry 2003-2007, 12,448 procedures: most "
            + "frequent adverse events blood access problems (29%), tingling around the mouth (20%), hypotension (18%), "
            + "urticaria (9%); access by peripheral veins in 71% (Stegmayr B et al., Transfus Apher Sci 2008;39:247)";
    /** WAA grades. */
    public static final String WAA_GRADES = "WAA adverse event grades: mild; moderate, medication needed; severe, the "
            + "procedure interrupted because of the event (Mortzell Henriksson M et al., Transfus Apher Sci 2016;54:2)";
    /** Donor registry. */
    public static final String DGTI_2017 = "DGTI haemapheresis vigilance registry 2012-2015: 16,477 adverse events in "
            + "about 345,000 donor procedures (4.9%), blood access injuries about 55% of them (Transfus Med Hemother "
            + "2017;44:188)";
    /** Symptoms of citrate and what patients are told. */
    public static final String HOXWORTH = "Hoxworth Blood Center, University of Cincinnati, Plasma Exchange patient "
            + "page: citrate keeps blood from clotting; common side effects tiredness, nausea, dizziness, feeling cold, "
            + "tingling in the fingers and around the mouth, allergic reaction, lowered blood pressure";
    /** Signs of a citrate reaction. */
    public static final String NOTIFY = "Notify Library (WHO-supported vigilance library), Complications related to "
            + "apheresis: citrate reaction signs include numbness or tingling of lips or fingers, chills, shivering, "
            + "light-headedness, muscle twitching, progressing to carpopedal spasms";
    /** Fluids before, eating during, staff present. */
    public static final String CIDP_USA = "CIDP USA Foundation, Plasma Exchange questions and answers: drink some "
            + "fluids and use the bathroom before the procedure; most patients may eat or drink during it; medical "
            + "staff are there all the time";
    /** Calcium for citrate reactions. */
    public static final String WEINSTEIN = "Weinstein R, J Clin Apher 1996;11:204: calcium gluconate with the return "
            + "fluid lowered citrate reactions from 35.6% to 8.6% of procedures";
    /** ACE inhibitors. */
    public static final String OWEN_BRECHER = org.openapheresis.safety.AceInhibitorAlbuminExchangeRule.SOURCE;
    /** Recovery after an exchange. */
    public static final String WOOD = "Wood L, Jacobs P, J Clin Apher 1986;3:124: after serial plasma exchange, "
            + "platelets and clotting tests normal within 24 h, fibrinogen in 48-72 h, immunoglobulins 35 days to "
            + "baseline";
    /** Leukocytapheresis effect. */
    public static final String UTSW = "UT Southwestern, White Cell Depletion: one procedure lowers the white cell "
            + "count by 30-60% and takes 3-4 hours";
    /** What happens to collected cells. */
    public static final String CELL_CODES = "CPT 38205/38206 blood-derived stem cell harvesting, allogeneic/autologous; "
            + "38207 cryopreservation and storage; 38240/38241 stem cell transplantation, allogeneic/autologous; 38242 "
            + "allogeneic lymphocyte infusions (AMA descriptors as listed in docs/sources.md, Billing codes)";
    /** Granulocytes. */
    public static final String GRANULOCYTES = org.openapheresis.server.product.ProductKind.GRANULOCYTE_SOURCE;
    /** What a photopheresis is. */
    public static final String UVADEX = "UVADEX (methoxsalen) prescribing information: \"Each UVADEX treatment involves "
            + "collection of leukocytes, photoactivation, and reinfusion of photoactivated cells\"; treatment on two "
            + "consecutive days";
    /** What an adsorptive cytapheresis is. */
    public static final String ADACOLUMN = "J Clin Apher 2001;16(1):1-9, doi 10.1002/jca.1000: an extracorporeal column "
            + "of cellulose acetate beads \"which selectively adsorb granulocytes and monocytes/macrophages\"";
    /** What an immunoadsorption is. */
    public static final String IMMUNOADSORPTION = "EClinicalMedicine 2019, doi 10.1016/j.eclinm.2019.10.017: IA "
            + "\"selectively removes immunoglobulines (Ig) while preserving other plasma proteins\"; Hamilton P et al., "
            + "IntechOpen 2019, doi 10.5772/intechopen.84890: it \"negates the need for replacement of factors such as "
            + "albumin and plasma\"";
    /** Who pays for a donation of cells for another person. */
    public static final String DONOR_COSTS = "NMDP (Be The Match), \"What does it cost to be a donor?\" (2011): "
            + "\"Donors never pay for donating and are never paid to donate\"; the medical costs of the donation are "
            + "covered by the NMDP or by the patient's medical insurance. Intermountain Health, becoming a bone marrow "
            + "donor: the patient or their insurance typically covers all medical costs for the donor and the "
            + "donation; a related donor usually covers their own travel, housing and other non-medical costs";
    /** Set-up and rinseback. */
    public static final String SET_UP = "Set-up and rinseback: the unit's scheduling allowance of "
            + org.openapheresis.server.session.MachineBookings.SET_UP_AND_RINSEBACK.toMinutes() + " minutes per session "
            + "(not a clinical value)";

    /** The share of procedures by peripheral veins in the WAA registry 2003-2007 ({@link #WAA_2008}), in tens. */
    static final int PERIPHERAL_ACCESS_IN_TEN = 7;
    /** Procedures in the WAA registry 2013 to October 2024 ({@link #WAA_2025}). */
    static final int WAA_2025_PROCEDURES = 169_000;

    private final SheetText text;

    public SheetWriter(SheetText text) {
        this.text = text;
    }

    /** The sheet of the facts. */
    public PatientSheet write(SheetFacts f) {
        Prose p = new Prose(text);
        Set<String> sources = new LinkedHashSet<>();
        List<PatientSheet.Section> sections = new ArrayList<>();
        sections.add(what(p, f, sources));
        sections.add(howLong(p, f, sources));
        sections.add(how(p, f, sources));
        sections.add(feel(p, f, sources));
        sections.add(risks(p, f, sources));
        sections.add(before(p, f, sources));
        sections.add(after(p, f, sources));
        cells(p, f, sources).ifPresent(sections::add);
        sections.add(team(p, f));
        (f.forRecipient() ? Optional.of(donorCost(p, sources)) : cost(p, f)).ifPresent(sections::add);
        String person = text.get("person", f.givenName(), f.familyName(), f.mrn());
        return new PatientSheet(text.get(f.donor() ? "title.donation" : "title.treatment"), person, sections,
                List.copyOf(sources), PatientSheet.Page.of(text, person));
    }

    private PatientSheet.Section section(String id, String headingKey, List<String> paragraphs) {
        return new PatientSheet.Section(id, text.get(headingKey), paragraphs);
    }

    // --- what and why

    private PatientSheet.Section what(Prose p, SheetFacts f, Set<String> sources) {
        List<String> out = new ArrayList<>();
        switch (f.procedure()) {
            case LEUKOCYTAPHERESIS -> sources.add(UTSW);
            case PHOTOPHERESIS -> sources.add(UVADEX);
            case ADSORPTIVE_CYTAPHERESIS -> sources.add(ADACOLUMN);
            case IMMUNOADSORPTION -> sources.add(IMMUNOADSORPTION);
            default -> {
                // no source beyond the procedure's own description
            }
        }
        out.add(p.say("what." + f.procedure().name(), text.get(replacementKey(f))));
        out.add(p.say(f.donor() ? "what.reason.donation" : "what.reason.treatment", f.indicationText()));
        return section("what", f.donor() ? "what.heading.donation" : "what.heading.treatment", out);
    }

    private static String replacementKey(SheetFacts f) {
        if (f.albumin() && f.donorPlasma()) {
            return "replacement.albuminAndPlasma";
        }
        return f.donorPlasma() ? "replacement.plasma" : "replacement.albumin";
    }

    // --- how many, how often, how long

    /** The key of a count of sessions: days of an infusion, visits of a donor, treatments otherwise. */
    private static String countKey(SheetFacts f) {
        return f.procedure() == ProcedureType.IVIG_INFUSION ? "count.days" : f.donor() ? "count.visits"
                : "count.treatments";
    }

    private PatientSheet.Section howLong(Prose p, SheetFacts f, Set<String> sources) {
        List<String> out = new ArrayList<>();
        if (f.sessions() == 1) {
            out.add(p.say(f.donor() ? "time.one.visit" : f.procedure() == ProcedureType.IVIG_INFUSION ? "time.one.day"
                    : "time.one.treatment"));
        } else {
            double interval = f.intervalHours().orElse(24);
            out.add(p.say("time.planned", text.get(countKey(f), f.sessions()), text.often(interval)));
            double spanDays = (f.sessions() - 1) * interval / 24.0;
            if (spanDays >= 2) {
                out.add(p.say("time.span", text.days(spanDays)));
            }
            out.add(p.say(f.procedure().collectsProduct() ? "time.mayChange.cells" : "time.mayChange"));
        }
        if (f.procedure() == ProcedureType.IVIG_INFUSION) {
            out.add(p.say("time.drip.first", text.duration(f.minutesEachSession())));
            f.laterDayMinutes().ifPresent(m -> out.add(p.say("time.drip.later", text.duration(m))));
        } else {
            sources.add(SET_UP);
            out.add(p.say("time.machine", text.duration(f.minutesEachSession())));
        }
        if (f.has(WarningCode.SESSIONS_NEEDED_EXCEED_ORDERED) || f.has(WarningCode.TARGET_NOT_REACHABLE_IN_ONE_SESSION)) {
            out.add(p.say(f.procedure().collectsProduct() ? "time.more.cells" : "time.more"));
        }
        return section("time", "time.heading", out);
    }

    // --- how it is done

    private PatientSheet.Section how(Prose p, SheetFacts f, Set<String> sources) {
        List<String> out = new ArrayList<>();
        if (f.procedure() == ProcedureType.IVIG_INFUSION) {
            out.add(p.say("how.drip"));
        } else if (f.access().isEmpty()) {
            sources.add(WAA_2008);
            out.add(p.say("how.unknown", PERIPHERAL_ACCESS_IN_TEN));
        } else {
            out.add(p.say("how." + f.access().get().name()));
        }
        if (f.procedure().onSeparator()) {
            out.add(p.say("how.chair"));
            sources.add(CIDP_USA);
        }
        return section("how", "how.heading", out);
    }

    // --- what you may feel

    private PatientSheet.Section feel(Prose p, SheetFacts f, Set<String> sources) {
        List<String> out = new ArrayList<>();
        if (f.procedure().onSeparator()) {
            sources.add(HOXWORTH);
            sources.add(NOTIFY);
            sources.add(WEINSTEIN);
            out.add(p.say("feel.citrate"));
            if (f.has(WarningCode.CITRATE_RATE_HIGH) || f.has(WarningCode.AC_INFUSION_RATE_HIGH)
                    || f.has(WarningCode.IONIZED_CALCIUM_NADIR_LOW)) {
                out.add(p.say("feel.citrateMore"));
            }
            out.add(p.say("feel.dizzy"));
        } else {
            out.add(p.say("feel.drip"));
        }
        warnings(p, f, Part.FEEL).forEach(out::add);
        return section("feel", "feel.heading", out);
    }

    /** The paragraphs of the plan's warnings that the sheet says in a part, in the order of the codes. */
    private static List<String> warnings(Prose p, SheetFacts f, Part part) {
        return f.warningList().stream().map(SheetWriter::patientWording).flatMap(Optional::stream)
                .filter(w -> w.section() == part).map(w -> p.say(w.key())).distinct().toList();
    }

    /** Where a warning's sentences go. */
    enum Part { FEEL, BEFORE, AFTER }

    /**
     * What a warning means for the patient.
     *
     * @param section where the sheet says it
     * @param key the message that says it, in every language's bundle
     */
    record Wording(Part section, String key) {
    }

    /**
     * The patient's words for a warning, or empty when the warning is for the staff only (how the plan is dosed, a
     * risk to the recipient, or a matter the physician settles): every code is decided here, the compiler checks
     * the switch is complete.
     */
    static Optional<Wording> patientWording(WarningCode code) {
        return switch (code) {
            case EXTRACORPOREAL_VOLUME_HIGH, CHILD_CIRCUIT_TOO_LARGE -> Optional.of(new Wording(Part.FEEL,
                    "warning.largeCircuit"));
            case PLASMA_REPLACEMENT_REACTION_RISK -> Optional.of(new Wording(Part.FEEL, "warning.plasmaReaction"));
            case PLASMA_ALLERGY -> Optional.of(new Wording(Part.FEEL, "warning.plasmaAllergy"));
            case RUN_TIME_LONG, LARGE_VOLUME_LEUKAPHERESIS -> Optional.of(new Wording(Part.FEEL, "warning.longRun"));
            case HEMATOCRIT_LOW_PRE -> Optional.of(new Wording(Part.FEEL, "warning.lowRedCells"));
            case ACE_INHIBITOR_ALBUMIN_EXCHANGE -> Optional.of(new Wording(Part.BEFORE, "warning.aceInhibitor"));
            case PLATELETS_LOW_PRE, PLATELETS_LOW_POST -> Optional.of(new Wording(Part.AFTER, "warning.lowPlatelets"));
            case FIBRINOGEN_LOW_POST -> Optional.of(new Wording(Part.AFTER, "warning.lowFibrinogen"));
            case IGG_LOW_POST -> Optional.of(new Wording(Part.AFTER, "warning.lowIgg"));
            case RED_CELL_EXCHANGE_IRON_LOADING -> Optional.of(new Wording(Part.AFTER, "warning.ironLoading"));
            case RED_CELL_EXCHANGE_HYPERVISCOSITY, RED_CELL_EXCHANGE_UNITS_SHORT,
                    EXCHANGE_BELOW_ONE_PLASMA_VOLUME, IVIG_BEFORE_PLASMA_EXCHANGE, DLI_GVHD_RISK, AC_INFUSION_RATE_HIGH,
                    CITRATE_RATE_HIGH, IONIZED_CALCIUM_NADIR_LOW, SESSIONS_NEEDED_EXCEED_ORDERED,
                    TARGET_NOT_REACHABLE_IN_ONE_SESSION, METHOXSALEN_CONTRAINDICATED, LEUKAPHERESIS_IN_APL -> Optional.empty();
        };
    }

    // --- risks

    private PatientSheet.Section risks(Prose p, SheetFacts f, Set<String> sources) {
        if (!f.procedure().onSeparator()) {
            return section("risks", "risks.heading", List.of(p.say("risks.ivig")));
        }
        sources.add(WAA_2025);
        sources.add(WAA_GRADES);
        sources.add(WAA_2008);
        List<String> out = new ArrayList<>();
        out.add(p.say("risks.rates", WAA_2025_PROCEDURES, 1000));
        out.add(p.say("risks.common"));
        if (f.donor()) {
            sources.add(DGTI_2017);
            out.add(p.say("risks.donor"));
        }
        return section("risks", "risks.heading", out);
    }

    // --- before and after

    private PatientSheet.Section before(Prose p, SheetFacts f, Set<String> sources) {
        List<String> out = new ArrayList<>();
        sources.add(CIDP_USA);
        out.add(p.say(f.donor() ? "before.fluids.donation" : "before.fluids.treatment"));
        if (f.has(WarningCode.ACE_INHIBITOR_ALBUMIN_EXCHANGE)) {
            sources.add(OWEN_BRECHER);
        }
        out.addAll(warnings(p, f, Part.BEFORE));
        out.add(p.say("before.medicines"));
        return section("before", "before.heading", out);
    }

    private PatientSheet.Section after(Prose p, SheetFacts f, Set<String> sources) {
        List<String> out = new ArrayList<>(warnings(p, f, Part.AFTER));
        if (!out.isEmpty()) {
            sources.add(WOOD);
        }
        out.add(p.say("after.unwell"));
        return section("after", "after.heading", out);
    }

    // --- the cells

    private Optional<PatientSheet.Section> cells(Prose p, SheetFacts f, Set<String> sources) {
        if (!f.procedure().collectsProduct()) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        switch (f.procedure()) {
            case HPC_COLLECTION -> out.add(p.say(f.forRecipient() ? "cells.stemCells.recipient" : "cells.stemCells.own"));
            case LYMPHOCYTE_COLLECTION -> {
                out.add(p.say(f.forRecipient() ? "cells.lymphocytes.recipient" : "cells.lymphocytes.own"));
                if (f.doses().isPresent() && f.doses().getAsInt() > 1) {
                    out.add(p.say("cells.doses", f.doses().getAsInt()));
                }
            }
            case GRANULOCYTE_COLLECTION -> {
                sources.add(GRANULOCYTES);
                out.add(p.say("cells.granulocytes"));
            }
            default -> {
                return Optional.empty();
            }
        }
        sources.add(CELL_CODES);
        out.add(p.say("cells.tracked"));
        return Optional.of(section("cells", "cells.heading", out));
    }

    // --- the team

    private PatientSheet.Section team(Prose p, SheetFacts f) {
        List<String> out = new ArrayList<>();
        out.add(p.say(f.donor() ? "team.doctor.donation" : "team.doctor.treatment"));
        out.add(p.say(f.procedure().onSeparator() ? "team.nurse.machine" : "team.nurse.drip"));
        if (f.procedure().collectsProduct()) {
            out.add(p.say("team.lab"));
        }
        out.add(p.say("team.coordinator"));
        out.add(p.say("team.billing"));
        return section("team", "team.heading", out);
    }

    // --- the cost

    private Optional<PatientSheet.Section> cost(Prose p, SheetFacts f) {
        if (f.cost().isEmpty()) {
            return Optional.empty();
        }
        SheetFacts.Cost c = f.cost().get();
        List<String> out = new ArrayList<>();
        String count = countKey(f);
        String amount = c.sessionsLow() == c.sessionsHigh() || c.shareLow().compareTo(c.shareHigh()) == 0
                ? text.get("cost.amount.one", text.money(c.shareHigh(), c.currency()), text.get(count, c.sessionsHigh()))
                : text.get("cost.amount.range", text.money(c.shareLow(), c.currency()), text.get(count, c.sessionsLow()),
                        text.money(c.shareHigh(), c.currency()), text.get(count, c.sessionsHigh()));
        if (c.coverage().isPresent()) {
            SheetFacts.Coverage cov = c.coverage().get();
            out.add(p.say("cost.insured", cov.payer(), amount));
            List<String> how = new ArrayList<>();
            if (cov.deductibleLeft().signum() > 0) {
                how.add(text.get("cost.deductible", text.money(cov.deductibleLeft(), c.currency())));
            }
            how.add(cov.copayPerVisit().signum() > 0
                    ? text.get("cost.copay", text.money(cov.copayPerVisit(), c.currency()))
                    : text.get("cost.coinsurance", cov.coinsurancePercent().stripTrailingZeros(),
                            text.money(BigDecimal.valueOf(100), c.currency())));
            if (cov.cappedByOutOfPocketMax()) {
                how.add(text.get("cost.capped"));
            }
            out.add(p.paragraph(how));
            if (!cov.priorAuthorization()) {
                out.add(p.say("cost.priorAuthorization"));
            }
        } else {
            out.add(p.say("cost.uninsured", amount));
            out.add(p.say("cost.help"));
        }
        out.add(p.say("cost.scope"));
        if (c.unpricedCodes()) {
            out.add(p.say("cost.unpriced"));
        }
        return Optional.of(section("cost", "cost.heading", out));
    }

    /**
     * What a donation costs the donor of cells for another person: nothing for its medical care, which the
     * recipient's insurance or the donor registry pays; a related donor's travel, stay and time off may not be
     * paid ({@link #DONOR_COSTS}). No estimate of the unit's charges is shown to a donor: they are not the donor's.
     */
    private PatientSheet.Section donorCost(Prose p, Set<String> sources) {
        sources.add(DONOR_COSTS);
        return section("cost", "cost.heading", List.of(p.say("cost.donor"), p.say("cost.donorRelative")));
    }

    /**
     * Builds paragraphs sentence by sentence and explains each glossary word after the first sentence that uses it
     * (an explanation that itself uses a word not yet explained is followed by that word's explanation).
     */
    static final class Prose {
        private final SheetText text;
        private final Set<String> explained = new HashSet<>();

        Prose(SheetText text) {
            this.text = text;
        }

        /** One paragraph: the message of the key with its arguments, with the explanations of its new words. */
        String say(String key, Object... args) {
            return paragraph(List.of(text.get(key, args)));
        }

        /** One paragraph of texts already written, each split into its sentences. */
        String paragraph(List<String> texts) {
            List<String> out = new ArrayList<>();
            for (String t : texts) {
                for (String s : text.sentences(t)) {
                    add(out, s);
                }
            }
            return String.join(" ", out);
        }

        private void add(List<String> out, String sentence) {
            out.add(sentence);
            List<Glossary.Entry> fresh = new ArrayList<>();
            for (Glossary.Entry e : text.glossary().entries()) {
                if (!explained.contains(e.term()) && e.firstIndexIn(sentence) >= 0) {
                    fresh.add(e);
                }
            }
            fresh.sort(java.util.Comparator.comparingInt(e -> e.firstIndexIn(sentence)));
            for (Glossary.Entry e : fresh) {
                if (explained.add(e.term())) {
                    add(out, e.explanation());
                }
            }
        }
    }
}
