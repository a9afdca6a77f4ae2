-- Provenance, not the last hop (issue 14, finding 4): origin_nation is the nation where an object
-- was first added by its author, kept through every relay; relayed_via is the chain of nations whose
-- nodes relayed it to this one, oldest first, comma-separated ("" for an object added here or
-- received straight from its origin's node). Rows stored before this migration keep "" (their origin
-- is what was recorded then: the last hop for objects pulled from peers).
ALTER TABLE stix_objects ADD COLUMN relayed_via VARCHAR(400) DEFAULT '' NOT NULL;
