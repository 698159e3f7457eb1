-- Requests refused before anyone was signed in (no credentials, or a token that names no live session) are
-- not audit entries: nobody did anything to data. They are counted here instead, per minute, route (the
-- route's signature, e.g. "GET /api/patients/{id}", never the path the caller chose) and reason, so a flood of
-- them stays visible without growing the audit chain. Rows older than 90 days are deleted.
CREATE TABLE refused_request (
    minute_at TIMESTAMP    NOT NULL,
    route     VARCHAR(120) NOT NULL,
    reason    VARCHAR(20)  NOT NULL,
    requests  BIGINT       NOT NULL,
    PRIMARY KEY (minute_at, route, reason)
);
