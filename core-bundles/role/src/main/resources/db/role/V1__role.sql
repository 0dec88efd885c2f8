-- The Role module's tables. One dialect for H2 and PostgreSQL: JSON as text, TIMESTAMP(6) in UTC.

-- One row per role: the MPLP object as JSON text; names are unique.
CREATE TABLE role_objects (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    body        TEXT         NOT NULL,
    created_at  TIMESTAMP(6) NOT NULL,
    updated_at  TIMESTAMP(6) NOT NULL
);
CREATE UNIQUE INDEX role_objects_name ON role_objects (name);

-- inheritance.parent_roles of each role, in order: who inherits from whom.
CREATE TABLE role_parents (
    role_id    VARCHAR(36) NOT NULL,
    parent_id  VARCHAR(36) NOT NULL,
    position   INTEGER     NOT NULL,
    PRIMARY KEY (role_id, parent_id)
);
CREATE INDEX role_parents_parent ON role_parents (parent_id);
