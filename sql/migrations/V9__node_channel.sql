-- The node channel (issue 11): gateway nodes reach the management cluster over mutually
-- authenticated TLS 1.3 instead of joining the data grid; published bundles are kept here, so a
-- node catches up from PostgreSQL whatever grid memory still holds.

-- The cluster's node-channel CA is kept like the bundle-signing key (private key sealed under the
-- master key; purpose 'node-channel-ca'), with its self-signed certificate (PEM).
ALTER TABLE bundle_signing_key ADD COLUMN certificate TEXT;

-- The node's channel identity: SHA-256 (hex) of the SubjectPublicKeyInfo of the key its client
-- certificate was issued for at enrollment. Cleared by a reset: the old certificate is then refused.
ALTER TABLE gateway_node ADD COLUMN channel_key_fingerprint CHAR(64);
CREATE UNIQUE INDEX gateway_node_channel_key ON gateway_node (channel_key_fingerprint);

-- A token is spent, expired, or revoked (a newer token for the same node supersedes it).
ALTER TABLE enrollment_token ADD COLUMN revoked_at TIMESTAMPTZ;

-- The newest bundle published to each node, signed, secrets sealed to the node: what a node that
-- (re)connects with an older version is sent.
CREATE TABLE published_bundle (
    node_id       BIGINT      PRIMARY KEY REFERENCES gateway_node (id) ON DELETE CASCADE,
    version       BIGINT      NOT NULL,
    content_hash  CHAR(64)    NOT NULL,
    signed_bundle TEXT        NOT NULL,
    published_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
