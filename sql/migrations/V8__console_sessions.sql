-- Browser sessions of the web console (issue 13). Kept in PostgreSQL, not in one server's memory,
-- so every member of the cluster accepts a session any member started. Only a hash of the
-- session id is stored: a database dump does not let anyone sign in.
CREATE TABLE console_session (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    session_sha256 CHAR(64)     NOT NULL,
    user_id        BIGINT       NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    source_address VARCHAR(64),
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_seen_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT console_session_hash_unique UNIQUE (session_sha256)
);
CREATE INDEX console_session_user ON console_session (user_id);
