-- Client certificate selection of a virtual client (manual 2.2.4, F5): an ordered table of rules
-- (destination, source) -> certificate; the first matching rule wins, then the virtual client's
-- own client_certificate_id, then none. 'any' matches every address; a rule where both are
-- 'any' is refused by the application, as in the manual.
CREATE TABLE client_certificate_rule (
    virtual_client_id  BIGINT      NOT NULL REFERENCES virtual_client (id) ON DELETE CASCADE,
    position           INTEGER     NOT NULL CHECK (position >= 0),
    destination        VARCHAR(64) NOT NULL,
    source             VARCHAR(64) NOT NULL,
    certificate_id     BIGINT      NOT NULL REFERENCES certificate (id),
    PRIMARY KEY (virtual_client_id, position)
);
