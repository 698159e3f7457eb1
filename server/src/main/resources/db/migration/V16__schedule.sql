-- Planning the week. The skills of each nurse: the unit keeps no other staff-skills record, so this is it, one row
-- per nurse (by user name) and skill code (plasma-exchange, cell-collection, paediatric, central-line).
CREATE TABLE nurse_skill (
    username VARCHAR(100) NOT NULL,
    skill    VARCHAR(40)  NOT NULL,
    PRIMARY KEY (username, skill)
);

-- The proposals the solver made, kept until a coordinator books one. basis is the digest of the data the proposal
-- was made on (orders, sessions, machines, chairs, nurses and skills): booking is refused whole when it changed.
CREATE TABLE schedule_proposal (
    id            VARCHAR(36) PRIMARY KEY,
    from_day      DATE        NOT NULL,
    to_day        DATE        NOT NULL,
    basis         VARCHAR(64) NOT NULL,
    feasible      BOOLEAN     NOT NULL,
    proposal_json VARCHAR     NOT NULL,
    created_at    TIMESTAMP   NOT NULL,
    created_by    VARCHAR(64) NOT NULL,
    applied_at    TIMESTAMP,
    applied_by    VARCHAR(64)
);
CREATE INDEX schedule_proposal_created ON schedule_proposal (created_at);
