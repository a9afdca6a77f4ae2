-- Federation: the peers this node exchanges with, and where each exchange stands.

CREATE TABLE peers (
    name             VARCHAR(100)  NOT NULL PRIMARY KEY,
    nation           VARCHAR(16)   NOT NULL,
    -- the peer's TAXII API root, e.g. https://fin.example:8443/taxii2/bulwark/
    api_root         VARCHAR(1000) NOT NULL,
    -- how this node logs in at the peer: a user name for HTTP Basic ("" for a bearer token) and the
    -- token the peer issued to this node. Kept in the database, never in logs or git.
    auth_user        VARCHAR(100)  NOT NULL,
    auth_secret      VARCHAR(400)  NOT NULL,
    -- a PKCS#12 trust store holding the peer's certificate ("" for the JDK's default trust)
    trust_store      VARCHAR(1000) NOT NULL,
    trust_password   VARCHAR(200)  NOT NULL,
    pull_collections VARCHAR(2000) NOT NULL,
    push_collections VARCHAR(2000) NOT NULL,
    interval_ms      BIGINT        NOT NULL,
    created_us       BIGINT        NOT NULL
);

-- One row per peer, direction (pull or push) and collection. For pull, position is the peer's
-- X-TAXII-Date-Added-Last of the last page stored here; for push, the local date_added (microseconds)
-- of the last object the peer acknowledged.
CREATE TABLE federation_cursors (
    peer             VARCHAR(100)  NOT NULL,
    direction        VARCHAR(8)    NOT NULL,
    collection_id    VARCHAR(64)   NOT NULL,
    position         VARCHAR(64)   NOT NULL,
    objects          BIGINT        NOT NULL,
    rejected         BIGINT        NOT NULL,
    last_success_us  BIGINT        NOT NULL,
    last_error       VARCHAR(2000) NOT NULL,
    last_error_us    BIGINT        NOT NULL,
    PRIMARY KEY (peer, direction, collection_id)
);
