-- Objects stored more than once (several versions, or one version in several collections), so that a
-- TAXII page choosing the latest version of each object (match[version]=last, the default) looks up
-- the few objects that have several instead of counting the rows of every object on the page: on a
-- million objects that count fetched a thousand random rows per page and was half the page's cost.
-- Written by the store when it adds a row for an object it already holds; an entry may outlive the
-- extra rows (after a delete), which only costs a reader one exact lookup.
CREATE TABLE stix_multi_version (
    id_key    BIGINT        NOT NULL,
    object_id VARCHAR(300)  NOT NULL,
    PRIMARY KEY (id_key, object_id)
);

INSERT INTO stix_multi_version (id_key, object_id)
    SELECT id_key, object_id FROM stix_objects GROUP BY id_key, object_id HAVING COUNT(*) > 1;
