package org.openapheresis.server.guideline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a row's prescription box into the fields of a new order (an {@link OrderSet}). Only what the box says
 * unambiguously for the row's modality and indication is filled: a part naming several modalities
 * ({@code TPE: 1-1.5 TPV; IA: up to 3 TPV}) is read in the row's modality's segment, a part labelled by an
 * indication ({@code Acute attack/relapse: ...}) only for that indication, and a part giving two different values
 * ({@code albumin or plasma}, {@code daily or every other day}) is left as text. A range fills its lower end, the
 * least treatment the box gives; the physician raises it.
 */
public final class OrderSets {

    /** The words a box part opens with to name a modality, by procedure type (Adacolumn first: the default column). */
    private static final Map<String, List<String>> MODALITY_LABELS = Map.of(
            "plasma-exchange", List.of("TPE"),
            "immunoadsorption", List.of("IA"),
            "photopheresis", List.of("ECP"),
            "red-cell-exchange", List.of("RBC exchange", "RBCX"),
            "adsorptive-cytapheresis", List.of("Adacolumn", "Adsorption"),
            "leukocytapheresis", List.of());

    /** Every modality word that opens a segment, the row's or another's. */
    private static final Pattern LABEL = Pattern.compile("^\\s*((?:[A-Za-z0-9/,\\- ]+?):|(?:TPE-HV|TPE/DFPP|TPE|IA|ECP"
            + "|DFPP|LA|RBC exchange|Adsorption|Adacolumn|Cellsorba)\\b)\\s*(.*)$", Pattern.DOTALL);
    private static final String NUM = "(\\d+(?:\\.\\d+)?)";
    private static final String RANGE = NUM + "(?:\\s*(?:-|to)\\s*" + NUM + ")?";
    private static final Pattern PLASMA_VOLUMES = Pattern.compile("^" + RANGE + "\\s*T?PV\\b");
    private static final Pattern BLOOD_VOLUMES = Pattern.compile("^" + RANGE + "\\s*TBV\\b");
    private static final Pattern MILLILITRES = Pattern.compile("^" + RANGE + "\\s*mL\\b");
    private static final Pattern OVER = Pattern.compile("(?:^|\\s)" + RANGE + "\\s*(?:procedures|treatments|times"
            + "|exchanges|sessions|TPE|IA)?\\s+over\\s+" + RANGE + "\\s*(days|weeks)\\b");
    private static final Pattern COUNT = Pattern.compile("(?:^|\\s)" + RANGE + "\\s+(?:procedures|treatments"
            + "|exchanges|sessions|TPE)\\b");
    private static final Pattern WEEKS = Pattern.compile("^" + RANGE + "\\s*weeks\\b");

    private OrderSets() {
    }

    /** The order set of a row: its box read into fields, and the rest as text. */
    public static OrderSet of(GuidelineRow row, String boxSource) {
        PrescriptionBox box = row.box();
        List<OrderSet.Prefill> fill = new ArrayList<>();
        if (box == null) {
            return new OrderSet(row.id(), row.procedureType(), fill, List.of(), boxSource);
        }
        Set<String> used = new LinkedHashSet<>();
        volume(row, box.volume()).ifPresent(p -> add(fill, used, p));
        if (row.procedureType().equals("plasma-exchange")) {
            replacement(row, box.replacement()).forEach(p -> add(fill, used, p));
        }
        regimen(row, box.frequency()).ifPresent(p -> add(fill, used, p));
        Optional<OrderSet.Prefill> interval = interval(row, box.frequency());
        Optional<OrderSet.Prefill> sessions = Optional.empty();
        for (String[] part : new String[][] {{"frequency", box.frequency()}, {"duration", box.duration()}}) {
            if (sessions.isEmpty()) {
                sessions = over(row, part[0], part[1], interval.isEmpty(), fill, used);
            }
        }
        if (sessions.isEmpty()) {
            sessions = count(row, box.frequency(), box.duration(), interval);
        }
        sessions.ifPresent(p -> add(fill, used, p));
        interval.ifPresent(p -> add(fill, used, p));
        List<OrderSet.BoxPart> text = new ArrayList<>();
        for (String[] part : new String[][] {{"volume", box.volume()}, {"replacement", box.replacement()},
            {"frequency", box.frequency()}, {"duration", box.duration()}, {"stopping", box.stopping()}}) {
            if (part[1] != null && !used.contains(part[0])) {
                text.add(new OrderSet.BoxPart(part[0], part[1]));
            }
        }
        return new OrderSet(row.id(), row.procedureType(), fill, text, boxSource);
    }

