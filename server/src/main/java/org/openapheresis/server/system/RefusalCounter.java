package org.openapheresis.server.system;

/**
 * Where the HTTP edge counts requests refused before anyone was signed in. They are not audit entries (the
 * audit log records what signed-in people did to data, and what an anonymous caller chose to put in a path is no
 * such thing); counting them keeps a flood visible without letting it grow the audit chain.
 */
public interface RefusalCounter {

    /** Why the caller was not signed in. */
    enum Reason {
        /** No bearer token and no session cookie. */
        NO_CREDENTIALS,
        /** A token or cookie that names no live session. */
        BAD_CREDENTIALS;

        /** @return the code stored, e.g. {@code no-credentials} */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** Counts one refused request of the route (its signature, e.g. {@code GET /api/patients/{id}}). */
    void count(String route, Reason reason);
}
