package org.openapheresis.server.sheet;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.openapheresis.procedure.ProcedureType;
import org.openapheresis.safety.WarningCode;

/**
 * Writes the sheet from its facts: plain sentences, short, with every number said with its meaning and every medical
 * word of the {@link Glossary} explained after the sentence that first uses it. Pure: the same facts give the same
 * sheet.
 *
 * <p>What it says and where each statement comes from is listed in {@link #SOURCES}; a warning of the plan is said to
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
    /** Set-up and rinseback. */
    /** Who pays for a donation of cells for another person. */
    public static final String DONOR_COSTS = "NMDP (Be The Match), \"What does it cost to be a donor?\" (2011): "
            + "\"Donors never pay for donating and are never paid to donate\"; the medical costs of the donation are "
            + "covered by the NMDP or by the patient's medical insurance. Intermountain Health, becoming a bone marrow "
            + "donor: the patient or their insurance typically covers all medical costs for the donor and the "
            + "donation; a related donor usually covers their own travel, housing and other non-medical costs";
    public static final String SET_UP = "Set-up and rinseback: the unit's scheduling allowance of "
            + org.openapheresis.server.session.MachineBookings.SET_UP_AND_RINSEBACK.toMinutes() + " minutes per session "
            + "(not a clinical value)";

    private final Glossary glossary;

    public SheetWriter(Glossary glossary) {
        this.glossary = glossary;
    }

    /** The sheet of the facts. */
    public PatientSheet write(SheetFacts f) {
        Prose p = new Prose(glossary);
        Set<String> sources = new LinkedHashSet<>();
        List<PatientSheet.Section> sections = new ArrayList<>();
        sections.add(what(p, f, sources));
        sections.add(howLong(p, f, sources));
        sections.add(how(p, f, sources));
        sections.add(feel(p, f, sources));
        risks(p, f, sources).ifPresent(sections::add);
        sections.add(before(p, f, sources));
        sections.add(after(p, f, sources));
        cells(p, f, sources).ifPresent(sections::add);
        sections.add(team(p, f));
        (f.forRecipient() ? Optional.of(donorCost(p, sources)) : cost(p, f)).ifPresent(sections::add);
        String title = f.donor() ? "Your donation: information for you" : "Your treatment: information for you";
        return new PatientSheet(title, f.givenName() + " " + f.familyName() + ", " + f.mrn(), sections,
                List.copyOf(sources));
    }

    // --- what and why

    private PatientSheet.Section what(Prose p, SheetFacts f, Set<String> sources) {
        List<String> out = new ArrayList<>();
        switch (f.procedure()) {
            case PLASMA_EXCHANGE -> {
                out.add(p.say("This treatment is called plasma exchange.",
                        "A machine takes blood from you and spins it to split it into its parts.",
                        "It takes out your plasma and gives back your blood cells.",
                        "Plasma exchange takes out harmful things in the plasma, such as antibodies.",
                        "In place of your plasma you get " + replacement(f) + "."));
            }
            case LEUKOCYTAPHERESIS -> {
                sources.add(UTSW);
                out.add(p.say("This treatment takes out some of your white blood cells.",
                        "You have far too many of them, and they can block small blood vessels.",
                        "A machine takes blood from you and spins it to split it into its parts.",
                        "It keeps some of the white cells and gives the rest of your blood back.",
                        "One treatment takes out about 30 to 60 of every 100 white cells in your blood."));
            }
            case HPC_COLLECTION -> out.add(p.say("This is a stem cell collection.",
                    "A machine takes blood from you and spins it to split it into its parts.",
                    "It keeps some of your stem cells and gives the rest of your blood back."));
            case LYMPHOCYTE_COLLECTION -> out.add(p.say("This is a collection of lymphocytes.",
                    "A machine takes blood from you and spins it to split it into its parts.",
                    "It keeps some of your lymphocytes and gives the rest of your blood back."));
            case GRANULOCYTE_COLLECTION -> out.add(p.say("This is a collection of granulocytes.",
                    "A machine takes blood from you and spins it to split it into its parts.",
                    "It keeps some of your granulocytes and gives the rest of your blood back."));
            case RED_CELL_EXCHANGE -> out.add(p.say("This treatment is called red cell exchange.",
                    "A machine takes blood from you and spins it to split it into its parts.",
                    "It takes out some of your own red cells and gives you red cells from blood donors in their place.",
                    "This lowers the share of sickle cells in your blood."));
            case PHOTOPHERESIS -> {
                sources.add(UVADEX);
                out.add(p.say("This treatment is called photopheresis.",
                        "A machine takes blood from you and keeps some of your white blood cells.",
                        "A medicine is added to these cells, and then a special light shines on them.",
                        "Then the cells are given back to you.",
                        "It is often given on two days in a row.",
                        "Your doctor will tell you how it helps with your illness."));
            }
            case ADSORPTIVE_CYTAPHERESIS -> {
                sources.add(ADACOLUMN);
                out.add(p.say("This treatment takes out some of your white blood cells.",
                        "Your blood flows through a tube to a small column and back to you.",
                        "The column holds on to some of the white cells.",
                        "The rest of your blood comes back to you."));
            }
            case IMMUNOADSORPTION -> {
                sources.add(IMMUNOADSORPTION);
                out.add(p.say("This treatment is called immunoadsorption.",
                        "A machine takes blood from you and spins it to split it into its parts.",
                        "Your plasma flows through a column that holds on to antibodies.",
                        "Then your plasma and your blood cells come back to you.",
                        "You do not need plasma or albumin from donors."));
            }
            case IVIG_INFUSION -> out.add(p.say("This treatment is an IVIG infusion.",
                    "You get IVIG slowly through a drip in a vein.",
                    "Your doctor will tell you how it helps with your illness."));
        }
        out.add(p.say((f.donor() ? "The reason for this donation, as your doctor wrote it: "
                : "The reason for this treatment, as your doctor wrote it: ") + f.indicationText() + "."));
        return new PatientSheet.Section("what", f.donor() ? "What is this donation, and why?"
                : "What is this treatment, and why do I need it?", out);
    }

    private static String replacement(SheetFacts f) {
        if (f.albumin() && f.donorPlasma()) {
            return "albumin and plasma from donors";
        }
        if (f.donorPlasma()) {
            return "plasma from donors";
        }
        return "albumin";
    }

    // --- how many, how often, how long

    private PatientSheet.Section howLong(Prose p, SheetFacts f, Set<String> sources) {
        List<String> out = new ArrayList<>();
        String each = f.procedure() == ProcedureType.IVIG_INFUSION ? "day" : "treatment";
        if (f.sessions() == 1) {
            out.add(p.say(f.donor() ? "You come for one visit." : "Your doctor has planned one " + each + "."));
        } else {
            String n = f.sessions() + " " + (f.procedure() == ProcedureType.IVIG_INFUSION ? "days"
                    : f.donor() ? "visits" : "treatments");
            out.add(p.say("Your doctor has planned " + n + ", " + often(f.intervalHours().orElse(24)) + "."));
            double spanDays = (f.sessions() - 1) * f.intervalHours().orElse(24) / 24.0;
            if (spanDays >= 2) {
                out.add(p.say("So it takes about " + days(spanDays) + " from the first to the last."));
            }
            out.add(f.procedure().collectsProduct()
                    ? p.say("Your doctor may change the number.", "It depends on how many cells each visit collects.")
                    : p.say("Your doctor may change the number, as you get better or if it is needed."));
        }
        if (f.procedure() == ProcedureType.IVIG_INFUSION) {
            out.add(p.say("The drip takes about " + duration(f.minutesEachSession()) + " on the first day."));
            f.laterDayMinutes().ifPresent(m -> out.add(p.say("On later days it takes about " + duration(m) + ".")));
        } else {
            sources.add(SET_UP);
            out.add(p.say("Each time, you will be on the machine for about " + duration(f.minutesEachSession()) + ".",
                    "This counts the time to set up the machine and to give back the blood in its tubes at the end."));
        }
        if (f.has(WarningCode.SESSIONS_NEEDED_EXCEED_ORDERED) || f.has(WarningCode.TARGET_NOT_REACHABLE_IN_ONE_SESSION)) {
            out.add(p.say(f.procedure().collectsProduct()
                    ? "It may take more than one day to collect enough cells. The team will tell you."
                    : "You may need more treatments than planned. Your doctor will tell you."));
        }
        return new PatientSheet.Section("time", "How many times, how often, and for how long?", out);
    }

    /** "every day", "every other day", "once a week", "every 3 days", "every 12 hours". */
    static String often(double intervalHours) {
        long h = Math.round(intervalHours);
        if (h % 24 != 0) {
            return "one every " + h + " hours";
        }
        long d = h / 24;
        if (d == 1) {
            return "one every day";
        }
        if (d == 2) {
            return "one every other day";
        }
        if (d % 7 == 0) {
            return d == 7 ? "one each week" : "one every " + d / 7 + " weeks";
        }
        return "one every " + d + " days";
    }

    /** Whole days in words: "1 day", "9 days", "about 2 weeks" past 13 days. */
    static String days(double days) {
        long d = Math.round(days);
        if (d > 13) {
            return Math.round(d / 7.0) + " weeks";
        }
        return d == 1 ? "1 day" : d + " days";
    }

    /**
     * A duration said as a person says it, to the half hour: "half an hour", "1 hour", "an hour and a half",
     * "2 hours", "2 and a half hours"; below 20 minutes, "a few minutes".
     */
    static String duration(double minutes) {
        if (minutes < 20) {
            return "a few minutes";
        }
        long halves = Math.max(1, Math.round(minutes / 30.0));
        long hours = halves / 2;
        boolean half = halves % 2 == 1;
        if (hours == 0) {
            return "half an hour";
        }
        if (hours == 1) {
            return half ? "an hour and a half" : "1 hour";
        }
        return hours + (half ? " and a half hours" : " hours");
    }

    // --- how it is done

    private PatientSheet.Section how(Prose p, SheetFacts f, Set<String> sources) {
        List<String> out = new ArrayList<>();
        if (f.procedure() == ProcedureType.IVIG_INFUSION) {
            out.add(p.say("A nurse puts a small tube into a vein in your arm for the drip.",
                    "You sit in a chair while the IVIG flows in."));
        } else if (f.access().isEmpty()) {
            sources.add(WAA_2008);
            out.add(p.say("Blood goes out of you to the machine and comes back through tubes.",
                    "Most people have a needle in a vein in each arm: about 7 in every 10 people.",
                    "If your veins are hard to use, you may need a central line.",
                    "The team will decide with you before your first treatment."));
        } else {
            out.add(p.say(switch (f.access().get()) {
                case PERIPHERAL -> "A nurse puts a needle into a vein in each arm. Blood goes to the machine through one "
                        + "and comes back through the other.";
                case CENTRAL_LINE -> "The machine is joined to your central line. Blood goes out and comes back through "
                        + "it, so you do not need needles in your arms.";
                case PORT -> "The nurse joins the machine to your port with a needle through the skin. Blood goes out "
                        + "and comes back through it.";
                case FISTULA -> "The nurse puts two needles into your fistula. Blood goes out through one and comes "
                        + "back through the other.";
            }));
        }
        if (f.procedure().onSeparator()) {
            out.add(p.say("You lie or sit in a chair while the machine works.",
                    "A nurse stays with you all the time."));
            sources.add(CIDP_USA);
        }
        return new PatientSheet.Section("how", "How is it done?", out);
    }

    // --- what you may feel

    private PatientSheet.Section feel(Prose p, SheetFacts f, Set<String> sources) {
        List<String> out = new ArrayList<>();
        if (f.procedure().onSeparator()) {
            sources.add(HOXWORTH);
            sources.add(NOTIFY);
            sources.add(WEINSTEIN);
            out.add(p.say("The machine uses an anticoagulant called citrate.",
                    "It can make your lips, mouth or fingers tingle.",
                    "Your muscles may twitch, or your hands and feet may cramp.",
                    "You may also feel cold or feel sick.",
                    "Tell the nurse at once if you feel any of these.",
                    "The nurse can slow the machine or give you calcium."));
            if (f.has(WarningCode.CITRATE_RATE_HIGH) || f.has(WarningCode.AC_INFUSION_RATE_HIGH)
                    || f.has(WarningCode.IONIZED_CALCIUM_NADIR_LOW)) {
                out.add(p.say("Your plan uses more anticoagulant than usual.",
                        "So the nurse will watch you closely for tingling and may give you calcium."));
            }
            out.add(p.say("You may feel light-headed or dizzy if your blood pressure drops.",
                    "Tell the nurse if this happens."));
        } else {
            out.add(p.say("Tell the nurse at once if you feel unwell during the drip."));
        }
        for (WarningCode c : f.warningList()) {
            patientWording(c).filter(w -> w.section() == Part.FEEL).ifPresent(w -> out.add(p.say(w.sentences())));
        }
        return new PatientSheet.Section("feel", "What may I feel, and what should I tell the nurse?", out);
    }

    /** Where a warning's sentences go. */
    enum Part { FEEL, BEFORE, AFTER }

    /**
     * What a warning means for the patient.
     *
     * @param section where the sheet says it
     * @param sentences what it says
     */
    record Wording(Part section, String... sentences) {
    }

    /**
     * The patient's words for a warning, or empty when the warning is for the staff only (how the plan is dosed, a
     * risk to the recipient, or a matter the physician settles): every code is decided here, the compiler checks
     * the switch is complete.
     */
    static Optional<Wording> patientWording(WarningCode code) {
        return switch (code) {
            case EXTRACORPOREAL_VOLUME_HIGH, CHILD_CIRCUIT_TOO_LARGE -> Optional.of(new Wording(Part.FEEL,
                    "A large part of your blood is in the machine at one time.",
                    "This makes a drop in blood pressure more likely, so the nurse will check it often."));
            case PLASMA_REPLACEMENT_REACTION_RISK -> Optional.of(new Wording(Part.FEEL,
                    "Some people react to plasma from donors with hives or itching.",
                    "Tell the nurse at once if you itch."));
            case PLASMA_ALLERGY -> Optional.of(new Wording(Part.FEEL,
                    "Your record says you have reacted to plasma before.",
                    "Tell the nurse at once if you itch or feel unwell."));
            case RUN_TIME_LONG, LARGE_VOLUME_LEUKAPHERESIS -> Optional.of(new Wording(Part.FEEL,
                    "Your treatment takes longer than most.",
                    "You can rest, sleep, read or watch TV. Ask the nurse when you need the toilet."));
            case HEMATOCRIT_LOW_PRE -> Optional.of(new Wording(Part.FEEL,
                    "Your red cells are low.",
                    "Tell the nurse if you feel tired, weak or short of breath."));
            case ACE_INHIBITOR_ALBUMIN_EXCHANGE -> Optional.of(new Wording(Part.BEFORE,
                    "You take an ACE inhibitor.",
                    "With albumin it can cause a strong drop in blood pressure and a red, hot face.",
                    "Your doctor may ask you to stop it for at least 1 day, 24 hours, before each treatment.",
                    "Do not stop any medicine unless your doctor tells you to."));
            case PLATELETS_LOW_PRE, PLATELETS_LOW_POST -> Optional.of(new Wording(Part.AFTER,
                    "Your platelets are low, or may be low after the treatment.",
                    "Tell us if you bleed or bruise more than usual."));
            case FIBRINOGEN_LOW_POST -> Optional.of(new Wording(Part.AFTER,
                    "Your blood may clot less well for 2 or 3 days after each treatment.",
                    "Tell us if you bleed or bruise more than usual."));
            case IGG_LOW_POST -> Optional.of(new Wording(Part.AFTER,
                    "The treatment also takes out antibodies that fight germs.",
                    "They can take about 5 weeks to come back. Call us if you get a fever."));
            case RED_CELL_EXCHANGE_IRON_LOADING -> Optional.of(new Wording(Part.AFTER,
                    "This plan gives you more red cells than it takes out.",
                    "Over many treatments this can leave extra iron in your body, so your team will check your iron."));
            case RED_CELL_EXCHANGE_HYPERVISCOSITY, RED_CELL_EXCHANGE_UNITS_SHORT,
                    EXCHANGE_BELOW_ONE_PLASMA_VOLUME, IVIG_BEFORE_PLASMA_EXCHANGE, DLI_GVHD_RISK, AC_INFUSION_RATE_HIGH,
                    CITRATE_RATE_HIGH, IONIZED_CALCIUM_NADIR_LOW, SESSIONS_NEEDED_EXCEED_ORDERED,
                    TARGET_NOT_REACHABLE_IN_ONE_SESSION -> Optional.empty();
        };
    }

    // --- risks

    private Optional<PatientSheet.Section> risks(Prose p, SheetFacts f, Set<String> sources) {
        if (!f.procedure().onSeparator()) {
            return Optional.of(new PatientSheet.Section("risks", "What are the risks?", List.of(p.say(
                    "Your doctor will talk with you about the risks of IVIG before you start."))));
        }
        sources.add(WAA_2025);
        sources.add(WAA_GRADES);
        sources.add(WAA_2008);
        List<String> out = new ArrayList<>();
        out.add(p.say("Side effects are not common.",
                "A large world record of more than 169,000 treatments shows this.",
                "Out of every 100 treatments, about 2 had a mild side effect that needed no medicine.",
                "About 2 more had a side effect that needed medicine.",
                "About 2 in every 1,000 had a side effect bad enough to stop the treatment."));
        out.add(p.say("The most common problems were with the needles or line, tingling around the mouth, low blood "
                + "pressure, and hives."));
        if (f.donor()) {
            sources.add(DGTI_2017);
            out.add(p.say("In a large German record of donations, about 5 in every 100 donors had a side effect.",
                    "More than half of these were at the needle, such as a bruise."));
        }
        return Optional.of(new PatientSheet.Section("risks", "What are the risks?", out));
    }

    // --- before and after

    private PatientSheet.Section before(Prose p, SheetFacts f, Set<String> sources) {
        List<String> out = new ArrayList<>();
        sources.add(CIDP_USA);
        out.add(p.say("Drink some fluids and use the toilet before you start.",
                "Most people can eat and drink during the " + (f.donor() ? "donation." : "treatment.")));
        if (f.has(WarningCode.ACE_INHIBITOR_ALBUMIN_EXCHANGE)) {
            sources.add(OWEN_BRECHER);
        }
        for (WarningCode c : f.warningList()) {
            patientWording(c).filter(w -> w.section() == Part.BEFORE).ifPresent(w -> out.add(p.say(w.sentences())));
        }
        out.add(p.say("Bring a list of the medicines you take."));
        return new PatientSheet.Section("before", "What should I do before?", out);
    }

    private PatientSheet.Section after(Prose p, SheetFacts f, Set<String> sources) {
        List<String> out = new ArrayList<>();
        boolean any = false;
        for (WarningCode c : f.warningList()) {
            Optional<Wording> w = patientWording(c).filter(x -> x.section() == Part.AFTER);
            if (w.isPresent()) {
                out.add(p.say(w.get().sentences()));
                any = true;
            }
        }
        if (any) {
            sources.add(WOOD);
        }
        out.add(p.say("If you feel unwell at home, call the unit. In an emergency, call for help at once."));
        return new PatientSheet.Section("after", "What should I do after?", out);
    }

    // --- the cells

    private Optional<PatientSheet.Section> cells(Prose p, SheetFacts f, Set<String> sources) {
        if (!f.procedure().collectsProduct()) {
            return Optional.empty();
        }
        sources.add(CELL_CODES);
        List<String> out = new ArrayList<>();
        switch (f.procedure()) {
            case HPC_COLLECTION -> out.add(f.forRecipient()
                    ? p.say("Your stem cells are given to the person who needs them.",
                            "They will grow new blood cells in that person.")
                    : p.say("Your stem cells are frozen and stored for you.",
                            "You get them back later, after strong treatment for your illness.",
                            "Then they grow new blood cells in you."));
            case LYMPHOCYTE_COLLECTION -> {
                out.add(p.say(f.forRecipient() ? "Your lymphocytes are given to the person who needs them."
                        : "Your lymphocytes are stored for your own treatment."));
                if (f.doses().isPresent() && f.doses().getAsInt() > 1) {
                    out.add(p.say("They are split into " + f.doses().getAsInt()
                            + " doses, so they can be given at different times."));
                }
            }
            case GRANULOCYTE_COLLECTION -> {
                sources.add(GRANULOCYTES);
                out.add(p.say("Your granulocytes go to a patient who has very few of their own and has an infection.",
                        "They must be given soon, within 1 day, so they are given the same day."));
            }
            default -> {
                return Optional.empty();
            }
        }
        out.add(p.say("Your cells are labelled and tracked at every step, from you to where they are used."));
        return Optional.of(new PatientSheet.Section("cells", "What happens to my cells?", out));
    }

    // --- the team

    private PatientSheet.Section team(Prose p, SheetFacts f) {
        List<String> out = new ArrayList<>();
        out.add(p.say("A doctor plans your " + (f.donor() ? "donation" : "treatment") + " and checks on you."));
        out.add(p.say(f.procedure().onSeparator() ? "A nurse runs the machine and stays with you."
                : "A nurse gives you the drip and stays close by."));
        if (f.procedure().collectsProduct()) {
            out.add(p.say("Lab staff check your cells and keep them safe."));
        }
        out.add(p.say("A coordinator books your visits and can change a time for you."));
        out.add(p.say("Staff in billing can answer questions about the cost."));
        return new PatientSheet.Section("team", "Who will look after me?", out);
    }

    // --- the cost

    private Optional<PatientSheet.Section> cost(Prose p, SheetFacts f) {
        if (f.cost().isEmpty()) {
            return Optional.empty();
        }
        SheetFacts.Cost c = f.cost().get();
        List<String> out = new ArrayList<>();
        String unit = f.procedure() == ProcedureType.IVIG_INFUSION ? "days" : f.donor() ? "visits" : "treatments";
        String amount = c.sessionsLow() == c.sessionsHigh() || c.shareLow().compareTo(c.shareHigh()) == 0
                ? "about " + money(c.shareHigh(), c.currency()) + " for " + c.sessionsHigh() + " " + unit
                : "between " + money(c.shareLow(), c.currency()) + " for " + c.sessionsLow() + " " + unit + " and "
                        + money(c.shareHigh(), c.currency()) + " for " + c.sessionsHigh();
        if (c.coverage().isPresent()) {
            SheetFacts.Coverage cov = c.coverage().get();
            out.add(p.say("This is only a guess, made from your insurance with " + cov.payer() + ".",
                    "You may pay " + amount + " yourself."));
            List<String> how = new ArrayList<>();
            if (cov.deductibleLeft().signum() > 0) {
                how.add("First you pay the rest of your deductible, " + money(cov.deductibleLeft(), c.currency()) + ".");
            }
            how.add(cov.copayPerVisit().signum() > 0
                    ? "Then you pay a copay of " + money(cov.copayPerVisit(), c.currency()) + " for each visit."
                    : "Then you pay " + cov.coinsurancePercent().stripTrailingZeros().toPlainString() + " of every 100 "
                            + "dollars of each bill. This is your coinsurance.");
            if (cov.cappedByOutOfPocketMax()) {
                how.add("You stop paying when you reach your out-of-pocket maximum for the year.");
            }
            out.add(p.say(how.toArray(String[]::new)));
            if (!cov.priorAuthorization()) {
                out.add(p.say("Your insurer may need to agree to the treatment first. The unit can ask them."));
            }
        } else {
            out.add(p.say("We have no insurance on record for you.",
                    "So this guess is that you pay the whole bill: " + amount + "."));
            out.add(p.say("You may be able to get help with paying.",
                    "Ask billing staff or the coordinator about a financial help program."));
        }
        out.add(p.say("The guess counts only the treatment itself.",
                "Fluids, medicines and supplies are billed on their own."));
        if (c.unpricedCodes()) {
            out.add(p.say("Some parts have no price yet, so the real bill may be higher."));
        }
        return Optional.of(new PatientSheet.Section("cost", "What may it cost me?", out));
    }

    /**
     * What a donation costs the donor of cells for another person: nothing for its medical care, which the
     * recipient's insurance or the donor registry pays; a related donor's travel, stay and time off may not be
     * paid ({@link #DONOR_COSTS}). No estimate of the unit's charges is shown to a donor: they are not the donor's.
     */
    private static PatientSheet.Section donorCost(Prose p, Set<String> sources) {
        sources.add(DONOR_COSTS);
        List<String> out = new ArrayList<>();
        out.add(p.say("You do not pay for your donation.",
                "Its medical care is paid by the insurance of the person who gets your cells, or by the donor registry.",
                "This counts your tests, your visits and the collection itself."));
        out.add(p.say("If you are a relative of that person, your travel, a place to stay and time off work may not be "
                + "paid for.", "Ask the coordinator what help there is."));
        return new PatientSheet.Section("cost", "What may it cost me?", out);
    }

    /** An amount to the whole unit of its currency: "$2,400". */
    static String money(BigDecimal amount, String currency) {
        NumberFormat nf = NumberFormat.getCurrencyInstance(Locale.US);
        nf.setCurrency(Currency.getInstance(currency));
        nf.setMaximumFractionDigits(0);
        nf.setMinimumFractionDigits(0);
        return nf.format(amount.setScale(0, RoundingMode.HALF_UP));
    }

    /**
     * Builds paragraphs sentence by sentence and explains each glossary word after the first sentence that uses it
     * (an explanation that itself uses a word not yet explained is followed by that word's explanation).
     */
    static final class Prose {
        private final Glossary glossary;
        private final Set<String> explained = new HashSet<>();

        Prose(Glossary glossary) {
            this.glossary = glossary;
        }

        /** One paragraph of the sentences, with the explanations of their new words. */
        String say(String... sentences) {
            List<String> out = new ArrayList<>();
            for (String s : sentences) {
                add(out, s);
            }
            return String.join(" ", out);
        }

        private void add(List<String> out, String sentence) {
            out.add(sentence);
            List<Glossary.Entry> fresh = new ArrayList<>();
            for (Glossary.Entry e : glossary.entries()) {
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
