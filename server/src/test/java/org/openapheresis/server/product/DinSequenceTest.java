package org.openapheresis.server.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.openapheresis.server.db.Database;
import org.openapheresis.server.support.Databases;

/**
 * DIN sequence numbers taken at once by two connection pools on one PostgreSQL database (as two server processes
 * take them), starting on a year with no row yet: every number is taken once, and none is skipped.
 */
class DinSequenceTest {

    /** Takes {@code perPool} numbers from each of two pools with {@code threads} threads each; answers them. */
    static List<Integer> take(String url, int threads, int perPool) throws Exception {
        Database a = Database.postgres(url, Optional.of("postgres"), Optional.of("postgres"));
        Database b = Database.postgres(url, Optional.of("postgres"), Optional.of("postgres"));
        ProductStore store = new ProductStore();
        ConcurrentLinkedQueue<Integer> taken = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(2 * threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (Database db : List.of(a, b)) {
                for (int t = 0; t < threads; t++) {
                    all.add(pool.submit(() -> {
                        go.await();
                        for (int i = 0; i < perPool / threads; i++) {
                            taken.add(db.jdbi().inTransaction(h -> store.nextSequence(h, "A9999", 26)));
                        }
                        return null;
                    }));
                }
            }
            go.countDown();
            for (Future<?> f : all) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
            a.close();
            b.close();
        }
        return new ArrayList<>(taken);
    }

    @Test
    void two_pools_taking_numbers_at_once_never_take_one_twice_nor_skip_one() throws Exception {
        List<Integer> taken = take(Databases.freshPostgresUrl(), 8, 400);
        assertThat(taken).hasSize(800).doesNotHaveDuplicates();
        assertThat(taken.stream().mapToInt(Integer::intValue).max().orElseThrow()).isEqualTo(800);
    }

    /** The measurement the issue asks for: 10,000 DINs from two pools; prints duplicates, gaps and the rate. */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        long t0 = System.nanoTime();
        List<Integer> taken = take(Databases.freshPostgresUrl(), 8, n / 2);
        double s = (System.nanoTime() - t0) / 1e9;
        long distinct = taken.stream().distinct().count();
        System.out.printf(java.util.Locale.ROOT, "%d DINs from two pools x 8 threads in %.1f s (%.0f/s): %d duplicates, "
                + "highest %d%n", taken.size(), s, taken.size() / s, taken.size() - distinct,
                taken.stream().mapToInt(Integer::intValue).max().orElse(0));
        System.exit(0);
    }
}
