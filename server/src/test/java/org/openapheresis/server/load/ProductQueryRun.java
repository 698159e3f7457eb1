package org.openapheresis.server.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.openapheresis.server.access.Role;
import org.openapheresis.server.support.Databases;
import org.openapheresis.server.support.Unit;

/**
 * "Where is every product of this patient" against a lab with many products: {@code ProductQueryRun [PRODUCTS]
 * [PATIENTS]} (default 100,000 products over 1,000 patients) on an embedded PostgreSQL. Makes one real product
 * through the API, copies its row (new ids and DINs, donors and recipients spread over the patients) with one
 * INSERT ... SELECT, analyses the table, then times the store's query and the HTTP route for one patient. Not a
 * unit test: see docs/benchmarks.md.
 */
public final class ProductQueryRun {

    private ProductQueryRun() {
    }

    public static void main(String[] args) throws Exception {
        int products = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int patients = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        try (Unit u = Unit.start(Databases.Kind.POSTGRESQL)) {
            String template = u.quarantinedProduct();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < patients; i++) {
                ids.add(u.createPatient(Unit.mrn("Q" + i)));
            }
            String array = "ARRAY['" + String.join("','", ids) + "']";
            long t0 = System.nanoTime();
            u.server.services().db().jdbi().useHandle(h -> {
                h.execute("INSERT INTO cell_product SELECT gen_random_uuid()::text, 1, 'A9999' || '25' "
                        + "|| lpad(g::text, 6, '0'), description_code, collection_type, division, kind, status, NULL, "
                        + "session_id, (" + array + ")[1 + g % " + patients + "], (" + array + ")[1 + g % " + patients
                        + "], autologous, collected_at - (g || ' minutes')::interval, expires_at, volume_ml, cd34_per_ul, "
                        + "cd3_per_ul, wbc_e9_per_l, neutrophils_e9_per_l, viability_percent, hematocrit_percent, "
                        + "anticoagulant, dmso_percent, frozen, thawed, irradiated, location, created_at, created_by "
                        + "FROM cell_product, generate_series(1, " + products + ") g WHERE id = '" + template + "'");
                h.execute("ANALYZE cell_product");
            });
            System.out.printf("inserted %d products over %d patients in %.1f s%n", products, patients,
                    (System.nanoTime() - t0) / 1e9);
            String patient = ids.get(patients / 2);
            String nurse = u.token(Role.NURSE);
            long[] db = new long[50];
            long[] http = new long[50];
            for (int i = 0; i < 60; i++) {
                long a = System.nanoTime();
                int n = u.server.services().db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM ("
                        + "SELECT id FROM cell_product WHERE recipient_id = :p OR donor_id = :p ORDER BY collected_at "
                        + "DESC LIMIT 500) x").bind("p", patient).mapTo(Integer.class).one());
                long b = System.nanoTime();
                var answer = u.api.get("/api/products?patientId=" + patient, nurse);
                long c = System.nanoTime();
                if (answer.status() != 200 || n == 0) {
                    throw new IllegalStateException("the query found nothing: " + answer.status());
                }
                if (i >= 10) {
                    db[i - 10] = b - a;
                    http[i - 10] = c - b;
                }
            }
            Arrays.sort(db);
            Arrays.sort(http);
            String plan = u.server.services().db().jdbi().withHandle(h -> String.join("\n", h.createQuery("EXPLAIN "
                    + "SELECT id FROM cell_product WHERE recipient_id = :p OR donor_id = :p ORDER BY collected_at DESC "
                    + "LIMIT 500").bind("p", patient).mapTo(String.class).list()));
            System.out.printf("one patient's products (%d of %d): query p50 %.2f ms p95 %.2f ms; "
                    + "GET /api/products?patientId= p50 %.1f ms p95 %.1f ms%n%s%n", products / patients, products,
                    db[25] / 1e6, db[47] / 1e6, http[25] / 1e6, http[47] / 1e6, plan);
        }
        System.exit(0);
    }
}
