package org.openapheresis.server.auth;

import java.util.Objects;
import org.openapheresis.server.access.Role;

/**
 * What an administrator sets on an account ({@code PUT /api/users/{id}}): the whole editable part.
 *
 * @param displayName name shown to people
 * @param role the account's role
 * @param active false to deactivate (the user's sessions end at once)
 */
public record AccountChange(String displayName, Role role, boolean active) {

    public AccountChange {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(role, "role");
    }
}
