-- A protocol module's first script, for the store's module migration test.
CREATE TABLE sample_things (
    id   VARCHAR(64) NOT NULL,
    body TEXT        NOT NULL,
    CONSTRAINT sample_things_pk PRIMARY KEY (id)
);
