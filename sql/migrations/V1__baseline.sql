-- Zengate baseline schema.
--
-- Flyway applies the files in this folder, in version order, when the management server
-- starts; they are the only source of schema (the application never generates DDL).
-- Later changes go into new files (V2__…, V3__…); an applied file is never edited.

-- A gateway pair: two gateway nodes (master/backup) next to one legacy server.
CREATE TABLE gateway_pair (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name         VARCHAR(100) NOT NULL,
    site         VARCHAR(200) NOT NULL DEFAULT '',
    description  TEXT         NOT NULL DEFAULT '',
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    -- optimistic lock: every operator edit increments it (HTTP ETag / If-Match)
    version      BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT gateway_pair_name_unique UNIQUE (name)
);
COMMENT ON TABLE gateway_pair IS 'A master/backup pair of gateway nodes serving one site.';

-- One member of a pair. The node's role (master/backup) is reported by the node itself.
CREATE TABLE gateway_node (
    id                    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pair_id               BIGINT       NOT NULL REFERENCES gateway_pair (id) ON DELETE CASCADE,
    name                  VARCHAR(100) NOT NULL,
    host                  VARCHAR(255) NOT NULL,
    -- VRRP-like priority: the higher one becomes master (1-254 as in VRRP)
    priority              SMALLINT     NOT NULL DEFAULT 100 CHECK (priority BETWEEN 1 AND 254),
    reported_role         VARCHAR(16)  NOT NULL DEFAULT 'UNKNOWN'
                          CHECK (reported_role IN ('UNKNOWN', 'MASTER', 'BACKUP', 'FAULT')),
    applied_config_version BIGINT,
    applied_config_hash   VARCHAR(64),
    last_heartbeat_at     TIMESTAMPTZ,
    created_at            TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at            TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version               BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT gateway_node_name_unique_in_pair UNIQUE (pair_id, name)
);
CREATE INDEX gateway_node_pair_idx ON gateway_node (pair_id);
COMMENT ON TABLE gateway_node IS 'A gateway node; at most two per pair.';

-- An X.509 certificate known to the system: our own (server/client) or a partner's / CA's.
-- Private keys are not stored here; they are sealed in their own table (later migration).
CREATE TABLE certificate (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sha256_fingerprint  CHAR(64)     NOT NULL,
    subject_dn          TEXT         NOT NULL,
    issuer_dn           TEXT         NOT NULL,
    serial_number       VARCHAR(80)  NOT NULL,
    not_before          TIMESTAMPTZ  NOT NULL,
    not_after           TIMESTAMPTZ  NOT NULL,
    key_algorithm       VARCHAR(16)  NOT NULL CHECK (key_algorithm IN ('RSA', 'EC')),
    key_size            INTEGER      NOT NULL CHECK (key_size > 0),
    -- one name per line, typed as in RFC 5280 text form: DNS:host, IP:address, email:…, URI:…
    subject_alt_names   TEXT         NOT NULL DEFAULT '',
    is_ca               BOOLEAN      NOT NULL DEFAULT FALSE,
    -- how it reached us: imported, issued for one of our CSRs, or seen live on a partner's handshake
    origin              VARCHAR(16)  NOT NULL CHECK (origin IN ('IMPORTED', 'CSR', 'OBSERVED')),
    der                 BYTEA        NOT NULL,
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version             BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT certificate_fingerprint_unique UNIQUE (sha256_fingerprint),
    CONSTRAINT certificate_validity_ordered CHECK (not_before <= not_after)
);
CREATE INDEX certificate_not_after_idx ON certificate (not_after);
COMMENT ON TABLE certificate IS 'X.509 certificates (DER), with the fields operators search and sort by.';

-- The audit trail. Append-only: each row carries the SHA-256 of its own content chained to the
-- previous row's hash, so a row altered or removed behind the application's back is detected.
CREATE TABLE audit_event (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- set by the application, in microseconds, because it is part of the hashed content
    occurred_at   TIMESTAMPTZ  NOT NULL,
    actor         VARCHAR(100) NOT NULL,
    source_address VARCHAR(64) NOT NULL DEFAULT '',
    action        VARCHAR(64)  NOT NULL,
    object_type   VARCHAR(64)  NOT NULL,
    object_id     VARCHAR(100) NOT NULL DEFAULT '',
    -- JSON kept as the exact text that was hashed (jsonb would reformat it); cast to jsonb to query
    before_value  TEXT,
    after_value   TEXT,
    previous_hash CHAR(64)     NOT NULL,
    hash          CHAR(64)     NOT NULL,
    CONSTRAINT audit_event_hash_unique UNIQUE (hash)
);
CREATE INDEX audit_event_occurred_at_idx ON audit_event (occurred_at);
CREATE INDEX audit_event_object_idx ON audit_event (object_type, object_id);
COMMENT ON TABLE audit_event IS 'Append-only, hash-chained record of every change and export.';
