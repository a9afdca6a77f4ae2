-- Provenance trust for MISP peers (issue 21). A MISP peer is trusted only for the origins listed
-- here (comma-separated nation codes; "" = only the peer's own nation): an event whose creator
-- organisation maps to another nation is refused.
ALTER TABLE misp_peers ADD COLUMN trusted_origins VARCHAR(400) DEFAULT '' NOT NULL;

-- Events a MISP peer sent that were refused (untrusted origin, this node's own nation, TLP:RED,
-- unreadable by the relay, a version that widens): nothing of them is stored; the operator sees
-- here which MISP event, from which peer, and why. Never shown through a read endpoint.
CREATE TABLE misp_refusals (
    collection_id    VARCHAR(64)   NOT NULL,
    peer             VARCHAR(100)  NOT NULL,
    event_uuid       VARCHAR(36)   NOT NULL,
    event_timestamp  BIGINT        NOT NULL,
    path             VARCHAR(500)  NOT NULL,
    reason           VARCHAR(2000) NOT NULL,
    refused_us       BIGINT        NOT NULL,
    PRIMARY KEY (collection_id, peer, event_uuid, event_timestamp)
);
