package org.openapheresis.server.auth;

import org.openapheresis.server.access.Role;
import java.time.Instant;

/**
 * An account (the password hash never leaves the repository).
 *
 * @param id id
 * @param username login name
 * @param displayName name shown to people
 * @param role role
 * @param active false when disabled
 * @param createdAt creation time
 * @param version optimistic-locking version
 */
public record User(String id, String username, String displayName, Role role, boolean active, Instant createdAt,
        int version) {
}
