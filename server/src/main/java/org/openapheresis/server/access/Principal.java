package org.openapheresis.server.access;

import java.util.Objects;
import java.util.Optional;

/**
 * The logged-in user of a request.
 *
 * @param userId user id
 * @param username login name
 * @param displayName name shown to people
 * @param role the user's role (null only for {@link #ANONYMOUS})
 * @param viaCookie true when authenticated by the session cookie (state changes then need the CSRF token)
 * @param csrfToken the session's CSRF token
 */
public record Principal(String userId, String username, String displayName, Role role, boolean viaCookie,
        String csrfToken) {

    public Principal {
        Objects.requireNonNull(username, "username");
    }

    /** Nobody: a public route's caller. */
    public static final Principal ANONYMOUS = new Principal("", "anonymous", "anonymous", null, false, "");

    public Optional<String> csrf() {
        return Optional.ofNullable(csrfToken);
    }

    /** The caller as the services know them (signed-in callers only). */
    public Actor actor() {
        if (role == null) {
            throw new IllegalStateException("an anonymous caller has no role");
        }
        return new Actor(username, role);
    }
}