    private static void add(List<OrderSet.Prefill> fill, Set<String> used, OrderSet.Prefill p) {
        if (fill.stream().noneMatch(f -> f.field().equals(p.field()))) {
            fill.add(p);
            used.add(p.part());
        }
    }

    /** The segments of a box part that speak for this row: its modality's, its indication's, or unlabelled ones. */
    static List<String> segments(GuidelineRow row, String words) {
        List<String> out = new ArrayList<>();
        if (words == null) {
            return out;
        }
        List<String> labelled = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        for (String s : words.split(";")) {
            Matcher m = LABEL.matcher(s.strip());
            if (!m.matches()) {
                plain.add(s.strip());
            } else if (forRow(row, m.group(1).replace(":", "").strip())) {
                labelled.add(m.group(2).strip());
            }
        }
        out.addAll(labelled);
        out.addAll(plain);
        return out;
    }

    private static boolean forRow(GuidelineRow row, String label) {
        boolean highVolume = "TPE-HV".equals(row.asfaModality());
        for (String token : label.split("[/,\\s]+")) {
            if (highVolume) {
                if (token.equals("TPE-HV")) {
                    return true;
                }
                continue;
            }
            for (String m : MODALITY_LABELS.getOrDefault(row.procedureType(), List.of())) {
                if (token.equalsIgnoreCase(m) || token.endsWith("-" + m) || label.equalsIgnoreCase(m)) {
                    return true;
                }
            }
        }
        if (row.asfaIndication() == null) {
            return false;
        }
        String indication = row.asfaIndication().toLowerCase(Locale.ROOT);
        for (String w : label.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            if (w.length() >= 4 && indication.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static String note(String part, String words, String how) {
        return "from ASFA 2023 fact sheet: \"" + words + "\" (" + part + (how.isEmpty() ? "" : "; " + how) + ")";
    }

    private static String lowEnd(Matcher m) {
        return m.group(2) == null ? "" : "the range's lower end";
    }

    private static Optional<OrderSet.Prefill> volume(GuidelineRow row, String words) {
        String field;
        Pattern p;
        switch (row.procedureType()) {
            case "plasma-exchange" -> {
                field = "procedure.plasmaVolumes";
                p = PLASMA_VOLUMES;
            }
            case "immunoadsorption" -> {
                field = "procedure.plasmaVolumesProcessed";
                p = PLASMA_VOLUMES;
            }
            case "leukocytapheresis" -> {
                field = "procedure.bloodVolumesProcessed";
                p = BLOOD_VOLUMES;
            }
            case "adsorptive-cytapheresis" -> {
                field = "procedure.processedVolumeMl";
                p = MILLILITRES;
            }
            default -> {
                return Optional.empty();
            }
        }
        List<OrderSet.Prefill> found = new ArrayList<>();
        for (String s : segments(row, words)) {
            Matcher m = p.matcher(s);
            if (m.find()) {
                found.add(new OrderSet.Prefill(field, Double.parseDouble(m.group(1)), "volume", words,
                        note("volume", words, lowEnd(m))));
            }
        }
        return one(found);
    }

    /** One value, or none when the segments give none or disagree. */
    private static Optional<OrderSet.Prefill> one(List<OrderSet.Prefill> found) {
        if (found.isEmpty() || found.stream().map(OrderSet.Prefill::value).distinct().count() > 1) {
            return Optional.empty();
        }
        return Optional.of(found.get(0));
    }

    private static List<OrderSet.Prefill> replacement(GuidelineRow row, String words) {
        List<String> s = segments(row, words);
        if (s.size() != 1) {
            return List.of();
        }
        String w = s.get(0).toLowerCase(Locale.ROOT).replaceAll("\\(.*\\)", "").strip();
        double albumin;
        if (w.matches("albumin( 5 ?%)?")) {
            albumin = 100;
        } else if (w.matches("(plasma|ffp)")) {
            albumin = 0;
        } else {
            return List.of();
        }
        String how = albumin == 100 ? "albumin only" : "plasma only";
        return List.of(new OrderSet.Prefill("procedure.replacement.albuminPercent", albumin, "replacement", words,
                note("replacement", words, how)), new OrderSet.Prefill("procedure.replacement.plasmaPercent",
                100 - albumin, "replacement", words, note("replacement", words, how)));
    }

    /** A photopheresis row's ASFA schedule, by the disease the planner's schedules are for. */
    private static Optional<OrderSet.Prefill> regimen(GuidelineRow row, String words) {
        if (!row.procedureType().equals("photopheresis") || words == null) {
            return Optional.empty();
        }
        String code = null;
        if (row.disease().startsWith("Cutaneous T-cell lymphoma")) {
            code = "asfa-ctcl";
        } else if (row.disease().startsWith("Graft-versus-host disease")) {
            code = "Acute".equals(row.asfaIndication()) ? "asfa-agvhd" : "Chronic".equals(row.asfaIndication())
                    ? "asfa-cgvhd" : null;
        }
        return Optional.ofNullable(code).map(c -> new OrderSet.Prefill("procedure.regimen", c, "frequency", words,
                note("frequency", words, "the planner's ASFA schedule for this disease")));
    }

    private static Optional<OrderSet.Prefill> interval(GuidelineRow row, String words) {
        List<OrderSet.Prefill> found = new ArrayList<>();
        for (String s : segments(row, words)) {
            String w = s.toLowerCase(Locale.ROOT).strip();
            Double hours = null;
            if (w.matches("daily( as needed)?")) {
                hours = 24.0;
            } else if (w.equals("every other day")) {
                hours = 48.0;
            } else if (w.matches("(once (per|a) week|weekly|1/week)")) {
                hours = 168.0;
            }
            if (hours != null) {
                found.add(new OrderSet.Prefill("schedule.intervalHours", hours, "frequency", words,
                        note("frequency", words, "")));
            }
        }
        return one(found);
    }

    /** Sessions from {@code N over D days}; the interval too, when D/N is whole days and the frequency gave none. */
    private static Optional<OrderSet.Prefill> over(GuidelineRow row, String part, String words, boolean withInterval,
            List<OrderSet.Prefill> fill, Set<String> used) {
        List<OrderSet.Prefill> found = new ArrayList<>();
        List<OrderSet.Prefill> intervals = new ArrayList<>();
        for (String s : segments(row, words)) {
            Matcher m = OVER.matcher(s);
            if (m.find()) {
                int n = (int) Double.parseDouble(m.group(1));
                double span = Double.parseDouble(m.group(3)) * (m.group(5).equals("weeks") ? 7 : 1);
                found.add(new OrderSet.Prefill("schedule.sessions", (double) n, part, words,
                        note(part, words, lowEnd(m))));
                if (n > 0 && span % n == 0) {
                    intervals.add(new OrderSet.Prefill("schedule.intervalHours", span / n * 24, part, words,
                            note(part, words, "every " + (int) (span / n) + " days: " + n + " over " + (int) span
                                    + " days, the ranges' lower ends")));
                }
            }
        }
        Optional<OrderSet.Prefill> sessions = one(found);
        if (sessions.isPresent() && withInterval) {
            one(intervals).ifPresent(i -> add(fill, used, i));
        }
        return sessions;
    }

    /** Sessions from {@code N procedures}, {@code once}, or {@code N weeks} of a weekly course. */
    private static Optional<OrderSet.Prefill> count(GuidelineRow row, String frequency, String duration,
            Optional<OrderSet.Prefill> interval) {
        List<OrderSet.Prefill> found = new ArrayList<>();
        for (String[] part : new String[][] {{"frequency", frequency}, {"duration", duration}}) {
            for (String s : segments(row, part[1])) {
                Matcher m = COUNT.matcher(s);
                String w = s.toLowerCase(Locale.ROOT).strip();
                if (m.find()) {
                    found.add(new OrderSet.Prefill("schedule.sessions", Double.parseDouble(m.group(1)), part[0],
                            part[1], note(part[0], part[1], lowEnd(m))));
                } else if (w.equals("once") || w.startsWith("single procedure")) {
                    found.add(new OrderSet.Prefill("schedule.sessions", 1.0, part[0], part[1],
                            note(part[0], part[1], "")));
                } else if (interval.filter(i -> (double) i.value() == 168.0).isPresent()) {
                    Matcher wk = WEEKS.matcher(s);
                    if (wk.find()) {
                        found.add(new OrderSet.Prefill("schedule.sessions", Double.parseDouble(wk.group(1)), part[0],
                                part[1], note(part[0], part[1], "one a week; " + (wk.group(2) == null ? ""
                                        : "the range's lower end"))));
                    }
                }
            }
            if (!found.isEmpty()) {
                break;
            }
        }
        return one(found);
    }
}
