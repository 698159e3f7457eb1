package org.openapheresis.server.access;

import java.util.Objects;

/**
 * Who does something, as the services record it: the user name (what the audit log and every record's
 * {@code ...By} field name) and the role (what they may see).
 *
 * @param username login name, or a system name such as {@code demo-seed}
 * @param role the user's role
 */
public record Actor(String username, Role role) {

    public Actor {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
    }
}
