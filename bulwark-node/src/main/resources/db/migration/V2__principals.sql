-- Principals: analysts, sensors and peer nodes that may call the node. Secrets are stored only as
-- PBKDF2 hashes; key_id (public, part of the token) finds the row without a scan.
CREATE TABLE principals (
    name            VARCHAR(100)  NOT NULL PRIMARY KEY,
    nation          VARCHAR(16)   NOT NULL,
    -- comma-separated roles: reader, contributor, admin, peer
    roles           VARCHAR(200)  NOT NULL,
    -- the principal's STIX identity id ("" for none): what it may put in created_by_ref
    identity_id     VARCHAR(300)  NOT NULL,
    key_id          VARCHAR(40)   NOT NULL,
    secret_hash     VARCHAR(400)  NOT NULL,
    -- lower-case hex SHA-256 of the DER client certificate for mTLS ("" for none)
    cert_sha256     VARCHAR(64)   NOT NULL,
    created_us      BIGINT        NOT NULL,
    -- 0 = never expires / not revoked
    expires_us      BIGINT        NOT NULL,
    revoked_us      BIGINT        NOT NULL,
    CONSTRAINT principals_key_once UNIQUE (key_id)
);
CREATE INDEX principals_by_cert ON principals (cert_sha256);
