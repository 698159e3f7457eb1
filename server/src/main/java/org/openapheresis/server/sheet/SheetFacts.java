package org.openapheresis.server.sheet;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.openapheresis.procedure.ProcedureType;
import org.openapheresis.safety.WarningCode;
import org.openapheresis.server.session.Vocabulary.AccessKind;

/**
 * What the sheet is written from: the facts of one order, its plan, its sessions' recorded access and its cost
 * estimate, read by {@link SheetService} and nothing else (the writer does no I/O).
 *
 * @param givenName the person's given name
 * @param familyName family name
 * @param mrn medical record number, printed so the sheet is matched to its person
 * @param donor true when the person is a donor (a donor record, or a collection for a recipient)
 * @param procedure the ordered procedure
 * @param indicationText the order's reason, as the physician wrote it
 * @param sessions sessions ordered
 * @param intervalHours hours between session starts, when more than one is ordered
 * @param minutesEachSession how long each session takes the person: the plan's run time plus set-up and rinseback
 *     (or, for an infusion, the longest day's infusion time), min
 * @param laterDayMinutes for an infusion, the later days' time when the first day is slower, min
 * @param warnings the codes of the order's candidacy checks and its plan's warnings
 * @param albumin the plan replaces plasma with albumin
 * @param donorPlasma the plan replaces plasma with donated plasma
 * @param access the access recorded at the order's latest session that has one
 * @param forRecipient the collected cells go to another person (allogeneic); false when autologous
 * @param doses the planned doses the collected cells are split into, when the plan splits them
 * @param cost what it may cost the person, when the reader may see charges and the estimate priced something
 */
public record SheetFacts(String givenName, String familyName, String mrn, boolean donor, ProcedureType procedure,
        String indicationText, int sessions, OptionalDouble intervalHours, double minutesEachSession,
        OptionalDouble laterDayMinutes, Set<WarningCode> warnings, boolean albumin, boolean donorPlasma,
        Optional<AccessKind> access, boolean forRecipient, OptionalInt doses, Optional<Cost> cost) {

    public SheetFacts {
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(mrn, "mrn");
        Objects.requireNonNull(procedure, "procedure");
        Objects.requireNonNull(indicationText, "indicationText");
        warnings = warnings.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(warnings));
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(cost, "cost");
        if (sessions < 1) {
            throw new IllegalArgumentException("sessions " + sessions + " is below 1");
        }
        if (!(minutesEachSession > 0)) {
            throw new IllegalArgumentException("minutesEachSession " + minutesEachSession + " is not positive");
        }
    }

    /** True when the plan has the warning. */
    public boolean has(WarningCode code) {
        return warnings.contains(code);
    }

    /**
     * The estimate, as the sheet says it.
     *
     * @param currency ISO 4217 code of the amounts
     * @param sessionsLow the fewest sessions of the range
     * @param sessionsHigh the most sessions of the range
     * @param shareLow what the person may pay for the fewest
     * @param shareHigh what the person may pay for the most
     * @param coverage the coverage used, when one holds
     * @param unpricedCodes true when a code of the session had no price (left out of the amount)
     */
    public record Cost(String currency, int sessionsLow, int sessionsHigh, BigDecimal shareLow, BigDecimal shareHigh,
            Optional<Coverage> coverage, boolean unpricedCodes) {

        public Cost {
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(shareLow, "shareLow");
            Objects.requireNonNull(shareHigh, "shareHigh");
            Objects.requireNonNull(coverage, "coverage");
        }
    }

    /**
     * The coverage behind an estimate.
     *
     * @param payer the insurer
     * @param deductibleLeft what is left of the plan year's deductible
     * @param coinsurancePercent the person's percentage after the deductible (0 with a copay)
     * @param copayPerVisit the person's amount per visit after the deductible, 0 when none
     * @param cappedByOutOfPocketMax the share stopped at the out-of-pocket maximum
     * @param priorAuthorization a prior authorisation is recorded and holds today
     */
    public record Coverage(String payer, BigDecimal deductibleLeft, BigDecimal coinsurancePercent,
            BigDecimal copayPerVisit, boolean cappedByOutOfPocketMax, boolean priorAuthorization) {
    }

    /** The warnings as a list, for tests that print them. */
    public List<WarningCode> warningList() {
        return warnings.stream().sorted().toList();
    }
}
