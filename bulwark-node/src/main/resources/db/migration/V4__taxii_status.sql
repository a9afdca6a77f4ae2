-- TAXII status resources of POST requests, kept so that GET {api-root}/status/{id}/ can answer later.
CREATE TABLE taxii_status (
    id              VARCHAR(64)   NOT NULL PRIMARY KEY,
    api_root        VARCHAR(100)  NOT NULL,
    principal       VARCHAR(100)  NOT NULL,
    request_us      BIGINT        NOT NULL,
    json            TEXT          NOT NULL
);
