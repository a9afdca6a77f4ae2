-- The head of the audit chain in one row, locked (SELECT ... FOR UPDATE) by every append, so that
-- appends from the node and from CLI processes serialise instead of racing for the next seq.
CREATE TABLE audit_head (
    id              INT           NOT NULL PRIMARY KEY,
    seq             BIGINT        NOT NULL,
    hash            VARCHAR(64)   NOT NULL
);
INSERT INTO audit_head (id, seq, hash)
    SELECT 1, a.seq, a.hash FROM audit_log a WHERE a.seq = (SELECT MAX(seq) FROM audit_log)
    UNION ALL
    SELECT 1, 0, '0000000000000000000000000000000000000000000000000000000000000000'
        WHERE NOT EXISTS (SELECT 1 FROM audit_log);
