package org.openapheresis.server.db;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Writes that may share a commit: each caller hands in its item and waits until the transaction holding it has
 * committed; a writer thread takes every item waiting at that moment (at most {@link #MAX_BATCH}) and writes
 * them in one transaction. With several writers ({@code lanes}), each free writer takes what waits, so one
 * transaction's round trips to the database need not hold up the next (their transactions run concurrently, as
 * the requests' own would). Nothing is answered before it is durable. The writer says, item by item, what each
 * caller gets: its result, or the refusal of that item alone (the others still commit); a write that fails as a
 * whole fails each of its callers with the write's exception. Under no load an item is written alone, at once.
 *
 * @param <T> the item written
 * @param <R> what a caller gets back once its item is committed
 */
public final class GroupCommit<T, R> {

    /** The most items one transaction takes. */
    public static final int MAX_BATCH = 256;

    /** What one item's caller gets: a result, or the refusal of that item alone. */
    public record Outcome<R>(R result, RuntimeException refusal) {

        public static <R> Outcome<R> written(R result) {
            return new Outcome<>(result, null);
        }

        public static <R> Outcome<R> refused(RuntimeException refusal) {
            return new Outcome<>(null, java.util.Objects.requireNonNull(refusal, "refusal"));
        }
    }

    /** Writes items in one transaction, returning when it has committed (or throwing: then nothing is written). */
    @FunctionalInterface
    public interface Writer<T, R> {
        /** @return one outcome per item, in the items' order */
        List<Outcome<R>> write(List<T> items);
    }

    private record Waiting<T, R>(T item, CompletableFuture<R> done) {
    }

    private final LinkedBlockingQueue<Waiting<T, R>> queue = new LinkedBlockingQueue<>();
    private final Writer<T, R> write;
    private final List<Thread> writers = new ArrayList<>();

    /**
     * @param threadName the writer thread's name (a daemon: a caller waiting on it is a request not yet answered)
     * @param write writes the items in one transaction and returns when it has committed, or throws
     */
    public GroupCommit(String threadName, Writer<T, R> write) {
        this(threadName, 1, write);
    }

    /**
     * @param lanes how many writers take items (each writes its transactions on a connection of its own)
     */
    public GroupCommit(String threadName, int lanes, Writer<T, R> write) {
        if (lanes < 1) {
            throw new IllegalArgumentException("lanes must be at least 1, was " + lanes);
        }
        this.write = write;
        for (int i = 0; i < lanes; i++) {
            Thread writer = new Thread(this::run, lanes == 1 ? threadName : threadName + "-" + (i + 1));
            writer.setDaemon(true);
            writers.add(writer);
            writer.start();
        }
    }

    /** Items that only succeed or fail together: every item gets {@code null} once the transaction commits. */
    public static <T> GroupCommit<T, Void> allOrNothing(String threadName, java.util.function.Consumer<List<T>> write) {
        return allOrNothing(threadName, 1, write);
    }

    /** {@link #allOrNothing(String, java.util.function.Consumer)} with {@code lanes} writers. */
    public static <T> GroupCommit<T, Void> allOrNothing(String threadName, int lanes,
            java.util.function.Consumer<List<T>> write) {
        return new GroupCommit<>(threadName, lanes, items -> {
            write.accept(items);
            List<Outcome<Void>> all = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                all.add(Outcome.written(null));
            }
            return all;
        });
    }

    /** Returns once {@code item} is committed, with its result; throws its refusal or what the write threw. */
    public R commit(T item) {
        CompletableFuture<R> done = new CompletableFuture<>();
        queue.add(new Waiting<>(item, done));
        try {
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the write was being committed", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Stops the writer once what is waiting is written (callers after this wait for nothing: do not call). */
    public void close() {
        writers.forEach(Thread::interrupt);
        try {
            for (Thread writer : writers) {
                writer.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<Waiting<T, R>> batch = new ArrayList<>();
        boolean closing = false;
        while (true) {
            if (!closing) {
                try {
                    batch.add(queue.take());
                } catch (InterruptedException e) {
                    closing = true; // write what is still waiting, then stop
                }
            }
            if (Thread.interrupted()) { // cleared, so the write below is not cut short
                closing = true;
            }
            queue.drainTo(batch, MAX_BATCH - batch.size());
            if (batch.isEmpty()) {
                return; // closing, and nothing waits
            }
            List<T> items = new ArrayList<>(batch.size());
            for (Waiting<T, R> w : batch) {
                items.add(w.item());
            }
            try {
                List<Outcome<R>> outcomes = write.write(items);
                if (outcomes.size() != batch.size()) {
                    throw new IllegalStateException("the writer answered " + outcomes.size() + " outcomes for "
                            + batch.size() + " items (after its commit)");
                }
                for (int i = 0; i < batch.size(); i++) {
                    Outcome<R> o = outcomes.get(i);
                    if (o.refusal() != null) {
                        batch.get(i).done().completeExceptionally(o.refusal());
                    } else {
                        batch.get(i).done().complete(o.result());
                    }
                }
            } catch (RuntimeException | Error e) {
                batch.forEach(w -> w.done().completeExceptionally(e));
            }
            batch.clear();
        }
    }
}
