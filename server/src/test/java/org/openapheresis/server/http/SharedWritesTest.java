package org.openapheresis.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openapheresis.server.access.Role;
import org.openapheresis.server.support.Api;
import org.openapheresis.server.support.Databases;
import org.openapheresis.server.support.Unit;
import org.openapheresis.server.system.DomainException;
import org.openapheresis.server.system.Refusal;

/**
 * Writes of several requests in one transaction: they commit together, each sees those taken before it, a refused
 * one leaves the others' writes intact, a failed write fails all of them, and over HTTP every acknowledged run value
 * is stored with its audit entry while the refused ones leave nothing but their refusal's entry.
 */
class SharedWritesTest {

    private static final org.openapheresis.server.system.AuditTrail.Entry ENTRY =
            new org.openapheresis.server.system.AuditTrail.Entry("test", "write", "/test", null, "success");

    /** Counts entries appended; writes them nowhere. */
    private static final class Entries implements org.openapheresis.server.system.AuditTrail {
        final java.util.concurrent.atomic.AtomicInteger appended = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public void append(org.jdbi.v3.core.Handle h, String username, String action, String resource,
                String patientId, String outcome) {
            appended.incrementAndGet();
        }

        @Override
        public void append(String username, String action, String resource, String patientId, String outcome) {
            throw new AssertionError("a shared write appends inside its transaction");
        }
    }

    private static Jdbi postgres(String table) {
        Jdbi jdbi = Jdbi.create(Databases.freshPostgresUrl(), "postgres", "postgres");
        jdbi.useHandle(h -> h.execute("CREATE TABLE " + table + " (item INT PRIMARY KEY, tx BIGINT NOT NULL, "
                + "seen INT NOT NULL)"));
        return jdbi;
    }

