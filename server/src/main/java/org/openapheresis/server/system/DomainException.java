package org.openapheresis.server.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request the domain refuses: a record not found, a conflict with a record's state, too many attempts. Carries
 * a stable {@link Refusal} key with its parameters and typed details for the answer (the current version and
 * record on a stale write, the warnings still open). Knows nothing of HTTP: the edges translate it.
 */
public final class DomainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Refusal refusal;
    private final transient List<Object> params;
    private final transient Map<String, Object> details;

    public DomainException(Refusal refusal, List<Object> params, Map<String, Object> details) {
        super(refusal.format(params));
        this.refusal = Objects.requireNonNull(refusal, "refusal");
        this.params = List.copyOf(params);
        this.details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** No record of this kind with the id. */
    public static DomainException notFound(String what) {
        return new DomainException(Refusal.NOT_FOUND, List.of(what), Map.of());
    }

    /** A stale write: the answer carries the current version and record. */
    public static DomainException stale(int currentVersion, Object current) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("currentVersion", currentVersion);
        d.put("current", current);
        return new DomainException(Refusal.STALE_VERSION, List.of(), d);
    }

    /** A refusal with parameters and no details. */
    public static DomainException of(Refusal refusal, Object... params) {
        return new DomainException(refusal, List.of(params), Map.of());
    }

    public Refusal refusal() {
        return refusal;
    }

    public List<Object> params() {
        return params;
    }

    /** Members added to the answer, e.g. {@code currentVersion}. */
    public Map<String, Object> details() {
        return details;
    }
}
