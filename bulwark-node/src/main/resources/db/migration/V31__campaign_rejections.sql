-- Campaign suggestions an analyst rejected (issue 16): a nation that rejected a suggestion is not
-- offered it again, after a restart too. The key is the suggestion's id (name-based over its
-- incident ids), per nation. Same SQL subset as V1 (H2 in PostgreSQL mode and PostgreSQL).
CREATE TABLE campaign_rejections (
    nation          VARCHAR(16)   NOT NULL,
    suggestion_id   VARCHAR(100)  NOT NULL,
    -- the incidents it grouped, comma-separated, as the analyst saw them
    incident_ids    VARCHAR       NOT NULL,
    rejected_by     VARCHAR(100)  NOT NULL,
    -- microseconds since the epoch
    rejected_us     BIGINT        NOT NULL,
    PRIMARY KEY (nation, suggestion_id)
);
