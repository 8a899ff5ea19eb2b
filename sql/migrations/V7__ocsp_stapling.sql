-- OCSP stapling by a virtual server (beyond the appliance): the gateway node fetches a fresh OCSP
-- response about the server certificate from its AIA responder and staples it for partners that
-- ask. Needs the openssl TLS provider on the nodes; a jdk node rejects the bundle and says so.
ALTER TABLE virtual_server ADD COLUMN ocsp_stapling BOOLEAN NOT NULL DEFAULT FALSE;
