-- The running server holds only the application role (migrations are a separate step, run as the
-- owner): take from that role what it has no use for. It may not create objects in the schema
-- (a compromised server could otherwise add its own functions or tables), nor delete the bundle-
-- signing key (nodes pin it; it is re-wrapped on master-key rotation, never removed).
DO $least_privilege$
BEGIN
    IF current_user <> '${applicationRole}' THEN
        EXECUTE format('REVOKE CREATE ON SCHEMA public FROM %I', '${applicationRole}');
        EXECUTE format('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
        EXECUTE format('REVOKE DELETE, TRUNCATE ON bundle_signing_key FROM %I', '${applicationRole}');
    END IF;
END
$least_privilege$;
