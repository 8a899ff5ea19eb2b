-- Enrollment of gateway nodes and publication of signed configuration bundles (issue 6).

-- The management server's Ed25519 bundle-signing key. Nodes pin its public key at enrollment.
-- The private key is sealed under the master key like every other private key (EnvelopeSealer).
CREATE TABLE bundle_signing_key (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    purpose            VARCHAR(32)  NOT NULL DEFAULT 'bundle-signing',
    fingerprint        CHAR(64)     NOT NULL UNIQUE,
    public_key         TEXT         NOT NULL,
    master_key_id      VARCHAR(64)  NOT NULL,
    wrapped_data_key   BYTEA        NOT NULL,
    sealed_key         BYTEA        NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    -- One active key: two management servers starting together cannot both create one.
    CONSTRAINT bundle_signing_key_one_per_purpose UNIQUE (purpose)
);

-- One-time enrollment tokens. Only a hash of the secret is stored.
CREATE TABLE enrollment_token (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    node_id             BIGINT       NOT NULL REFERENCES gateway_node (id) ON DELETE CASCADE,
    secret_sha256       CHAR(64)     NOT NULL,
    signing_fingerprint CHAR(64)     NOT NULL,
    issued_by           VARCHAR(255) NOT NULL,
    issued_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    expires_at          TIMESTAMPTZ  NOT NULL,
    used_at             TIMESTAMPTZ
);
CREATE INDEX enrollment_token_node ON enrollment_token (node_id);

-- Bundle versions increase across all nodes and never repeat, even after a rolled-back
-- publication, so a node can always refuse anything not newer than what it runs.
CREATE SEQUENCE bundle_version_seq;

ALTER TABLE gateway_node
    ADD COLUMN public_key          TEXT,
    ADD COLUMN enrolled_at         TIMESTAMPTZ,
    ADD COLUMN published_version   BIGINT       NOT NULL DEFAULT 0,
    ADD COLUMN published_hash      CHAR(64),
    ADD COLUMN published_at        TIMESTAMPTZ,
    ADD COLUMN applied_at          TIMESTAMPTZ,
    ADD COLUMN rejected_version    BIGINT,
    ADD COLUMN rejected_code       VARCHAR(32),
    ADD COLUMN rejected_reason     TEXT,
    ADD COLUMN rejected_at         TIMESTAMPTZ,
    ADD COLUMN started_at          TIMESTAMPTZ,
    ADD COLUMN active_connections  BIGINT;

-- Roles a node reports: STANDALONE (no pair election configured) and INIT (not decided yet) too.
ALTER TABLE gateway_node DROP CONSTRAINT gateway_node_reported_role_check;
ALTER TABLE gateway_node ADD CONSTRAINT gateway_node_reported_role_check
    CHECK (reported_role IN ('UNKNOWN', 'INIT', 'MASTER', 'BACKUP', 'STANDALONE', 'FAULT'));
