-- The append-only audit log. Each record carries the SHA-256 of its predecessor, so that changing or
-- removing any record breaks the chain from there on (bulwark audit verify names the first).
CREATE TABLE audit_log (
    seq             BIGINT        NOT NULL PRIMARY KEY,
    at_us           BIGINT        NOT NULL,
    principal       VARCHAR(100)  NOT NULL,
    nation          VARCHAR(16)   NOT NULL,
    action          VARCHAR(40)   NOT NULL,
    collection_id   VARCHAR(64)   NOT NULL,
    decision        VARCHAR(10)   NOT NULL,
    -- the objects concerned, "id" or "id@version", comma-separated
    object_refs     TEXT          NOT NULL,
    detail          VARCHAR(2000) NOT NULL,
    prev_hash       VARCHAR(64)   NOT NULL,
    hash            VARCHAR(64)   NOT NULL
);
CREATE INDEX audit_log_by_principal ON audit_log (principal, seq);
