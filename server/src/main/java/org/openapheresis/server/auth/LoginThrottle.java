package org.openapheresis.server.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * How many password checks an account and an address may have: the counters live in the database
 * ({@code login_attempt}) and are changed under a row lock, so the limit holds for parallel requests and across
 * server processes.
 *
 * <p>An attempt is counted as a failure <em>before</em> its password is checked, in one transaction that locks
 * the account's counter and then the address's (always in that order, so two attempts never wait on each other
 * in a cycle), refuses while either is locked, and otherwise adds one to both. Parallel guesses therefore queue
 * on the row lock and each sees the count of those before it: no more than the free number get to the password
 * check. A success then takes its attempt back: the account's counter is cleared and the address's is lowered by
 * one (so a sprayer who owns one account cannot clear the address's count by signing in with it).
 */
final class LoginThrottle {

    /** A counter's rule: how many failures are free, and after how long without one it is forgotten. */
    enum Limit {
        /**
         * One account, from anywhere: 5 free failures, then 1 s, doubling per failure to {@link #MAX_LOCK}; cleared
         * by a success or an administrator's password reset, forgotten after a day without an attempt.
         */
        ACCOUNT("account:", 5, Duration.ofDays(1)),
        /**
         * One client address, across accounts (password spraying): 20 free failures, then 1 s, doubling to
         * {@link #MAX_LOCK}; forgotten after an hour without an attempt, so the mistyped passwords of a unit whose
         * staff all reach the server through one proxy address do not add up over the day.
         */
        ADDRESS("address:", 20, Duration.ofHours(1));

        private final String prefix;
        private final int free;
        private final Duration memory;

        Limit(String prefix, int free, Duration memory) {
            this.prefix = prefix;
            this.free = free;
            this.memory = memory;
        }

        /** Failures allowed before each further attempt must wait. */
        int free() {
            return free;
        }

        String key(String value) {
            return prefix + value;
        }

        /** The wait after {@code failures}: 1 s after the free ones, doubling, at most {@link #MAX_LOCK}. */
        Duration lockFor(int failures) {
            if (failures < free) {
                return Duration.ZERO;
            }
            Duration d = Duration.ofSeconds(1L << Math.min(failures - free, 20));
            return d.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : d;
        }

        /** The failures that still count at {@code now}. */
        int current(AuthStore.Attempts a, Instant now) {
            return a.lastAt().plus(memory).isBefore(now) ? 0 : a.failures();
        }
    }

    /** The longest wait imposed after repeated failures. */
    static final Duration MAX_LOCK = Duration.ofMinutes(15);

    private final AuthStore store;

    LoginThrottle(AuthStore store) {
        this.store = store;
    }

    static String accountKey(String username) {
        return Limit.ACCOUNT.key(username.toLowerCase(Locale.ROOT));
    }

    static String addressKey(String address) {
        return Limit.ADDRESS.key(address);
    }

    /**
     * Counts one password check on the account and, when given, the address, in the handle's transaction.
     *
     * @return empty when the check may go ahead (it is counted already); else how long to wait (nothing counted)
     */
    Optional<Duration> admit(Handle h, String username, Optional<String> address, Instant now) {
        record Counter(String key, Limit limit, int failures) {
        }
        List<Counter> counters = new java.util.ArrayList<>();
        counters.add(new Counter(accountKey(username), Limit.ACCOUNT, 0));
        address.ifPresent(a -> counters.add(new Counter(addressKey(a), Limit.ADDRESS, 0)));
        Duration wait = Duration.ZERO;
        for (int i = 0; i < counters.size(); i++) {
            Counter c = counters.get(i);
            AuthStore.Attempts a = store.lockAttempts(h, c.key(), now);
            int failures = c.limit().current(a, now);
            counters.set(i, new Counter(c.key(), c.limit(), failures));
            Instant until = failures < c.limit().free() ? now : a.lastAt().plus(c.limit().lockFor(failures));
            if (now.isBefore(until) && Duration.between(now, until).compareTo(wait) > 0) {
                wait = Duration.between(now, until);
            }
        }
        if (!wait.isZero()) {
            return Optional.of(wait);
        }
        for (Counter c : counters) {
            store.setAttempts(h, c.key(), new AuthStore.Attempts(c.failures() + 1, now));
        }
        return Optional.empty();
    }

    /** The password was right: the attempt counted by {@link #admit} was no failure. */
    void succeeded(Handle h, String username, Optional<String> address, Instant now) {
        store.deleteAttempts(h, accountKey(username));
        address.ifPresent(a -> store.uncount(h, addressKey(a)));
    }

    /**
     * Deletes counters nothing was counted on for longer than any limit remembers, one row per statement, in a
     * handle without a transaction: holding one row lock at a time, it can never wait in a cycle with an attempt
     * that locks an account's counter and then an address's.
     */
    void forgetOld(Handle h, Instant now) {
        Instant cutoff = now.minus(Limit.ACCOUNT.memory);
        for (String key : store.attemptKeysBefore(h, cutoff, 500)) {
            store.deleteAttemptsBefore(h, key, cutoff);
        }
    }

    /** Clears an account's counter (an administrator set a new password). */
    void clear(Handle h, String username) {
        store.deleteAttempts(h, accountKey(username));
    }
}
