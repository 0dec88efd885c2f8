-- Palisade store, schema 1. One dialect for H2 2.x and PostgreSQL: standard types only,
-- TIMESTAMP(6) holds UTC, JSON is canonical text in TEXT columns.

CREATE TABLE deployments (
    attempt_id     VARCHAR(64)  NOT NULL,
    recorded_at    TIMESTAMP(6) NOT NULL,
    source         VARCHAR(32)  NOT NULL,
    file_name      VARCHAR(512) NOT NULL,
    sha256         VARCHAR(64),
    outcome        VARCHAR(32)  NOT NULL,
    extension_id   VARCHAR(128),
    extension_name VARCHAR(128),
    version        VARCHAR(64),
    reason         TEXT,
    CONSTRAINT deployments_pk PRIMARY KEY (attempt_id)
);
CREATE INDEX deployments_recorded_at ON deployments (recorded_at);
CREATE INDEX deployments_extension_id ON deployments (extension_id);

CREATE TABLE grants (
    extension_id VARCHAR(128) NOT NULL,
    permission   VARCHAR(128) NOT NULL,
    target       VARCHAR(512) NOT NULL,
    granted_by   VARCHAR(128) NOT NULL,
    granted_at   TIMESTAMP(6) NOT NULL,
    CONSTRAINT grants_pk PRIMARY KEY (extension_id, permission, target)
);

-- Append-only. entry_hash = SHA-256 of the entry's canonical form, which includes prev_hash.
CREATE TABLE audit_log (
    seq         BIGINT       NOT NULL,
    occurred_at TIMESTAMP(6) NOT NULL,
    actor       VARCHAR(128) NOT NULL,
    action      VARCHAR(128) NOT NULL,
    target      VARCHAR(512),
    details     TEXT         NOT NULL,
    prev_hash   VARCHAR(64)  NOT NULL,
    entry_hash  VARCHAR(64)  NOT NULL,
    CONSTRAINT audit_log_pk PRIMARY KEY (seq)
);
CREATE INDEX audit_log_occurred_at ON audit_log (occurred_at);

-- One row: the newest entry. Appenders lock it (SELECT ... FOR UPDATE) to serialize the chain.
CREATE TABLE audit_head (
    id         INTEGER     NOT NULL,
    seq        BIGINT      NOT NULL,
    entry_hash VARCHAR(64) NOT NULL,
    CONSTRAINT audit_head_pk PRIMARY KEY (id)
);
INSERT INTO audit_head (id, seq, entry_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
