package org.openapheresis.procedure;

import java.util.ArrayList;
import java.util.List;

/**
 * The published treatment schedules of photopheresis and adsorptive cytapheresis, laid out day by day from the first
 * treatment. A photopheresis cycle is two treatments on consecutive days. Pure functions.
 */
public final class TreatmentSchedules {

    /** The ASFA 2023 guideline (its fact sheets were read as transcribed, not in the paper). */
    public static final String ASFA_2023 = "ASFA 2023 (Connelly-Smith L et al., J Clin Apher 2023;38(2):77-278, doi "
            + "10.1002/jca.22043), fact sheet as transcribed, not checked against the paper";
    /** The UVADEX label's schedule. */
    public static final String UVADEX_LABEL_SCHEDULE = "UVADEX (methoxsalen) Sterile Solution prescribing information "
            + "(THERAKOS; read on drugs.com and medlibrary.org): \"Treatment is given on two consecutive days every four "
            + "weeks for a minimum of seven treatment cycles (six months).\"";
    /** Adacolumn trial. */
    public static final String ADACOLUMN_2001 = "J Clin Apher 2001;16(1):1-9, doi 10.1002/jca.1000 (multicentre, n = 53):"
            + " \"five apheresis sessions, each of 60 minutes duration, flow rate 30 ml per minute for 5 consecutive weeks\"";

    /** Label: at least seven cycles. */
    public static final int LABEL_MIN_CYCLES = 7;
    /** Label: weeks between cycles. */
    public static final int LABEL_CYCLE_INTERVAL_WEEKS = 4;
    /** ASFA chronic GVHD: the weekly or fortnightly phase lasts up to 3 months, taken as 12 weeks. */
    public static final int CGVHD_FIRST_PHASE_WEEKS = 12;
    /** ASFA chronic GVHD taper: one cycle per month, taken as every 4 weeks (UNVERIFIED: calendar months). */
    public static final int CGVHD_TAPER_INTERVAL_WEEKS = 4;
    /** ASFA acute GVHD: at least 8 weeks. */
    public static final int AGVHD_MIN_WEEKS = 8;
    /** Adsorptive cytapheresis: sessions, one a week. */
    public static final int COLUMN_SESSIONS = 5;

    private TreatmentSchedules() {
    }

    /** The photopheresis schedule of a course (its numbers were checked by the reader). */
    public static Plan.TreatmentSchedule photopheresis(ProcedureSpec.PhotopheresisCourse c) {
        List<Double> days = new ArrayList<>();
        return switch (c.regimen()) {
            case LABEL_CTCL -> {
                int cycles = c.treatmentCycles().orElse(LABEL_MIN_CYCLES);
                cycles(days, 0, cycles, LABEL_CYCLE_INTERVAL_WEEKS);
                yield schedule(c, cycles + " cycles of two consecutive days, one every " + LABEL_CYCLE_INTERVAL_WEEKS
                        + " weeks (the label's normal schedule; at least " + LABEL_MIN_CYCLES + " cycles)",
                        UVADEX_LABEL_SCHEDULE, days);
            }
            case ASFA_CTCL -> {
                int interval = c.cycleIntervalWeeks().getAsInt();
                int cycles = c.treatmentCycles().getAsInt();
                cycles(days, 0, cycles, interval);
                yield schedule(c, cycles + " cycles of two consecutive days, one every " + interval + " weeks", ASFA_2023
                        + ", CTCL: \"Two days (one cycle) every 2 to 4 weeks\"", days);
            }
            case ASFA_CGVHD -> {
                int interval = c.cycleIntervalWeeks().getAsInt();
                int first = CGVHD_FIRST_PHASE_WEEKS / interval;
                cycles(days, 0, first, interval);
                int taper = c.taperCycles().orElse(0);
                double taperStart = (first - 1) * 7.0 * interval + 7.0 * CGVHD_TAPER_INTERVAL_WEEKS;
                cycles(days, taperStart, taper, CGVHD_TAPER_INTERVAL_WEEKS);
                yield schedule(c, first + " cycles of two consecutive days, one every " + (interval == 1 ? "week"
                        : interval + " weeks") + " for " + CGVHD_FIRST_PHASE_WEEKS + " weeks, then " + taper
                        + " monthly cycles (every " + CGVHD_TAPER_INTERVAL_WEEKS + " weeks) if responding", ASFA_2023
                        + ", GVHD: \"cGVHD: one cycle weekly or every other week for up to 3 months, then, if"
                        + " responding, taper to one cycle per month\"", days);
            }
            case ASFA_AGVHD -> {
                int perWeek = c.treatmentsPerWeek().getAsInt();
                int weeks = c.weeks().orElse(AGVHD_MIN_WEEKS);
                for (int w = 0; w < weeks; w++) {
                    for (double d : perWeek == 2 ? new double[] {0, 1} : new double[] {0, 2, 4}) {
                        days.add(7.0 * w + d);
                    }
                }
                yield schedule(c, perWeek + " treatments a week for " + weeks + " weeks (" + (perWeek == 2
                        ? "two consecutive days" : "every other day") + " each week; UNVERIFIED: the days within the"
                        + " week are the unit's choice)", ASFA_2023 + ", GVHD: \"aGVHD: 2 to 3 treatments weekly until"
                        + " response obtained (minimum of 8 weeks)\"", days);
            }
        };
    }

    /** The published course of an adsorptive cytapheresis column: five sessions, one a week. */
    public static Plan.TreatmentSchedule column(ProcedureSpec.AdsorptionColumn column) {
        List<Double> days = new ArrayList<>();
        for (int i = 0; i < COLUMN_SESSIONS; i++) {
            days.add(7.0 * i);
        }
        String source = column == ProcedureSpec.AdsorptionColumn.ADACOLUMN ? ADACOLUMN_2001
                : ASFA_2023 + ", adsorptive cytapheresis: \"Once per week\", \"5 weeks for Cellsorba\"";
        return new Plan.TreatmentSchedule("weekly-5", COLUMN_SESSIONS + " sessions, one a week", source,
                COLUMN_SESSIONS, days);
    }

    private static void cycles(List<Double> days, double startDay, int cycles, int intervalWeeks) {
        for (int i = 0; i < cycles; i++) {
            double start = startDay + 7.0 * intervalWeeks * i;
            days.add(start);
            days.add(start + 1);
        }
    }

    private static Plan.TreatmentSchedule schedule(ProcedureSpec.PhotopheresisCourse c, String description,
            String source, List<Double> days) {
        return new Plan.TreatmentSchedule(c.regimen().code(), description, source, days.size(), days);
    }
}
