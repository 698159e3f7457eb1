package org.openapheresis.server.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * Writes that may share a commit: each caller hands in its item and waits until the transaction holding it has
 * committed; one writer thread takes every item waiting at that moment (at most {@link #MAX_BATCH}) and writes
 * them in one transaction. Nothing is answered before it is durable, and a failed write fails each of its callers
 * with the write's exception. Under no load an item is written alone, at once.
 *
 * @param <T> the item written
 */
final class GroupCommit<T> {

    /** The most items one transaction takes. */
    static final int MAX_BATCH = 256;

    private record Waiting<T>(T item, CompletableFuture<Void> done) {
    }

    private final LinkedBlockingQueue<Waiting<T>> queue = new LinkedBlockingQueue<>();
    private final Consumer<List<T>> write;
    private final Thread writer;

    /**
     * @param threadName the writer thread's name (a daemon: a caller waiting on it is a request not yet answered)
     * @param write writes the items in one transaction and returns when it has committed, or throws
     */
    GroupCommit(String threadName, Consumer<List<T>> write) {
        this.write = write;
        writer = new Thread(this::run, threadName);
        writer.setDaemon(true);
        writer.start();
    }

    /** Returns once {@code item} is committed; throws what the write threw. */
    void commit(T item) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        queue.add(new Waiting<>(item, done));
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the audit entry was being committed", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Stops the writer once what is waiting is written (callers after this wait for nothing: do not call). */
    void close() {
        writer.interrupt();
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<Waiting<T>> batch = new ArrayList<>();
        boolean closing = false;
        while (true) {
            if (!closing) {
                try {
                    batch.add(queue.take());
                } catch (InterruptedException e) {
                    closing = true; // write what is still waiting, then stop
                }
            }
            queue.drainTo(batch, MAX_BATCH - batch.size());
            if (batch.isEmpty()) {
                return; // closing, and nothing waits
            }
            List<T> items = new ArrayList<>(batch.size());
            for (Waiting<T> w : batch) {
                items.add(w.item());
            }
            try {
                write.accept(items);
                batch.forEach(w -> w.done().complete(null));
            } catch (RuntimeException | Error e) {
                batch.forEach(w -> w.done().completeExceptionally(e));
            }
            batch.clear();
        }
    }
}
