-- The confirm module, schema 1. One dialect for H2 2.x and PostgreSQL: standard types only,
-- TIMESTAMP(6) holds UTC, the MPLP object is JSON text in a TEXT column.

-- One row per confirmation request; body is the whole MPLP Confirm object as the API answers it.
CREATE TABLE confirm_requests (
    id          VARCHAR(36)  NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    target_type VARCHAR(16)  NOT NULL,
    target_id   VARCHAR(36)  NOT NULL,
    created_at  TIMESTAMP(6) NOT NULL,
    updated_at  TIMESTAMP(6) NOT NULL,
    expires_at  TIMESTAMP(6) NOT NULL,
    body        TEXT         NOT NULL,
    CONSTRAINT confirm_requests_pk PRIMARY KEY (id)
);
CREATE INDEX confirm_requests_status_expires ON confirm_requests (status, expires_at);
CREATE INDEX confirm_requests_target ON confirm_requests (target_id);
CREATE INDEX confirm_requests_created ON confirm_requests (created_at);

-- Approvers and the public key their decisions must be signed with.
CREATE TABLE confirm_approvers (
    id            VARCHAR(36)  NOT NULL,
    name          VARCHAR(200) NOT NULL,
    algorithm     VARCHAR(16)  NOT NULL,
    public_key    TEXT         NOT NULL,
    fingerprint   VARCHAR(64)  NOT NULL,
    registered_at TIMESTAMP(6) NOT NULL,
    CONSTRAINT confirm_approvers_pk PRIMARY KEY (id)
);
