-- Issue "cell products", storage positions as records: a storage unit holds containers (a rack's box, a dewar's
-- canister, a refrigerator's shelf), each a grid of rows (A, B, ...) by columns (1, 2, ...) whose cells are the
-- positions a product is put in. A position holds at most one product and a product is in at most one position;
-- the row is the product's place now (deleted when it is moved, taken out, issued, divided or discarded), and its
-- history is the product's custody (product_event: stored, moved, removed, with who, when and where).
CREATE TABLE storage_container (
    id            VARCHAR(36)  PRIMARY KEY,
    unit_id       VARCHAR(36)  NOT NULL REFERENCES storage_unit (id),
    name          VARCHAR(100) NOT NULL,
    name_key      VARCHAR(100) NOT NULL,
    grid_rows     INT          NOT NULL,
    grid_columns  INT          NOT NULL,
    created_at    TIMESTAMP    NOT NULL,
    created_by    VARCHAR(64)  NOT NULL,
    CONSTRAINT storage_container_name UNIQUE (unit_id, name_key),
    CONSTRAINT storage_container_grid CHECK (grid_rows BETWEEN 1 AND 26 AND grid_columns BETWEEN 1 AND 50)
);

CREATE TABLE storage_occupancy (
    container_id  VARCHAR(36)  NOT NULL REFERENCES storage_container (id),
    position_code VARCHAR(4)   NOT NULL,
    product_id    VARCHAR(36)  NOT NULL REFERENCES cell_product (id),
    stored_at     TIMESTAMP    NOT NULL,
    stored_by     VARCHAR(64)  NOT NULL,
    PRIMARY KEY (container_id, position_code),
    CONSTRAINT storage_occupancy_product UNIQUE (product_id)
);
