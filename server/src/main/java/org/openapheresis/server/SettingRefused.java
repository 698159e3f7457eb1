package org.openapheresis.server;

/**
 * A setting the server refuses to start with (for example an {@code OPENAPHERESIS_ADMIN_PASSWORD} the password
 * policy refuses): the message names the setting and every reason, in words a person starting the server acts on.
 */
public final class SettingRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SettingRefused(String message) {
        super(message);
    }
}
