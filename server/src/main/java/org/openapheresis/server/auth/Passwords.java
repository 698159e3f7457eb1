package org.openapheresis.server.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * Slow salted password hashes: bcrypt (version 2b) from the maintained {@code at.favre.lib:bcrypt} library.
 * bcrypt reads at most 72 bytes, so longer passwords are refused rather than silently cut.
 */
public final class Passwords {

    /** bcrypt's input limit, bytes. */
    public static final int MAX_BYTES = 72;
    /** Shortest password accepted for an account. */
    public static final int MIN_LENGTH = 10;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final int cost;
    private final String dummyHash;

    public Passwords(int cost) {
        this.cost = cost;
        this.dummyHash = hash("not-a-real-password-" + System.nanoTime());
    }

    public String hash(String password) {
        return BCrypt.with(BCrypt.Version.VERSION_2B, RANDOM, LongPasswordStrategies.strict(BCrypt.Version.VERSION_2B))
                .hashToString(cost, password.toCharArray());
    }

    public boolean matches(String password, String hash) {
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return false;
        }
        return BCrypt.verifyer().verify(password.toCharArray(), hash).verified;
    }

    /** Spends the time of a real check, so an unknown user name answers as slowly as a wrong password. */
    public void burn(String password) {
        matches(password.length() > MAX_BYTES ? password.substring(0, 10) : password, dummyHash);
    }

    /** A strong generated password: 20 characters from 57 symbols, about 117 bits. */
    public static String generate() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
