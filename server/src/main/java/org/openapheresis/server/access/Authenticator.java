package org.openapheresis.server.access;

import java.util.Optional;

/** Who holds a session token: what the HTTP edge asks of the accounts feature for every request. */
@FunctionalInterface
public interface Authenticator {

    /**
     * @param token the bearer token or the session cookie's value
     * @param viaCookie true when it came in the cookie (state changes then need the CSRF token)
     * @return the signed-in caller, or empty for an unknown, expired or revoked token
     */
    Optional<Principal> authenticate(String token, boolean viaCookie);
}
