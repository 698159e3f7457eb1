package org.openapheresis.server.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.openapheresis.server.access.Principal;

/**
 * The live sessions this process has looked up lately, so that a request does not ask the database who holds
 * its token when it asked a moment ago. An entry answers for at most {@link #REVOCATION_BOUND} after its lookup,
 * and never past the session's own expiry.
 *
 * <p>The promise: a session ended in this process (logout, deactivation, a password change or reset, "sign out
 * everywhere", a change of role) stops working here at once — every entry is dropped when the change is made and
 * again when it commits, and a lookup that raced the change is not kept. A session ended by another server
 * process on the same database stops working here within {@link #REVOCATION_BOUND}. Entries are dropped
 * wholesale beyond {@link #MAX_ENTRIES}, so a flood of tokens cannot grow the heap.
 */
final class LiveSessions {

    /** How long another process's revocation can take to reach this one. */
    static final Duration REVOCATION_BOUND = Duration.ofSeconds(2);
    /** More entries than this and the table starts again empty. */
    static final int MAX_ENTRIES = 20_000;

    /** One session as looked up. */
    private record Entry(Principal principal, Instant validUntil) {
    }

    private final ConcurrentHashMap<String, Entry> byTokenHash = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    /** The generation a lookup starts in: pass it to {@link #keep}, which ignores it if sessions changed since. */
    long generation() {
        return generation.get();
    }

    /** The caller of a token looked up lately, unless its entry is past its bound or the session's expiry. */
    Optional<Principal> find(String tokenHash, Instant now, boolean viaCookie) {
        Entry e = byTokenHash.get(tokenHash);
        if (e == null) {
            return Optional.empty();
        }
        if (!now.isBefore(e.validUntil())) {
            byTokenHash.remove(tokenHash, e);
            return Optional.empty();
        }
        Principal p = e.principal();
        return Optional.of(p.viaCookie() == viaCookie ? p
                : new Principal(p.userId(), p.username(), p.displayName(), p.role(), viaCookie, p.csrfToken()));
    }

    /**
     * Keeps what a lookup found, unless sessions changed after it started ({@code startedIn} is not the current
     * generation): then the lookup may have read what the change removes.
     */
    void keep(String tokenHash, Principal principal, Instant sessionExpires, Instant now, long startedIn) {
        if (byTokenHash.size() >= MAX_ENTRIES) {
            byTokenHash.clear();
        }
        Instant bound = now.plus(REVOCATION_BOUND);
        byTokenHash.put(tokenHash, new Entry(principal, sessionExpires.isBefore(bound) ? sessionExpires : bound));
        if (generation.get() != startedIn) {
            byTokenHash.remove(tokenHash);
        }
    }

    /** Forgets every entry: a session or an account changed. */
    void forgetAll() {
        generation.incrementAndGet();
        byTokenHash.clear();
    }
}
