-- Notification channels of the certificate watch (issue 14): e-mail (SMTP with STARTTLS or SMTPS),
-- webhook (HMAC-signed JSON POST) and syslog over TLS next to UDP and TCP; configured globally
-- (certificate_watch_settings) with a per-pair override (pair_settings: a NULL channel setting
-- takes the global one). Each notification is delivered once per channel and destination: its
-- delivery rows carry the state, attempts and last error that V12 kept on the notification.

-- Secrets of the channels (webhook HMAC keys, the SMTP password), sealed like private keys:
-- AES-256-GCM under a data key of their own, wrapped by the master key (never in the database).
CREATE TABLE notification_secret (
    id                 BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- what it is for, also the AES-GCM associated data: a sealed secret moved to another use
    -- does not open
    purpose            VARCHAR(64)  NOT NULL,
    master_key_id      VARCHAR(64)  NOT NULL,
    wrapped_data_key   BYTEA        NOT NULL,
    sealed_secret      BYTEA        NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- The global channels, and the SMTP server every e-mail goes through (one relay per installation).
ALTER TABLE certificate_watch_settings
    -- "ja:ops@bank.example,en:it@bank.example": recipient addresses, each with its language
    ADD COLUMN email_recipients   TEXT,
    -- https://… (http:// only to a loopback address) the webhook is POSTed to
    ADD COLUMN webhook_url        VARCHAR(2000),
    ADD COLUMN webhook_secret_id  BIGINT REFERENCES notification_secret (id),
    -- PEM CA certificates the webhook server's certificate must chain to (NULL: the JVM's CAs)
    ADD COLUMN webhook_ca_pem     TEXT,
    -- PEM CA certificates a tls:// syslog server's certificate must chain to (NULL: the JVM's CAs)
    ADD COLUMN syslog_ca_pem      TEXT,
    ADD COLUMN smtp_host          VARCHAR(255),
    ADD COLUMN smtp_port          INTEGER CHECK (smtp_port BETWEEN 1 AND 65535),
    -- STARTTLS (required, never falls back to plaintext) or SMTPS (TLS from the first byte)
    ADD COLUMN smtp_security      VARCHAR(16) NOT NULL DEFAULT 'STARTTLS'
                                  CHECK (smtp_security IN ('STARTTLS', 'SMTPS')),
    ADD COLUMN smtp_username      VARCHAR(320),
    ADD COLUMN smtp_password_id   BIGINT REFERENCES notification_secret (id),
    ADD COLUMN smtp_from          VARCHAR(320),
    -- PEM CA certificates the SMTP server's certificate must chain to (NULL: the JVM's CAs)
    ADD COLUMN smtp_ca_pem        TEXT;

-- A pair's own channels; NULL: the global one. The single notification_email becomes the first
-- recipient of the list, in Japanese (the console's and the appliance's default).
ALTER TABLE pair_settings
    ADD COLUMN email_recipients   TEXT,
    ADD COLUMN webhook_url        VARCHAR(2000),
    ADD COLUMN webhook_secret_id  BIGINT REFERENCES notification_secret (id),
    ADD COLUMN webhook_ca_pem     TEXT,
    ADD COLUMN syslog_ca_pem      TEXT;
UPDATE pair_settings SET email_recipients = 'ja:' || notification_email
 WHERE notification_email IS NOT NULL;
ALTER TABLE pair_settings DROP COLUMN notification_email;

-- One delivery per notification, channel and destination (an e-mail recipient, a webhook URL, a
-- syslog target). E-mail deliveries due together for one recipient go out as one digest.
CREATE TABLE notification_delivery (
    id                 BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    notification_id    BIGINT       NOT NULL REFERENCES certificate_notification (id),
    channel            VARCHAR(16)  NOT NULL CHECK (channel IN ('SYSLOG', 'EMAIL', 'WEBHOOK')),
    destination        VARCHAR(2000) NOT NULL,
    -- the digest's language (e-mail only)
    language           VARCHAR(2)   CHECK (language IN ('ja', 'en')),
    -- whose settings (secret, CA) it is sent with: the pair's, or the global ones (NULL)
    settings_pair_id   BIGINT,
    -- PENDING: not tried yet; RETRYING: failed, tried again at next_attempt_at; SENT; FAILED: gave up
    state              VARCHAR(16)  NOT NULL DEFAULT 'PENDING'
                       CHECK (state IN ('PENDING', 'RETRYING', 'SENT', 'FAILED')),
    attempts           INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at    TIMESTAMPTZ  NOT NULL,
    last_error         TEXT,
    sent_at            TIMESTAMPTZ,
    created_at         TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX notification_delivery_once
    ON notification_delivery (notification_id, channel, destination);
CREATE INDEX notification_delivery_to_send
    ON notification_delivery (next_attempt_at) WHERE state IN ('PENDING', 'RETRYING');
CREATE INDEX notification_delivery_recent ON notification_delivery (notification_id DESC, id DESC);

-- V12's notifications were all syslog: each becomes its delivery, with its state kept.
INSERT INTO notification_delivery (notification_id, channel, destination, state, attempts,
                                   next_attempt_at, last_error, sent_at, settings_pair_id)
SELECT id, channel, destination, state, attempts, next_attempt_at, last_error, sent_at, pair_id
  FROM certificate_notification;

-- A notification is now what is due (once per certificate, scope and threshold), whatever the
-- channels it goes out on.
DROP INDEX certificate_notification_once;
ALTER TABLE certificate_notification
    DROP COLUMN channel,
    DROP COLUMN destination,
    DROP COLUMN state,
    DROP COLUMN attempts,
    DROP COLUMN next_attempt_at,
    DROP COLUMN last_error,
    DROP COLUMN sent_at;
CREATE UNIQUE INDEX certificate_notification_once
    ON certificate_notification (certificate_sha256, COALESCE(pair_id, 0), threshold_days);

DO $channel_grants$
BEGIN
    IF current_user <> '${applicationRole}' THEN
        EXECUTE format('GRANT SELECT, INSERT, UPDATE ON notification_delivery TO %I', '${applicationRole}');
        EXECUTE format('REVOKE DELETE, TRUNCATE ON notification_delivery FROM %I', '${applicationRole}');
        -- a replaced secret is deleted with the setting that named it
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON notification_secret TO %I', '${applicationRole}');
    END IF;
END
$channel_grants$;
