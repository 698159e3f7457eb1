package org.openapheresis.server.json;

/** Text that is not valid JSON. The edges answer it with exit 2 (CLI) or 400 (HTTP). */
public final class MalformedJsonException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MalformedJsonException(String message, Throwable cause) {
        super(message, cause);
    }
}
