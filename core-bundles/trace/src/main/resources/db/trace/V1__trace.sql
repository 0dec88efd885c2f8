-- The trace module, schema 1. One dialect for H2 2.x and PostgreSQL: standard types only,
-- TIMESTAMP(6) holds UTC, each span is JSON text; the columns beside it are what queries filter and sort on.

CREATE TABLE trace_spans (
    id             VARCHAR(36)  NOT NULL,
    trace_id       VARCHAR(36)  NOT NULL,
    span_id        VARCHAR(36)  NOT NULL,
    parent_span_id VARCHAR(36),
    context_id     VARCHAR(36)  NOT NULL,
    agent_id       VARCHAR(36)  NOT NULL,
    started_at     TIMESTAMP(6) NOT NULL,
    ended_at       TIMESTAMP(6),
    status         VARCHAR(16),
    body           TEXT         NOT NULL,
    CONSTRAINT trace_spans_pk PRIMARY KEY (id)
);
CREATE INDEX trace_spans_trace ON trace_spans (trace_id, started_at);
CREATE INDEX trace_spans_context ON trace_spans (context_id, started_at);
CREATE INDEX trace_spans_agent ON trace_spans (agent_id, started_at);