    @Test
    void queued_writes_share_one_transaction_see_each_other_in_order_and_a_refusal_stays_alone() throws Exception {
        Jdbi jdbi = postgres("shared_item");
        Entries entries = new Entries();
        SharedWrites shared = new SharedWrites(jdbi, entries, 1); // one writer: the queued ones wait for it
        CountDownLatch firstHeld = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Future<Integer> first = pool.submit(() -> shared.commit(h -> {
                firstHeld.countDown();
                await(release); // the first transaction is slow: the next seven queue behind it
                return w -> insert(w, 0);
            }, () -> ENTRY));
            firstHeld.await();
            List<Future<Integer>> rest = new ArrayList<>();
            for (int i = 1; i < 8; i++) {
                int item = i;
                rest.add(pool.submit(() -> shared.commit(h -> {
                    if (item == 4) {
                        throw new DomainException(Refusal.WRONG_STATUS, List.of("write", "item 4"), Map.of());
                    }
                    return w -> insert(w, item);
                }, () -> ENTRY)));
                Thread.sleep(20); // taken in this order
            }
            Thread.sleep(200);
            release.countDown();
            assertThat(first.get()).isZero();
            List<Integer> seen = new ArrayList<>();
            for (int i = 1; i < 8; i++) {
                Future<Integer> f = rest.get(i - 1);
                if (i == 4) {
                    assertThatThrownBy(f::get).hasCauseInstanceOf(DomainException.class);
                } else {
                    seen.add(f.get());
                }
            }
            assertThat(seen).as("each write saw the ones taken before it in its transaction")
                    .containsExactly(0, 1, 2, 3, 4, 5);
        } finally {
            pool.shutdownNow();
            shared.close();
        }
        List<Long> txOfQueued = jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT tx FROM shared_item WHERE item > 0")
                .mapTo(Long.class).list());
        assertThat(txOfQueued).as("the six queued writes committed in one transaction").hasSize(1);
        List<Integer> stored = jdbi.withHandle(h -> h.createQuery("SELECT item FROM shared_item ORDER BY item")
                .mapTo(Integer.class).list());
        assertThat(stored).containsExactly(0, 1, 2, 3, 5, 6, 7);
        assertThat(entries.appended).as("an entry for each write, none for the refused one").hasValue(7);
    }

    @Test
    void a_write_that_fails_fails_every_request_of_its_transaction_and_stores_none() throws Exception {
        Jdbi jdbi = postgres("failing_item");
        SharedWrites shared = new SharedWrites(jdbi, new Entries(), 1);
        CountDownLatch firstHeld = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<Integer> first = pool.submit(() -> shared.commit(h -> {
                firstHeld.countDown();
                await(release);
                return w -> 0;
            }, () -> ENTRY));
            firstHeld.await();
            Future<Integer> good = pool.submit(() -> shared.commit(h -> w -> w.execute(
                    "INSERT INTO failing_item VALUES (1, 0, 0)"), () -> ENTRY));
            Thread.sleep(50);
            Future<Integer> broken = pool.submit(() -> shared.commit(h -> w -> w.execute(
                    "INSERT INTO failing_item VALUES (1, 0, 0)"), () -> ENTRY)); // the same key: the statement fails
            Thread.sleep(200);
            release.countDown();
            first.get();
            assertThatThrownBy(good::get).as("not acknowledged: its transaction did not commit")
                    .isInstanceOf(java.util.concurrent.ExecutionException.class);
            assertThatThrownBy(broken::get).isInstanceOf(java.util.concurrent.ExecutionException.class);
        } finally {
            pool.shutdownNow();
            shared.close();
        }
        int stored = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM failing_item").mapTo(Integer.class).one());
        assertThat(stored).isZero();
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    @SuppressWarnings("unchecked")
    void concurrent_run_values_store_every_acknowledged_one_with_its_entry_and_nothing_of_the_refused(
            Databases.Kind kind) throws Exception {
        try (Unit u = Unit.start(kind)) {
            String patient = u.createPatient(Unit.mrn("SHARED"));
            String order = u.signedOrder(patient);
            String running = u.startedSession(order);
            String notStarted = u.scheduledSession(order);
            String nurse = u.token(Role.NURSE);
            String tooEarly = java.time.Instant.now().minus(java.time.Duration.ofDays(3)).toString();
            int n = 30;
            ExecutorService pool = Executors.newFixedThreadPool(n);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Api.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int kindOf = i % 3; // 0: good, 1: a session not running, 2: timed before the session began
                answers.add(pool.submit(() -> {
                    go.await();
                    String session = kindOf == 1 ? notStarted : running;
                    String time = kindOf == 2 ? tooEarly : Unit.now();
                    return u.api.post("/api/sessions/" + session + "/run-values", nurse, Map.of("time", time,
                            "source", "machine", "processedVolumeMl", 100));
                }));
            }
            go.countDown();
            int good = 0;
            for (int i = 0; i < n; i++) {
                Api.Answer a = answers.get(i).get();
                int expected = i % 3 == 0 ? 201 : i % 3 == 1 ? 409 : 422;
                assertThat(a.status()).as(a.body()).isEqualTo(expected);
                good += a.status() == 201 ? 1 : 0;
            }
            pool.shutdown();
            Map<String, Object> record = u.api.get("/api/sessions/" + running + "/record", nurse).map();
            assertThat((List<?>) record.get("runValues")).hasSize(good);
            assertThat((List<?>) u.api.get("/api/sessions/" + notStarted + "/record", nurse).map().get("runValues"))
                    .isEmpty();
            String admin = u.token(Role.ADMIN);
            List<Map<String, Object>> entries = u.api.get("/api/audit?patientId=" + patient, admin).list();
            java.util.function.Predicate<Map<String, Object>> runValueEntry = e -> String.valueOf(e.get("action"))
                    .equals("POST /api/sessions/{id}/run-values");
            assertThat(entries.stream().filter(runValueEntry).map(e -> e.get("outcome")).sorted().toList())
                    .as("one entry per request: the acknowledged ones and each refusal")
                    .containsExactlyElementsOf(expectedOutcomes(n));
            assertThat(u.api.get("/api/audit/verify", admin).map()).containsEntry("valid", true);
        }
    }

    private static List<Object> expectedOutcomes(int n) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < n / 3; i++) {
            out.add("409");
            out.add("422");
            out.add("success");
        }
        out.sort(java.util.Comparator.comparing(Object::toString));
        return out;
    }

    private static int insert(org.jdbi.v3.core.Handle w, int item) {
        int seen = w.createQuery("SELECT COUNT(*) FROM shared_item WHERE item > 0").mapTo(Integer.class).one();
        w.createUpdate("INSERT INTO shared_item VALUES (:i, txid_current(), :s)").bind("i", item).bind("s", seen)
                .execute();
        return seen;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
