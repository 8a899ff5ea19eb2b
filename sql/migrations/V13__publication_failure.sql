-- A publication that failed (a signing key that cannot be opened after a master-key change, a
-- certificate that no longer compiles…) is kept on each node it left behind until one succeeds,
-- so the pair's status, /api/health and the console show it on every member of the cluster.
ALTER TABLE gateway_node ADD COLUMN publication_failed_at TIMESTAMPTZ;
ALTER TABLE gateway_node ADD COLUMN publication_failure VARCHAR(500);
