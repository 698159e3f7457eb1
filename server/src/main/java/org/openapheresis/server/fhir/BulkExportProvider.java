package org.openapheresis.server.fhir;

import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.StringType;
import org.openapheresis.server.access.Principal;

/**
 * The HTTP side of {@link BulkExport}, as the Bulk Data Access specification names it: {@code GET [base]/$export}
 * (and {@code [base]/Patient/$export}, in {@link PatientProvider}) with {@code Prefer: respond-async} answers 202
 * with the status URL in {@code Content-Location}; {@code GET [base]/$export-poll-status?_jobId=} answers 202 with
 * {@code X-Progress} while the job runs and 200 with the manifest when done; {@code DELETE} on it cancels or removes
 * the job; each file of the manifest is {@code GET [base]/$export-download?_jobId=&_type=}, NDJSON, with the same
 * bearer token ({@code requiresAccessToken}).
 */
public final class BulkExportProvider {

    /** Seconds a client is asked to wait between polls. */
    static final int RETRY_AFTER_S = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BulkExport export;
    private final FhirAccess access;

    BulkExportProvider(BulkExport export, FhirAccess access) {
        this.export = export;
        this.access = access;
    }

    @Operation(name = "$export", idempotent = true, manualResponse = true)
    public void systemExport(@OperationParam(name = "_outputFormat") StringType outputFormat,
            @OperationParam(name = "_type") StringType type, @OperationParam(name = "_since") InstantType since,
            @OperationParam(name = "_typeFilter") StringType typeFilter, RequestDetails rd) {
        kickOff(rd, false, outputFormat, type, since, typeFilter);
    }

    /** Starts an export for the request and answers 202 with the status URL. */
    void kickOff(RequestDetails rd, boolean patientLevel, StringType outputFormat, StringType type,
            InstantType since, StringType typeFilter) {
        String prefer = rd.getHeader("Prefer");
        if (prefer == null || !prefer.toLowerCase(java.util.Locale.ROOT).contains("respond-async")) {
            throw new InvalidRequestException("a bulk export runs asynchronously: send the header Prefer: respond-async");
        }
        Principal who = caller(rd);
        String url = rd.getCompleteUrl();
        String id = export.kickOff(new BulkExport.Request(who, BulkExport.names(access.readable(rd), true),
                patientLevel, text(outputFormat), text(type),
                Optional.ofNullable(since).map(InstantType::getValue).map(java.util.Date::toInstant), text(typeFilter),
                url));
        rd.getResponse().addHeader("Content-Location", statusUrl(rd, id));
        empty(rd, 202);
    }

    /** Answers a status with no body. */
    private static void empty(RequestDetails rd, int status) {
        try {
            Writer w = rd.getResponse().getResponseWriter(status, "text/plain", "UTF-8", false);
            rd.getResponse().commitResponse(w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Operation(name = "$export-poll-status", idempotent = true, manualResponse = true, deleteEnabled = true)
    public void pollStatus(@OperationParam(name = "_jobId", min = 1) StringType jobId, RequestDetails rd)
            throws IOException {
        Principal who = caller(rd);
        if (rd.getRequestType() == RequestTypeEnum.DELETE) {
            export.delete(who, jobId.getValue());
            empty(rd, 202);
            return;
        }
        BulkExport.Status s = export.status(who, jobId.getValue());
        if (s instanceof BulkExport.Status.Running r) {
            rd.getResponse().addHeader("X-Progress", r.patientsDone() + " of " + r.patientsTotal() + " people exported");
            rd.getResponse().addHeader("Retry-After", Integer.toString(RETRY_AFTER_S));
            empty(rd, 202);
        } else if (s instanceof BulkExport.Status.Failed f) {
            throw new ca.uhn.fhir.rest.server.exceptions.InternalErrorException("export " + jobId.getValue() + " failed: "
                    + f.why());
        } else if (s instanceof BulkExport.Status.Done d) {
            ObjectNode manifest = JSON.createObjectNode();
            manifest.put("transactionTime", new InstantType(java.util.Date.from(d.job().transactionAt()))
                    .getValueAsString());
            manifest.put("request", d.job().requestUrl());
            manifest.put("requiresAccessToken", true);
            ArrayNode output = manifest.putArray("output");
            for (ExportStore.Output o : d.outputs()) {
                output.addObject().put("type", o.type()).put("url", rd.getFhirServerBase() + "/$export-download?_jobId="
                        + enc(jobId.getValue()) + "&_type=" + enc(o.type())).put("count", o.resources());
            }
            manifest.putArray("error");
            rd.getResponse().addHeader("Expires", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusDays(1)));
            Writer w = rd.getResponse().getResponseWriter(200, "application/json", "UTF-8", false);
            JSON.writeValue(w, manifest);
            rd.getResponse().commitResponse(w);
        }
    }

    @Operation(name = "$export-download", idempotent = true, manualResponse = true)
    public void download(@OperationParam(name = "_jobId", min = 1) StringType jobId,
            @OperationParam(name = "_type", min = 1) StringType type, RequestDetails rd) throws IOException {
        Principal who = caller(rd);
        Writer[] opened = new Writer[1];
        try {
            export.download(who, jobId.getValue(), type.getValue(), () -> {
                try {
                    opened[0] = rd.getResponse().getResponseWriter(200, "application/fhir+ndjson", "UTF-8", false);
                    return opened[0];
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        rd.getResponse().commitResponse(opened[0]);
    }

    private static Principal caller(RequestDetails rd) {
        return FhirAccess.caller(rd).orElseThrow(() -> new AuthenticationException("sign in first"));
    }

    private static String statusUrl(RequestDetails rd, String id) {
        return rd.getFhirServerBase() + "/$export-poll-status?_jobId=" + enc(id);
    }

    private static Optional<String> text(StringType s) {
        return s == null || s.getValue() == null || s.getValue().isBlank() ? Optional.empty()
                : Optional.of(s.getValue().strip());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
