-- The Context module's tables. One dialect for H2 and PostgreSQL: JSON as text, TIMESTAMP(6) in UTC.

-- One row per context: the MPLP object as JSON text, with the columns the module queries on.
CREATE TABLE context_objects (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    status          VARCHAR(16)  NOT NULL,
    lifecycle_stage VARCHAR(16)  NOT NULL,
    revision        BIGINT       NOT NULL,
    body            TEXT         NOT NULL,
    created_at      TIMESTAMP(6) NOT NULL,
    updated_at      TIMESTAMP(6) NOT NULL
);
CREATE INDEX context_objects_listing ON context_objects (created_at, id);
CREATE INDEX context_objects_status ON context_objects (status, lifecycle_stage);

-- Every status and lifecycle stage change, with its reason.
CREATE TABLE context_history (
    context_id  VARCHAR(36)  NOT NULL,
    revision    BIGINT       NOT NULL,
    field       VARCHAR(32)  NOT NULL,
    from_value  VARCHAR(16),
    to_value    VARCHAR(16)  NOT NULL,
    reason      TEXT         NOT NULL,
    changed_at  TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (context_id, revision, field)
);

-- The last changes of each context (what sync answers), one row per revision.
CREATE TABLE context_changes (
    context_id  VARCHAR(36)  NOT NULL,
    revision    BIGINT       NOT NULL,
    operation   VARCHAR(32)  NOT NULL,
    ops         TEXT         NOT NULL,
    changed_at  TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (context_id, revision)
);

-- Copies of a context's shared_state, restorable later.
CREATE TABLE context_snapshots (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    context_id   VARCHAR(36)  NOT NULL,
    label        VARCHAR(200),
    revision     BIGINT       NOT NULL,
    shared_state TEXT         NOT NULL,
    created_at   TIMESTAMP(6) NOT NULL
);
CREATE INDEX context_snapshots_context ON context_snapshots (context_id, created_at);
