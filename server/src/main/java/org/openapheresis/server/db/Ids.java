package org.openapheresis.server.db;

import java.util.UUID;

/** Identifiers of stored records: random UUIDs, so several server processes never collide. */
public final class Ids {

    private Ids() {
    }

    public static String next() {
        return UUID.randomUUID().toString();
    }
}
