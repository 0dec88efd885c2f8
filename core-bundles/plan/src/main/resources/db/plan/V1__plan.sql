-- The plan module, schema 1. One dialect for H2 2.x and PostgreSQL: standard types only,
-- TIMESTAMP(6) holds UTC, the plan itself is JSON text; the columns beside it are what lists query on.
-- revision counts the plan's writes: an update applies only to the revision it read.

CREATE TABLE plan_plans (
    id         VARCHAR(36)  NOT NULL,
    name       VARCHAR(500) NOT NULL,
    revision   BIGINT       NOT NULL,
    task_count INTEGER      NOT NULL,
    created_at TIMESTAMP(6) NOT NULL,
    updated_at TIMESTAMP(6) NOT NULL,
    body       TEXT         NOT NULL,
    CONSTRAINT plan_plans_pk PRIMARY KEY (id)
);
CREATE INDEX plan_plans_name ON plan_plans (name);
CREATE INDEX plan_plans_created_at ON plan_plans (created_at);
