-- The MISP bridge (issue 21). One row per MISP event a collection holds: its uuid and MISP
-- timestamp (a re-import of the same or an older timestamp is "already held" without mapping it
-- again), the organisation and nation it came from, and what the import of it stored and lost.
CREATE TABLE misp_events (
    collection_id    VARCHAR(64)   NOT NULL,
    event_uuid       VARCHAR(36)   NOT NULL,
    event_timestamp  BIGINT        NOT NULL,
    org              VARCHAR(300)  NOT NULL,
    origin_nation    VARCHAR(16)   NOT NULL,
    stix_id          VARCHAR(300)  NOT NULL,
    attributes       INTEGER       NOT NULL,
    objects          INTEGER       NOT NULL,
    lost             INTEGER       NOT NULL,
    imported_us      BIGINT        NOT NULL,
    PRIMARY KEY (collection_id, event_uuid)
);

-- The (STIX type, uuid) <-> MISP uuid table: one row per STIX object an import made, naming the
-- MISP uuid (event, attribute, object, galaxy cluster, sighting, report) it came from. Two STIX ids
-- may share one MISP uuid (an attribute's indicator and its observed-data); a STIX id never has
-- two MISP uuids (a collision is reported, not merged).
CREATE TABLE misp_uuids (
    collection_id    VARCHAR(64)   NOT NULL,
    stix_id          VARCHAR(300)  NOT NULL,
    misp_uuid        VARCHAR(36)   NOT NULL,
    misp_kind        VARCHAR(32)   NOT NULL,
    PRIMARY KEY (collection_id, stix_id)
);
CREATE INDEX misp_uuids_by_misp ON misp_uuids (collection_id, misp_uuid);

-- The loss report of each imported event version: what could not be carried into STIX, where
-- (path in the MISP event) and why. Never shown through a read endpoint: a command-line report for
-- the node's operator.
CREATE TABLE misp_losses (
    collection_id    VARCHAR(64)   NOT NULL,
    event_uuid       VARCHAR(36)   NOT NULL,
    event_timestamp  BIGINT        NOT NULL,
    seq              INTEGER       NOT NULL,
    path             VARCHAR(500)  NOT NULL,
    reason           VARCHAR(2000) NOT NULL,
    PRIMARY KEY (collection_id, event_uuid, event_timestamp, seq)
);
