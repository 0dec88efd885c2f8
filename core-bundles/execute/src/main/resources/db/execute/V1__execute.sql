-- The execute module's tables: one row per execution, one per task of an execution, one per log line.
-- One dialect for H2 and PostgreSQL: standard types, TIMESTAMP(6) in UTC, JSON as text in TEXT columns.
CREATE TABLE execute_executions (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    plan_id       VARCHAR(36)  NOT NULL,
    context_id    VARCHAR(36)  NOT NULL,
    agent_id      VARCHAR(36),
    status        VARCHAR(16)  NOT NULL,
    reason        TEXT,
    strategy      VARCHAR(16)  NOT NULL,
    created_at    TIMESTAMP(6) NOT NULL,
    updated_at    TIMESTAMP(6) NOT NULL,
    finished_at   TIMESTAMP(6),
    request       TEXT         NOT NULL
);
CREATE INDEX execute_executions_plan ON execute_executions (plan_id, created_at);
CREATE INDEX execute_executions_status ON execute_executions (status);

CREATE TABLE execute_tasks (
    execution_id  VARCHAR(36)  NOT NULL,
    task_id       VARCHAR(64)  NOT NULL,
    position      INTEGER      NOT NULL,
    name          TEXT         NOT NULL,
    extension     TEXT,
    method        TEXT,
    status        VARCHAR(16)  NOT NULL,
    attempts      INTEGER      NOT NULL,
    started_at    TIMESTAMP(6),
    finished_at   TIMESTAMP(6),
    output        TEXT,
    error         TEXT,
    reason        TEXT,
    hook          TEXT,
    confirmation_id VARCHAR(64),
    PRIMARY KEY (execution_id, task_id)
);
CREATE INDEX execute_tasks_order ON execute_tasks (execution_id, position);

CREATE TABLE execute_log (
    execution_id  VARCHAR(36)  NOT NULL,
    seq           BIGINT       NOT NULL,
    at            TIMESTAMP(6) NOT NULL,
    level         VARCHAR(8)   NOT NULL,
    task_id       VARCHAR(64),
    message       TEXT         NOT NULL,
    PRIMARY KEY (execution_id, seq)
);
