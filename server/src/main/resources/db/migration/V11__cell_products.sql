-- Issue "cell products from donor to infusion": the unit's ISBT 128 facility, the DIN sequence it draws from,
-- the products collected (and the aliquots divided from them) and the append-only chain of custody of each.

-- The unit's facility identification number (FIN, assigned by ICCBBA) and name; one row, set by an administrator.
CREATE TABLE unit_facility (
    id         INT          PRIMARY KEY,
    fin        VARCHAR(5)   NOT NULL,
    name       VARCHAR(200) NOT NULL,
    set_at     TIMESTAMP    NOT NULL,
    set_by     VARCHAR(64)  NOT NULL
);

-- The next DIN sequence number per facility and year (two digits): taken under the row's lock, so DINs stay
-- unique across server processes on one database.
CREATE TABLE din_sequence (
    fin           VARCHAR(5) NOT NULL,
    year2         INT        NOT NULL,
    next_sequence INT        NOT NULL,
    PRIMARY KEY (fin, year2)
);

CREATE TABLE cell_product (
    id                   VARCHAR(36)  PRIMARY KEY,
    version              INT          NOT NULL,
    din                  VARCHAR(13)  NOT NULL,
    description_code     VARCHAR(5)   NOT NULL,
    collection_type      VARCHAR(1)   NOT NULL,
    division             VARCHAR(2)   NOT NULL,
    kind                 VARCHAR(20)  NOT NULL,
    status               VARCHAR(20)  NOT NULL,
    parent_id            VARCHAR(36)  REFERENCES cell_product (id),
    session_id           VARCHAR(36)  NOT NULL REFERENCES treatment_session (id),
    donor_id             VARCHAR(36)  NOT NULL REFERENCES patient (id),
    recipient_id         VARCHAR(36)  NOT NULL REFERENCES patient (id),
    autologous           BOOLEAN      NOT NULL,
    collected_at         TIMESTAMP    NOT NULL,
    expires_at           TIMESTAMP    NOT NULL,
    volume_ml            DOUBLE PRECISION NOT NULL,
    cd34_per_ul          DOUBLE PRECISION,
    cd3_per_ul           DOUBLE PRECISION,
    wbc_e9_per_l         DOUBLE PRECISION,
    neutrophils_e9_per_l DOUBLE PRECISION,
    viability_percent    DOUBLE PRECISION,
    hematocrit_percent   DOUBLE PRECISION,
    anticoagulant        VARCHAR(40)  NOT NULL,
    dmso_percent         DOUBLE PRECISION,
    frozen               BOOLEAN      NOT NULL,
    thawed               BOOLEAN      NOT NULL,
    irradiated           BOOLEAN      NOT NULL,
    location             VARCHAR(200),
    created_at           TIMESTAMP    NOT NULL,
    created_by           VARCHAR(64)  NOT NULL,
    CONSTRAINT cell_product_din_division UNIQUE (din, division)
);
CREATE INDEX cell_product_recipient ON cell_product (recipient_id);
CREATE INDEX cell_product_donor ON cell_product (donor_id);
CREATE INDEX cell_product_session ON cell_product (session_id);
CREATE INDEX cell_product_parent ON cell_product (parent_id);

-- Every event of a product, numbered from 1, never updated or deleted.
CREATE TABLE product_event (
    id             VARCHAR(36)   PRIMARY KEY,
    product_id     VARCHAR(36)   NOT NULL REFERENCES cell_product (id),
    seq            INT           NOT NULL,
    type           VARCHAR(30)   NOT NULL,
    at             TIMESTAMP     NOT NULL,
    recorded_at    TIMESTAMP     NOT NULL,
    by_user        VARCHAR(64)   NOT NULL,
    verifier       VARCHAR(64),
    location       VARCHAR(200),
    temperature_c  DOUBLE PRECISION,
    status_after   VARCHAR(20)   NOT NULL,
    details        VARCHAR(4000),
    CONSTRAINT product_event_seq UNIQUE (product_id, seq)
);
