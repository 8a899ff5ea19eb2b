-- API tokens can be listed and revoked; each shows when it was last used (updated at most once a
-- minute, so a busy script does not write on every call). Revoking deletes the row; the audit
-- trail keeps the record of issue and revocation.
ALTER TABLE api_token ADD COLUMN last_used_at TIMESTAMPTZ;
-- Tokens issued before expiry was required expire 90 days after this migration.
UPDATE api_token SET expires_at = now() + INTERVAL '90 days' WHERE expires_at IS NULL;
ALTER TABLE api_token ALTER COLUMN expires_at SET NOT NULL;
