package org.openapheresis.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Callers that share a commit: each returns only after its item is written, and a failed write fails each. */
class GroupCommitTest {

    @Test
    void concurrent_callers_share_transactions_and_each_returns_after_its_item_is_written() throws Exception {
        List<List<Integer>> transactions = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstWriteHeld = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<Integer, Void> group = GroupCommit.allOrNothing("test-writer", items -> {
            if (transactions.isEmpty()) {
                firstWriteHeld.countDown();
                await(release); // the first transaction is slow: the others queue behind it
            }
            transactions.add(List.copyOf(items));
        });
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            answers.add(pool.submit(() -> commitAndSay(group, 0, transactions)));
            firstWriteHeld.await();
            for (int i = 1; i < 16; i++) {
                int item = i;
                answers.add(pool.submit(() -> commitAndSay(group, item, transactions)));
            }
            Thread.sleep(200); // let them queue
            release.countDown();
            for (Future<Integer> a : answers) {
                assertThat(a.get()).as("a caller returned before its item was written").isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
            group.close();
        }
        assertThat(transactions.stream().mapToInt(List::size).sum()).isEqualTo(16);
        assertThat(transactions.size()).as("fifteen queued callers shared fewer transactions").isLessThan(16);
    }

    @Test
    void a_failed_write_fails_its_callers_and_the_next_write_goes_on() {
        List<Integer> written = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<Integer, Void> group = GroupCommit.allOrNothing("test-writer", items -> {
            if (items.contains(13)) {
                throw new IllegalStateException("the database refused the batch");
            }
            written.addAll(items);
        });
        try {
            assertThatThrownBy(() -> group.commit(13)).hasMessageContaining("refused the batch");
            group.commit(14);
            assertThat(written).containsExactly(14);
        } finally {
            group.close();
        }
    }

    @Test
    void a_refused_item_fails_its_caller_alone_and_the_others_get_their_results() throws Exception {
        CountDownLatch firstHeld = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<List<Integer>> transactions = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<Integer, String> group = new GroupCommit<>("test-writer", items -> {
            if (transactions.isEmpty()) {
                firstHeld.countDown();
                await(release);
            }
            transactions.add(List.copyOf(items));
            List<GroupCommit.Outcome<String>> out = new ArrayList<>();
            for (int i : items) {
                out.add(i % 2 == 1 ? GroupCommit.Outcome.refused(new IllegalArgumentException("odd " + i))
                        : GroupCommit.Outcome.written("even " + i));
            }
            return out;
        });
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Future<String> first = pool.submit(() -> group.commit(0));
            firstHeld.await();
            List<Future<String>> rest = new ArrayList<>();
            for (int i = 1; i < 8; i++) {
                int item = i;
                rest.add(pool.submit(() -> group.commit(item)));
            }
            Thread.sleep(200);
            release.countDown();
            assertThat(first.get()).isEqualTo("even 0");
            for (int i = 1; i < 8; i++) {
                int item = i;
                if (item % 2 == 1) {
                    assertThatThrownBy(() -> rest.get(item - 1).get()).hasCauseInstanceOf(IllegalArgumentException.class)
                            .hasMessageContaining("odd " + item);
                } else {
                    assertThat(rest.get(item - 1).get()).isEqualTo("even " + item);
                }
            }
        } finally {
            pool.shutdownNow();
            group.close();
        }
        assertThat(transactions.size()).as("the seven queued items shared a transaction").isLessThan(8);
    }

    @Test
    void with_two_lanes_a_slow_transaction_does_not_hold_up_the_next() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<Integer, Void> group = new GroupCommit<>("test-writer", 2, items -> {
            if (items.contains(0)) {
                await(release);
            }
            return items.stream().map(i -> GroupCommit.Outcome.<Void>written(null)).toList();
        });
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Void> slow = pool.submit(() -> group.commit(0));
            Thread.sleep(100);
            Future<Void> next = pool.submit(() -> group.commit(1));
            next.get(5, java.util.concurrent.TimeUnit.SECONDS); // the other lane wrote it while the first waits
            assertThat(slow).isNotDone();
            release.countDown();
            slow.get(5, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            release.countDown();
            pool.shutdownNow();
            group.close();
        }
    }

    /** 1 when the caller's item is among the written ones as it returns. */
    private static int commitAndSay(GroupCommit<Integer, Void> group, int item, List<List<Integer>> transactions) {
        group.commit(item);
        synchronized (transactions) {
            return (int) transactions.stream().filter(t -> t.contains(item)).count();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
