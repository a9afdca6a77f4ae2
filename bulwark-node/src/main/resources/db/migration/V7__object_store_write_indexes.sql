-- Fewer index structures for every write to maintain (issue 2, store throughput). The by-id index
-- (object_id, version_us) and the once-per-version constraint (collection_id, object_id, version_us)
-- both ordered by random identifiers, so every batch touched leaf pages all over two trees. One
-- constraint led by object_id serves both: the write path's duplicate check
-- (collection_id = ? AND object_id IN (...)), versions() (collection_id = ? AND object_id = ?), and the
-- cross-collection reads by identifier (headersOf, withSeveralVersions).
ALTER TABLE stix_objects DROP CONSTRAINT stix_objects_version_once;
DROP INDEX stix_objects_by_id;
ALTER TABLE stix_objects ADD CONSTRAINT stix_objects_version_once UNIQUE (object_id, version_us, collection_id);
