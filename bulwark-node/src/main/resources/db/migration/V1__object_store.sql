-- The STIX object store. SQL stays in the subset that H2 (PostgreSQL mode) and PostgreSQL both accept.
-- JSON is VARCHAR without a length (TEXT in PostgreSQL): H2 keeps it inline instead of as a slower CLOB.

CREATE TABLE collections (
    id              VARCHAR(64)   NOT NULL PRIMARY KEY,
    title           VARCHAR(200)  NOT NULL,
    description     VARCHAR(2000) NOT NULL,
    -- Nations that may read an object that carries no marking at all; empty means the origin nation only.
    default_nations VARCHAR(2000) NOT NULL,
    created_us      BIGINT        NOT NULL
);

-- Every version of every object, immutable once written. date_added_us is the server's date_added in
-- microseconds since the epoch: strictly increasing across the whole node, so that TAXII paging by
-- added_after / next never skips or repeats an object.
CREATE TABLE stix_objects (
    date_added_us   BIGINT        NOT NULL PRIMARY KEY,
    collection_id   VARCHAR(64)   NOT NULL REFERENCES collections (id),
    object_id       VARCHAR(300)  NOT NULL,
    object_type     VARCHAR(250)  NOT NULL,
    -- The version as written (modified, else created, else empty for unversioned SCOs) and as a number
    -- of microseconds for ordering; two spellings of one instant are one version.
    version         VARCHAR(40)   NOT NULL,
    version_us      BIGINT        NOT NULL,
    spec_version    VARCHAR(20)   NOT NULL,
    origin_nation   VARCHAR(16)   NOT NULL,
    added_by        VARCHAR(200)  NOT NULL,
    marking_refs    VARCHAR(4000) NOT NULL,
    json            VARCHAR       NOT NULL,
    CONSTRAINT stix_objects_version_once UNIQUE (collection_id, object_id, version_us)
);

CREATE INDEX stix_objects_by_collection ON stix_objects (collection_id, date_added_us);
CREATE INDEX stix_objects_by_type ON stix_objects (collection_id, object_type, date_added_us);
CREATE INDEX stix_objects_by_id ON stix_objects (object_id, version_us);

-- Marking definitions seen in any collection, so that every read can resolve an object's markings.
CREATE TABLE marking_definitions (
    id              VARCHAR(300)  NOT NULL PRIMARY KEY,
    json            VARCHAR       NOT NULL
);
