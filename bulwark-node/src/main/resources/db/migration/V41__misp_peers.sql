-- MISP peers (issue 21): a MISP feed (URL or folder with manifest.json) or a MISP instance's REST
-- API pulled into a local collection. Their cursors are rows of federation_cursors (direction
-- pull): the newest manifest / event timestamp stored.
CREATE TABLE misp_peers (
    name             VARCHAR(100)  NOT NULL PRIMARY KEY,
    -- misp-feed or misp-rest
    peer_type        VARCHAR(16)   NOT NULL,
    -- the nation the peer's organisations belong to when the organisation map names none
    nation           VARCHAR(16)   NOT NULL,
    url              VARCHAR(1000) NOT NULL,
    -- the MISP automation key (REST) or a bearer token (feed); "" for none. Never logged.
    auth_secret      VARCHAR(400)  NOT NULL,
    collection_id    VARCHAR(64)   NOT NULL,
    -- REST only: the organisation filter the MISP server applies to /events/index ("" for any)
    org_filter       VARCHAR(300)  NOT NULL,
    interval_ms      BIGINT        NOT NULL,
    created_us       BIGINT        NOT NULL
);
