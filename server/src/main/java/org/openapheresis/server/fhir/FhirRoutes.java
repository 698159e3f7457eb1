package org.openapheresis.server.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.openapheresis.server.access.AccessPolicy;
import org.openapheresis.server.access.Authenticator;
import org.openapheresis.server.auth.AuthService;
import org.openapheresis.server.order.OrderService;
import org.openapheresis.server.resource.ResourceService;
import org.openapheresis.server.patient.PatientService;
import org.openapheresis.server.session.SessionService;
import org.openapheresis.server.system.AuditTrail;
import org.openapheresis.server.system.RefusalCounter;

/**
 * The FHIR R4 server (HAPI FHIR's plain server), mounted at {@link #MOUNT} in the same servlet context as the
 * API: one resource provider per resource type, JSON by default ({@code _format} and {@code Accept} choose XML),
 * pages of {@link #DEFAULT_PAGE_SIZE} (at most {@link #MAX_PAGE_SIZE} by {@code _count}) kept in memory, errors as
 * OperationOutcome, and {@link FhirAccess} in front of every request. The one write is the lab feed (a transaction
 * Bundle of Observations, {@link LabImport}); there is no other create, update or delete. Bulk Data export is
 * {@link BulkExport}.
 */
public final class FhirRoutes extends RestfulServer {

    private static final long serialVersionUID = 1L;

    /** Where the server is mounted (servlet path spec). */
    public static final String MOUNT = "/fhir/*";
    /** Resources per page when {@code _count} is not given. */
    public static final int DEFAULT_PAGE_SIZE = 20;
    /** Most resources per page, whatever {@code _count} asks. */
    public static final int MAX_PAGE_SIZE = 100;
    /** How many searches' results are kept for their next pages (the oldest are dropped first). */
    public static final int PAGED_SEARCHES_KEPT = 200;

    private final transient BulkExport export;

    public FhirRoutes(PatientService patients, OrderService orders, SessionService sessions,
            org.openapheresis.server.product.ProductService products, ResourceService resources, AuthService users,
            org.openapheresis.server.billing.BillingService billing,
            Jdbi jdbi, Authenticator auth, AccessPolicy policy, AuditTrail audit, RefusalCounter refusals,
            java.time.Clock clock, String mrnSystem) {
        super(FhirContext.forR4Cached());
        PatientCompartment compartment = new PatientCompartment(patients, orders, sessions, products, resources,
                LabCodes.table(), billing, mrnSystem);
        CompartmentReader reader = new CompartmentReader(patients, compartment,
                new SessionEntries(sessions, orders, compartment), jdbi);
        FhirAccess access = new FhirAccess(auth, policy, audit, refusals);
        this.export = new BulkExport(patients, compartment, users, resources, jdbi, audit, clock, getFhirContext());
        BulkExportProvider exportProvider = new BulkExportProvider(export, access);
        setPlainProviders(List.of(exportProvider, new LabImportProvider(new LabImport(patients, LabCodes.table(), audit,
                clock, mrnSystem), jdbi, policy)));
        setResourceProviders(List.of(new PatientProvider(patients, jdbi, compartment, access, exportProvider),
                new ObservationProvider(patients, jdbi, LabCodes.table(), reader),
                new ServiceRequestProvider(orders, jdbi, reader), new ProcedureProvider(sessions, jdbi, reader),
                new ProductProvider(products, jdbi), new AdverseEventProvider(reader, jdbi),
                new MedicationAdministrationProvider(reader, jdbi), new PractitionerProvider(users, jdbi),
                new DeviceProvider(resources, jdbi), new CoverageProvider(billing, reader, jdbi),
                new ConditionProvider(reader), new AllergyIntoleranceProvider(reader),
                new MedicationStatementProvider(reader),
                new ChargeItemProvider(billing, reader, jdbi)));
        FifoMemoryPagingProvider paging = new FifoMemoryPagingProvider(PAGED_SEARCHES_KEPT);
        paging.setDefaultPageSize(DEFAULT_PAGE_SIZE);
        paging.setMaximumPageSize(MAX_PAGE_SIZE);
        setPagingProvider(paging);
        setDefaultResponseEncoding(EncodingEnum.JSON);
        setServerName("OpenApheresis");
        setImplementationDescription("OpenApheresis FHIR R4 face: patients and donors, lab values, vital signs and "
                + "run values, orders, sessions, adverse events (the WAA grade as extension "
                + EntryMapper.WAA_GRADE_EXTENSION + "), IVIG and calcium given, staff, machines, coverages, charges and cell products "
                + "(BiologicallyDerivedProduct: the expiry, the ISBT 128 division and the intended recipient travel "
                + "as extensions " + ProductMapper.EXPIRY_EXTENSION + ", "
                + ProductMapper.DIVISION_EXTENSION + " and " + ProductMapper.RECIPIENT_EXTENSION + ", R4 having no "
                + "element for them); Patient/{id}/$everything; Bulk Data $export at system and Patient level; the lab "
                + "feed as a transaction Bundle of Observations (POST to the base)");
        registerInterceptor(access);
    }

    /** Stops the bulk export runner with the servlet. */
    @Override
    public void destroy() {
        export.close();
        super.destroy();
    }

    /** No answer is cached or sniffed, as at the API. */
    @Override
    protected void service(HttpServletRequest req, HttpServletResponse res) throws ServletException, IOException {
        res.setHeader("Cache-Control", "no-store");
        res.setHeader("X-Content-Type-Options", "nosniff");
        super.service(req, res);
    }
}
