-- When a separate owner role runs the migrations (ZENGATE_DB_OWNER), the application's role
-- (${applicationRole}) gets only what it needs. In particular it may read and append to the audit
-- trail but not change or remove it, and as a non-owner it cannot disable the append-only
-- trigger either. With a single role (the owner is the application) there is nothing to grant.
DO $grants$
BEGIN
    IF current_user <> '${applicationRole}' THEN
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', '${applicationRole}');
        EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', '${applicationRole}');
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM %I', '${applicationRole}');
        EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON flyway_schema_history FROM %I', '${applicationRole}');
        -- Tables of later migrations: the same rights by default (revoke per table as above).
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', '${applicationRole}');
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO %I', '${applicationRole}');
    END IF;
END
$grants$;
