-- The settings a pair needs besides its listeners (manual chapter 1.3 and F8, F11): the HTTP
-- proxy for OCSP and CRL fetching, DNS and time servers, where syslog goes, and when to warn
-- about expiring certificates. One row per pair.
CREATE TABLE pair_settings (
    pair_id              BIGINT       PRIMARY KEY REFERENCES gateway_pair (id) ON DELETE CASCADE,
    -- http://host:port of the proxy OCSP and CRL requests go through; NULL for direct
    http_proxy_url       TEXT,
    dns_servers          TEXT         NOT NULL DEFAULT '',
    ntp_servers          TEXT         NOT NULL DEFAULT '',
    -- host:port (UDP) of the syslog server expiry warnings and events go to; NULL for none
    syslog_target        VARCHAR(300),
    -- FIXED: warn N days before expiry (the appliance); GRADUATED: 60, 30, then daily from 15
    -- days, once a third of the lifetime remains (seed 001)
    expiry_schedule      VARCHAR(16)  NOT NULL DEFAULT 'FIXED' CHECK (expiry_schedule IN ('FIXED', 'GRADUATED')),
    expiry_warning_days  INTEGER      NOT NULL DEFAULT 30 CHECK (expiry_warning_days BETWEEN 1 AND 365),
    notification_email   VARCHAR(320),
    updated_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version              BIGINT       NOT NULL DEFAULT 0
);

INSERT INTO pair_settings (pair_id) SELECT id FROM gateway_pair;
