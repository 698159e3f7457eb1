package org.openapheresis.server.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.openapheresis.server.access.AccessPolicy;
import org.openapheresis.server.access.Authenticator;
import org.openapheresis.server.access.Permission;
import org.openapheresis.server.access.Principal;
import org.openapheresis.server.http.HttpApp;
import org.openapheresis.server.system.AuditTrail;
import org.openapheresis.server.system.RefusalCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FHIR face's door: the same bearer token (or session cookie) as the API, through the same
 * {@link Authenticator}; the same permissions per resource type ({@link #NEEDS}); and an audit entry for every
 * read and search by a signed-in caller, naming each patient whose data was answered. Without credentials the
 * answer is 401 and the refusal is counted, not audited (as at the API); a role without the permission gets 403,
 * audited. A request signed in by the session cookie that changes anything (the lab feed, deleting an export)
 * needs the API's CSRF header, as at the API. The CapabilityStatement ({@code /fhir/metadata}) is public, as the API's OpenAPI document is.
 */
@Interceptor
public final class FhirAccess {

    /** What a caller needs to read each resource type (all of them). */
    static final Map<String, List<Permission>> NEEDS = Map.ofEntries(
            Map.entry("Patient", List.of(Permission.PATIENTS_READ)),
            Map.entry("Observation", List.of(Permission.PATIENTS_CLINICAL_READ)),
            Map.entry("Condition", List.of(Permission.PATIENTS_CLINICAL_READ)),
            Map.entry("AllergyIntolerance", List.of(Permission.PATIENTS_CLINICAL_READ)),
            Map.entry("MedicationStatement", List.of(Permission.PATIENTS_CLINICAL_READ)),
            Map.entry("ServiceRequest", List.of(Permission.PATIENTS_CLINICAL_READ, Permission.ORDERS_READ)),
            Map.entry("Procedure", List.of(Permission.PATIENTS_CLINICAL_READ, Permission.SESSIONS_READ)),
            Map.entry("AdverseEvent", List.of(Permission.PATIENTS_CLINICAL_READ, Permission.SESSIONS_READ)),
            Map.entry("MedicationAdministration", List.of(Permission.PATIENTS_CLINICAL_READ, Permission.SESSIONS_READ)),
            Map.entry("BiologicallyDerivedProduct", List.of(Permission.PRODUCTS_READ)),
            Map.entry("Coverage", List.of(Permission.CHARGES_READ)),
            Map.entry("ChargeItem", List.of(Permission.CHARGES_READ)),
            Map.entry("Practitioner", List.of()),
            Map.entry("Device", List.of()));

    private static final String PRINCIPAL = "openapheresis.principal";
    private static final String AUDITED = "openapheresis.audited";

    private static final Logger LOG = LoggerFactory.getLogger(FhirAccess.class);

    private final Authenticator auth;
    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final RefusalCounter refusals;

    public FhirAccess(Authenticator auth, AccessPolicy policy, AuditTrail audit, RefusalCounter refusals) {
        this.auth = auth;
        this.policy = policy;
        this.audit = audit;
        this.refusals = refusals;
    }

    /** The types of a person's compartment the signed-in caller of this request may read. */
    java.util.Set<PatientCompartment.Type> readable(RequestDetails rd) {
        Principal who = (Principal) rd.getUserData().get(PRINCIPAL);
        java.util.Set<PatientCompartment.Type> types = java.util.EnumSet.noneOf(PatientCompartment.Type.class);
        if (who != null) {
            for (PatientCompartment.Type t : PatientCompartment.Type.values()) {
                if (NEEDS.get(t.fhirName()).stream().allMatch(p -> policy.allows(who.role(), p))) {
                    types.add(t);
                }
            }
        }
        return types;
    }

    /** The signed-in caller of this request (after {@link #admit}). */
    static Optional<Principal> caller(RequestDetails rd) {
        return Optional.ofNullable((Principal) rd.getUserData().get(PRINCIPAL));
    }

    /** Authenticates the caller and checks the role against the resource type asked for. */
    @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
    public boolean admit(RequestDetails rd) {
        return logged(rd, () -> admitted(rd));
    }

    /**
     * Runs a hook: a refusal (401, 403, 404 …) goes to the caller as its OperationOutcome and is no error of the
     * server's; anything else is logged here, with its stack trace, before HAPI answers 500. HAPI logs every exception
     * a hook throws at ERROR with its stack trace, a refused sign-in included, which buried real errors in the log;
     * the jar turns that logger off ({@code simplelogger.properties}), these hooks being the only ones registered.
     */
    private static boolean logged(RequestDetails rd, java.util.function.BooleanSupplier hook) {
        try {
            return hook.getAsBoolean();
        } catch (BaseServerResponseException refused) {
            readBody(rd);
            throw refused;
        } catch (RuntimeException e) {
            LOG.error("FHIR request {} failed in the access check", action(rd), e);
            throw e;
        }
    }

    /**
     * Reads the body of a request refused before HAPI read it, so the refusal is answered on an open connection (see
     * {@code HttpApp.readRestOfBody}: closing with the body still arriving resets the connection and can lose the
     * answer). Bounded by the request size limit; a body over it still ends the connection.
     */
    private static void readBody(RequestDetails rd) {
        try {
            rd.loadRequestContents();
        } catch (RuntimeException overLimitOrGone) {
            LOG.debug("refused FHIR request's body not read to its end: {}", overLimitOrGone.toString());
        }
    }

    private boolean admitted(RequestDetails rd) {
        if (rd.getRestOperationType() == RestOperationTypeEnum.METADATA) {
            return true;
        }
        Optional<Principal> caller = authenticate(rd);
        if (caller.isEmpty()) {
            refusals.count(action(rd), presentsCredentials(rd) ? RefusalCounter.Reason.BAD_CREDENTIALS
                    : RefusalCounter.Reason.NO_CREDENTIALS);
            AuthenticationException e = new AuthenticationException("sign in first: send the bearer token from "
                    + "POST /api/login in the Authorization header");
            e.addResponseHeader("WWW-Authenticate", "Bearer");
            throw e;
        }
        rd.getUserData().put(PRINCIPAL, caller.get());
        boolean changes = rd.getRequestType() != ca.uhn.fhir.rest.api.RequestTypeEnum.GET
                && rd.getRequestType() != ca.uhn.fhir.rest.api.RequestTypeEnum.HEAD;
        if (caller.get().viaCookie() && changes
                && !HttpApp.sameSecret(rd.getHeader(HttpApp.CSRF_HEADER), caller.get().csrfToken())) {
            append(rd, caller.get(), requestedPatient(rd).orElse(null), "403");
            rd.getUserData().put(AUDITED, Boolean.TRUE);
            throw new ForbiddenOperationException("missing or wrong " + HttpApp.CSRF_HEADER + " header (a request "
                    + "signed in by the session cookie that changes anything carries it, as at the API)");
        }
        String type = rd.getResourceName();
        if (type != null) {
            mayRead(rd, caller.get(), type, requestedPatient(rd));
        }
        return true;
    }

    /**
     * Before a resource or bundle is written: checks every resource type in it (a page fetched by its link names
     * no type in the request) and audits the read once per patient whose data it holds.
     */
    @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
    public boolean answered(RequestDetails rd, IBaseResource answer) {
        return logged(rd, () -> audited(rd, answer));
    }

    private boolean audited(RequestDetails rd, IBaseResource answer) {
        Principal who = (Principal) rd.getUserData().get(PRINCIPAL);
        if (who == null || answer == null) {
            return true;
        }
        List<IBaseResource> resources = answer instanceof Bundle b
                ? b.getEntry().stream().map(e -> (IBaseResource) e.getResource()).filter(r -> r != null).toList()
                : List.of(answer);
        Set<String> concerned = new LinkedHashSet<>();
        for (IBaseResource r : resources) {
            String type = r.fhirType();
            if (!type.equals("OperationOutcome")) {
                mayRead(rd, who, type, patientOf(r));
            }
            patientOf(r).ifPresent(concerned::add);
        }
        if (concerned.isEmpty()) {
            append(rd, who, null, "200");
        }
        for (String patient : concerned) {
            append(rd, who, patient, "200");
        }
        rd.getUserData().put(AUDITED, Boolean.TRUE);
        return true;
    }

    /** A read or search that failed (not found, bad parameters) is audited with the patient asked for. */
    @Hook(Pointcut.SERVER_HANDLE_EXCEPTION)
    public boolean failed(RequestDetails rd, BaseServerResponseException e) {
        return logged(rd, () -> auditedFailure(rd, e));
    }

    private boolean auditedFailure(RequestDetails rd, BaseServerResponseException e) {
        Principal who = (Principal) rd.getUserData().get(PRINCIPAL);
        if (who != null && rd.getUserData().get(AUDITED) == null) {
            append(rd, who, requestedPatient(rd).orElse(null), Integer.toString(e.getStatusCode()));
            rd.getUserData().put(AUDITED, Boolean.TRUE);
        }
        return true;
    }

    private void mayRead(RequestDetails rd, Principal who, String type, Optional<String> patient) {
        List<Permission> needs = NEEDS.get(type);
        if (needs != null && !needs.stream().allMatch(p -> policy.allows(who.role(), p))) {
            if (rd.getUserData().get(AUDITED) == null) {
                append(rd, who, patient.orElse(null), "403");
                rd.getUserData().put(AUDITED, Boolean.TRUE);
            }
            throw new ForbiddenOperationException("your role (" + who.role().code() + ") may not read " + type);
        }
    }

    private void append(RequestDetails rd, Principal who, String patient, String outcome) {
        audit.append(who.username(), action(rd), "/fhir/" + rd.getRequestPath(), patient, outcome);
    }

    /** The audit action: method, mount and what was asked for, e.g. {@code GET /fhir/Patient/{id}}. */
    static String action(RequestDetails rd) {
        String type = rd.getResourceName();
        String what = type == null ? rd.getRequestPath() : type + (rd.getId() != null && rd.getId().hasIdPart()
                ? "/{id}" : "");
        return rd.getRequestType() + " /fhir/" + what;
    }

    /** The patient named in the request: the id of a Patient read, or the {@code patient} search parameter. */
    private static Optional<String> requestedPatient(RequestDetails rd) {
        if ("Patient".equals(rd.getResourceName()) && rd.getId() != null && rd.getId().hasIdPart()) {
            return Optional.of(rd.getId().getIdPart());
        }
        String[] p = rd.getParameters().get("patient");
        if (p == null || p.length == 0) {
            p = rd.getParameters().get("subject");
        }
        if (p != null && p.length > 0 && !p[0].isBlank()) {
            String v = p[0];
            return Optional.of(v.substring(v.lastIndexOf('/') + 1));
        }
        return Optional.empty();
    }

    /** Whose data a resource is. */
    static Optional<String> patientOf(IBaseResource r) {
        Reference subject;
        if (r instanceof Patient p) {
            return Optional.of(p.getIdElement().getIdPart());
        } else if (r instanceof Observation o) {
            subject = o.getSubject();
        } else if (r instanceof org.hl7.fhir.r4.model.Condition c) {
            subject = c.getSubject();
        } else if (r instanceof org.hl7.fhir.r4.model.AllergyIntolerance a) {
            subject = a.getPatient();
        } else if (r instanceof org.hl7.fhir.r4.model.MedicationStatement m) {
            subject = m.getSubject();
        } else if (r instanceof ServiceRequest s) {
            subject = s.getSubject();
        } else if (r instanceof Procedure p) {
            subject = p.getSubject();
        } else if (r instanceof org.hl7.fhir.r4.model.AdverseEvent a) {
            subject = a.getSubject();
        } else if (r instanceof org.hl7.fhir.r4.model.MedicationAdministration m) {
            subject = m.getSubject();
        } else if (r instanceof org.hl7.fhir.r4.model.ChargeItem c) {
            subject = c.getSubject();
        } else if (r instanceof org.hl7.fhir.r4.model.Coverage c) {
            subject = c.getBeneficiary();
        } else if (r instanceof org.hl7.fhir.r4.model.BiologicallyDerivedProduct b) {
            Extension recipient = b.getExtensionByUrl(ProductMapper.RECIPIENT_EXTENSION);
            if (recipient == null || !(recipient.getValue() instanceof Reference ref)) {
                return Optional.empty();
            }
            subject = ref;
        } else {
            return Optional.empty();
        }
        return Optional.ofNullable(subject.getReferenceElement().getIdPart());
    }

    private Optional<Principal> authenticate(RequestDetails rd) {
        String header = rd.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.authenticate(header.substring(7).strip(), false);
        }
        return cookie(rd).flatMap(c -> auth.authenticate(c, true));
    }

    private static boolean presentsCredentials(RequestDetails rd) {
        String header = rd.getHeader("Authorization");
        return header != null && !header.isBlank() || cookie(rd).isPresent();
    }

    /** The session cookie's value from the Cookie header. */
    private static Optional<String> cookie(RequestDetails rd) {
        String header = rd.getHeader("Cookie");
        if (header == null) {
            return Optional.empty();
        }
        for (String part : header.split(";")) {
            String kv = part.strip();
            if (kv.startsWith(HttpApp.COOKIE + "=")) {
                String v = kv.substring(HttpApp.COOKIE.length() + 1);
                return v.isBlank() ? Optional.empty() : Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
