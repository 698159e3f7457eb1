package org.openapheresis.server.fhir;

import java.util.Collections;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.openapheresis.procedure.ProcedureType;
import org.openapheresis.server.session.SessionRecord;

/**
 * A session as an R4 Procedure: scheduled is in preparation, aborted is stopped, cancelled is not done; the
 * performed period from start to end; the nurse in charge as performer (by user name: staff are not FHIR
 * Practitioners yet); the order it carries out as basedOn. The code is the procedure's name as text and, where one
 * was verified, its SNOMED CT concept ({@code /fhir/procedure-codes.csv}).
 */
public final class ProcedureMapper {

    /** A SNOMED CT concept: its identifier and the display printed beside it in the sources. */
    record Concept(String code, String display) {
    }

    /** The procedure types' concepts, by contract code; a type with none is absent. */
    static final Map<ProcedureType, Concept> CONCEPTS = concepts();

    private ProcedureMapper() {
    }

    private static Map<ProcedureType, Concept> concepts() {
        Map<ProcedureType, Concept> m = new EnumMap<>(ProcedureType.class);
        for (String[] cols : LabCodes.rows("/fhir/procedure-codes.csv", 3)) {
            ProcedureType type = ProcedureType.fromCode(cols[0]).orElseThrow(() -> new IllegalStateException(
                    "/fhir/procedure-codes.csv: no procedure type " + cols[0]));
            if (m.put(type, new Concept(cols[1], cols[2])) != null) {
                throw new IllegalStateException("/fhir/procedure-codes.csv: " + cols[0] + " twice");
            }
        }
        return Collections.unmodifiableMap(m);
    }

    /** The procedure as a FHIR code: its SNOMED CT concept when there is one, and its name as text. */
    static CodeableConcept code(ProcedureType type) {
        CodeableConcept c = new CodeableConcept().setText(type.displayName());
        Concept k = CONCEPTS.get(type);
        if (k != null) {
            c.addCoding().setSystem(FhirSystems.SNOMED_CT).setCode(k.code()).setDisplay(k.display());
        }
        return c;
    }

    public static Procedure toFhir(SessionRecord s) {
        return toFhir(s, java.util.Optional.empty(), java.util.Optional.empty());
    }

    /**
     * With when the session last changed and the machine it ran or is booked on (as the device used), when known.
     */
    public static Procedure toFhir(SessionRecord s, java.util.Optional<java.time.Instant> updatedAt,
            java.util.Optional<String> deviceId) {
        Procedure p = new Procedure();
        p.setId(s.id());
        p.getMeta().setVersionId(Integer.toString(s.version()));
        p.setStatus(switch (s.status()) {
            case SCHEDULED -> Procedure.ProcedureStatus.PREPARATION;
            case IN_PROGRESS -> Procedure.ProcedureStatus.INPROGRESS;
            case COMPLETED -> Procedure.ProcedureStatus.COMPLETED;
            case ABORTED -> Procedure.ProcedureStatus.STOPPED;
            case CANCELLED -> Procedure.ProcedureStatus.NOTDONE;
        });
        s.abortReason().or(s::cancelReason).ifPresent(why -> p.setStatusReason(new CodeableConcept().setText(why)));
        p.setCode(code(s.procedureType()));
        p.setSubject(new Reference("Patient/" + s.patientId()).setDisplay(s.patientName()));
        p.addBasedOn(new Reference("ServiceRequest/" + s.orderId()));
        if (s.startedAt().isPresent()) {
            Period period = new Period().setStart(Date.from(s.startedAt().get()));
            if (s.status() != org.openapheresis.server.session.SessionStatus.IN_PROGRESS) {
                s.endedAt().ifPresent(end -> period.setEnd(Date.from(end)));
            }
            p.setPerformed(period);
        }
        s.nurse().or(s::startedBy).ifPresent(n -> p.addPerformer().setActor(new Reference().setDisplay(n)));
        updatedAt.ifPresent(t -> p.getMeta().setLastUpdated(Date.from(t)));
        deviceId.ifPresent(d -> p.addUsedReference(new Reference("Device/" + d).setDisplay(s.machine().orElse(null))));
        return p;
    }
}
