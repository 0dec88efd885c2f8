-- Every column type a module table may use, and a child table with a foreign key, for the backup tests.
ALTER TABLE sample_things ADD COLUMN updated_at TIMESTAMP(6);
ALTER TABLE sample_things ADD COLUMN done BOOLEAN;
ALTER TABLE sample_things ADD COLUMN weight DOUBLE PRECISION;
ALTER TABLE sample_things ADD COLUMN position INTEGER;
CREATE TABLE sample_parts (
    thing_id VARCHAR(64) NOT NULL,
    part     INTEGER     NOT NULL,
    CONSTRAINT sample_parts_pk PRIMARY KEY (thing_id, part),
    CONSTRAINT sample_parts_thing FOREIGN KEY (thing_id) REFERENCES sample_things (id)
);
