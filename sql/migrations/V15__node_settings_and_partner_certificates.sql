-- Issue 14, the nodes' half. Each node reports the pair settings it applies (HTTP proxy, DNS, NTP,
-- syslog) and how its clock compares with its time servers: the pair's API and console show both.
ALTER TABLE gateway_node ADD COLUMN reported_settings TEXT;
ALTER TABLE gateway_node ADD COLUMN clock_state VARCHAR(16)
    CHECK (clock_state IN ('unchecked', 'ok', 'skewed', 'unreachable'));
-- how far the time server's clock is ahead of the node's (negative: the node's is ahead)
ALTER TABLE gateway_node ADD COLUMN clock_offset_ms BIGINT;
ALTER TABLE gateway_node ADD COLUMN clock_server VARCHAR(300);
ALTER TABLE gateway_node ADD COLUMN clock_checked_at TIMESTAMPTZ;
ALTER TABLE gateway_node ADD COLUMN clock_error VARCHAR(500);

-- The partners' certificates the nodes saw in TLS handshakes (the peer's leaf and the chain it
-- sent), once per (pair, node, listener, certificate), with when it was first and last seen. The
-- certificate watch notifies their expiry and deletes rows not seen for 90 days.
CREATE TABLE partner_certificate (
    id              BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pair_id         BIGINT       NOT NULL REFERENCES gateway_pair (id) ON DELETE CASCADE,
    node_id         BIGINT       NOT NULL REFERENCES gateway_node (id) ON DELETE CASCADE,
    listener        VARCHAR(100) NOT NULL,
    -- client: a partner's client certificate at a virtual server; server: a partner's server
    -- certificate met by a virtual client
    peer_role       VARCHAR(8)   NOT NULL CHECK (peer_role IN ('client', 'server')),
    -- 0: the peer's own certificate; 1, 2 …: the chain it sent after it
    chain_position  SMALLINT     NOT NULL CHECK (chain_position >= 0),
    sha256          CHAR(64)     NOT NULL,
    subject_dn      TEXT         NOT NULL,
    issuer_dn       TEXT         NOT NULL,
    serial_number   VARCHAR(128) NOT NULL,
    not_before      TIMESTAMPTZ  NOT NULL,
    not_after       TIMESTAMPTZ  NOT NULL,
    first_seen_at   TIMESTAMPTZ  NOT NULL,
    last_seen_at    TIMESTAMPTZ  NOT NULL,
    CONSTRAINT partner_certificate_once UNIQUE (pair_id, node_id, listener, sha256)
);
CREATE INDEX partner_certificate_not_after ON partner_certificate (not_after);
CREATE INDEX partner_certificate_last_seen ON partner_certificate (last_seen_at);
-- The application role's rights on it come from V5's default privileges (it prunes, so DELETE).
