-- Certificate watch (issue 14, manual §2.4, seed 001): one cluster-wide job warns about expiring
-- certificates by syslog, per pair with the pair's settings (pair_settings), and for certificates
-- no pair uses (trust stores of no listener) with the global default below.

-- The global default: one row, the same columns as pair_settings' expiry and syslog settings.
CREATE TABLE certificate_watch_settings (
    id                   SMALLINT     PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    expiry_schedule      VARCHAR(16)  NOT NULL DEFAULT 'FIXED' CHECK (expiry_schedule IN ('FIXED', 'GRADUATED')),
    expiry_warning_days  INTEGER      NOT NULL DEFAULT 30 CHECK (expiry_warning_days BETWEEN 1 AND 365),
    -- [udp://|tcp://]host:port of the syslog server; NULL for none
    syslog_target        VARCHAR(300),
    updated_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version              BIGINT       NOT NULL DEFAULT 0
);
INSERT INTO certificate_watch_settings (id) VALUES (1);

-- What the watch notified: one row per (certificate, pair or global, threshold, channel), inserted
-- before it is sent, so no restart and no second server sends it again. threshold_days is the
-- schedule's step in whole days left (60, 30, 15 … 0), negative for expired certificates (-1 on the
-- first day after expiry, -2 on the second …: once a day). The certificate is named by fingerprint
-- and copied fields: the history outlives the certificate row.
CREATE TABLE certificate_notification (
    id                  BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    certificate_sha256  CHAR(64)     NOT NULL,
    certificate_id      BIGINT,
    -- NULL: the global default's notification (a certificate no pair uses)
    pair_id             BIGINT,
    pair_name           VARCHAR(100),
    threshold_days      INTEGER      NOT NULL,
    channel             VARCHAR(16)  NOT NULL CHECK (channel IN ('SYSLOG', 'EMAIL', 'WEBHOOK')),
    destination         VARCHAR(320) NOT NULL,
    subject_dn          TEXT         NOT NULL,
    serial_number       VARCHAR(128) NOT NULL,
    not_after           TIMESTAMPTZ  NOT NULL,
    days_left           INTEGER      NOT NULL,
    usage               TEXT         NOT NULL,
    message             TEXT         NOT NULL,
    -- the watch's time when it was found due
    due_at              TIMESTAMPTZ  NOT NULL,
    -- PENDING: not tried yet; RETRYING: failed, tried again at next_attempt_at; SENT; FAILED: gave up
    state               VARCHAR(16)  NOT NULL DEFAULT 'PENDING'
                        CHECK (state IN ('PENDING', 'RETRYING', 'SENT', 'FAILED')),
    attempts            INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at     TIMESTAMPTZ  NOT NULL,
    last_error          TEXT,
    sent_at             TIMESTAMPTZ,
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX certificate_notification_once
    ON certificate_notification (certificate_sha256, COALESCE(pair_id, 0), threshold_days, channel);
CREATE INDEX certificate_notification_to_send
    ON certificate_notification (next_attempt_at) WHERE state IN ('PENDING', 'RETRYING');
CREATE INDEX certificate_notification_recent ON certificate_notification (due_at DESC, id DESC);

-- The application role records and updates notifications but never erases the history; the
-- settings row is changed, never added or removed.
DO $watch_grants$
BEGIN
    IF current_user <> '${applicationRole}' THEN
        EXECUTE format('GRANT SELECT, INSERT, UPDATE ON certificate_notification TO %I', '${applicationRole}');
        EXECUTE format('REVOKE DELETE, TRUNCATE ON certificate_notification FROM %I', '${applicationRole}');
        EXECUTE format('GRANT SELECT, UPDATE ON certificate_watch_settings TO %I', '${applicationRole}');
        EXECUTE format('REVOKE INSERT, DELETE, TRUNCATE ON certificate_watch_settings FROM %I', '${applicationRole}');
    END IF;
END
$watch_grants$;
