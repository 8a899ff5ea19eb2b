-- Users and roles, API tokens, sealed private keys, trust stores and the listeners of a pair
-- (virtual servers and virtual clients, as in the appliance's setting tables), and the
-- enforcement of the audit trail's append-only rule.

-- People and scripts that use the management server. Roles: ADMIN (everything), OPERATOR
-- (configure; no user management, no key export), AUDITOR (read only, audit included).
CREATE TABLE app_user (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username       VARCHAR(64)  NOT NULL,
    -- Argon2id in PHC string format ($argon2id$v=19$m=…,t=…,p=…$salt$hash)
    password_hash  VARCHAR(255) NOT NULL,
    role           VARCHAR(16)  NOT NULL CHECK (role IN ('ADMIN', 'OPERATOR', 'AUDITOR')),
    enabled        BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version        BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT app_user_username_unique UNIQUE (username)
);

-- Bearer tokens for scripts. Only the SHA-256 of a token is stored; the token is shown once.
CREATE TABLE api_token (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      BIGINT       NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    name         VARCHAR(100) NOT NULL,
    token_sha256 CHAR(64)     NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    expires_at   TIMESTAMPTZ,
    CONSTRAINT api_token_hash_unique UNIQUE (token_sha256)
);

-- The certificate an issuer certificate signed it with, when both are known (chains).
ALTER TABLE certificate ADD COLUMN issuer_certificate_id BIGINT REFERENCES certificate (id);

-- Private keys, sealed: the PKCS#8 key is encrypted with AES-256-GCM under a data key of its own,
-- and the data key is wrapped (AES-256-GCM) by a master key that is not in the database; its id is
-- kept so the master key can be rotated and keys re-wrapped. A key without a certificate is
-- pending: it was generated for a CSR and waits for the issued certificate.
CREATE TABLE private_key (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    public_key_sha256  CHAR(64)     NOT NULL,
    key_algorithm      VARCHAR(16)  NOT NULL CHECK (key_algorithm IN ('RSA', 'EC')),
    key_size           INTEGER      NOT NULL CHECK (key_size > 0),
    certificate_id     BIGINT       REFERENCES certificate (id),
    csr_pem            TEXT,
    csr_subject        TEXT,
    master_key_id      VARCHAR(64)  NOT NULL,
    wrapped_data_key   BYTEA        NOT NULL,
    sealed_key         BYTEA        NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version            BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT private_key_public_key_unique UNIQUE (public_key_sha256),
    CONSTRAINT private_key_certificate_unique UNIQUE (certificate_id)
);

-- Named sets of CA certificates: client CAs of a virtual server, server trust of a virtual client.
CREATE TABLE trust_store (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name         VARCHAR(100) NOT NULL,
    description  TEXT         NOT NULL DEFAULT '',
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version      BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT trust_store_name_unique UNIQUE (name)
);

CREATE TABLE trust_store_certificate (
    trust_store_id  BIGINT NOT NULL REFERENCES trust_store (id) ON DELETE CASCADE,
    certificate_id  BIGINT NOT NULL REFERENCES certificate (id),
    PRIMARY KEY (trust_store_id, certificate_id)
);

-- A virtual server (the appliance's TLS server function): TLS on bind address:port, plaintext to
-- the real server.
CREATE TABLE virtual_server (
    id                    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pair_id               BIGINT       NOT NULL REFERENCES gateway_pair (id) ON DELETE CASCADE,
    name                  VARCHAR(100) NOT NULL,
    bind_address          VARCHAR(64)  NOT NULL,
    bind_port             INTEGER      NOT NULL CHECK (bind_port BETWEEN 1 AND 65535),
    target_address        VARCHAR(255) NOT NULL,
    target_port           INTEGER      NOT NULL CHECK (target_port BETWEEN 1 AND 65535),
    certificate_id        BIGINT       NOT NULL REFERENCES certificate (id),
    client_auth           VARCHAR(16)  NOT NULL DEFAULT 'NONE'
                          CHECK (client_auth IN ('NONE', 'OPTIONAL', 'REQUIRED')),
    client_trust_store_id BIGINT       REFERENCES trust_store (id),
    revocation            VARCHAR(8)   NOT NULL DEFAULT 'NONE'
                          CHECK (revocation IN ('NONE', 'OCSP', 'CRL', 'BOTH')),
    no_aia_policy         VARCHAR(8)   NOT NULL DEFAULT 'REJECT' CHECK (no_aia_policy IN ('REJECT', 'ACCEPT')),
    -- space-separated lists; empty cipher_suites means the gateway's secure default
    protocols             TEXT         NOT NULL DEFAULT 'TLSv1.2 TLSv1.3',
    cipher_suites         TEXT         NOT NULL DEFAULT '',
    created_at            TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at            TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version               BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT virtual_server_name_unique UNIQUE (pair_id, name),
    CONSTRAINT virtual_server_bind_unique UNIQUE (pair_id, bind_address, bind_port),
    CONSTRAINT virtual_server_client_auth_needs_trust
        CHECK (client_auth = 'NONE' OR client_trust_store_id IS NOT NULL)
);
CREATE INDEX virtual_server_pair_idx ON virtual_server (pair_id);

-- A virtual client (the appliance's TLS client function): plaintext on listen address:port, TLS
-- to the remote destination (port conversion, e.g. 5020 -> 55020).
CREATE TABLE virtual_client (
    id                     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pair_id                BIGINT       NOT NULL REFERENCES gateway_pair (id) ON DELETE CASCADE,
    name                   VARCHAR(100) NOT NULL,
    listen_address         VARCHAR(64)  NOT NULL,
    listen_port            INTEGER      NOT NULL CHECK (listen_port BETWEEN 1 AND 65535),
    target_host            VARCHAR(255) NOT NULL,
    target_port            INTEGER      NOT NULL CHECK (target_port BETWEEN 1 AND 65535),
    trust_store_id         BIGINT       NOT NULL REFERENCES trust_store (id),
    verify_name            VARCHAR(255) NOT NULL,
    client_certificate_id  BIGINT       REFERENCES certificate (id),
    source_address         VARCHAR(64),
    revocation             VARCHAR(8)   NOT NULL DEFAULT 'NONE'
                           CHECK (revocation IN ('NONE', 'OCSP', 'CRL', 'BOTH')),
    no_aia_policy          VARCHAR(8)   NOT NULL DEFAULT 'REJECT' CHECK (no_aia_policy IN ('REJECT', 'ACCEPT')),
    protocols              TEXT         NOT NULL DEFAULT 'TLSv1.2 TLSv1.3',
    cipher_suites          TEXT         NOT NULL DEFAULT '',
    created_at             TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at             TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version                BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT virtual_client_name_unique UNIQUE (pair_id, name),
    CONSTRAINT virtual_client_listen_unique UNIQUE (pair_id, listen_address, listen_port)
);
CREATE INDEX virtual_client_pair_idx ON virtual_client (pair_id);

-- The audit trail is append-only for everyone who does not first disable this trigger (which
-- needs the table's owner: run the application as a role that does not own the schema to make
-- that impossible, see sql/README.md). The hash chain detects what slips through anyway.
CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_event_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
