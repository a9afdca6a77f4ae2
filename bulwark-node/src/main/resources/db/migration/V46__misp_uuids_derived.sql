-- The MISP uuid table keeps only links that cannot be derived (issue 21, mispimport): an object of
-- an own-uuid kind (report, grouping, indicator, observed-data, note) is always made from the MISP
-- thing whose uuid its id carries, so its link is derived from the id on read (MispStore) and its
-- rows, two of every three an import wrote, are dropped.
DELETE FROM misp_uuids
WHERE misp_kind IN ('report', 'grouping', 'indicator', 'observed-data', 'note');
