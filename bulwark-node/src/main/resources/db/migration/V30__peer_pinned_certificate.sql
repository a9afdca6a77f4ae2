-- The certificate this node pins for a peer (PEM, from the peer's `bulwark tls export-cert`), or its
-- SHA-256 fingerprint ("sha256:" and hex); "" for the trust store or the JDK's trust.
ALTER TABLE peers ADD COLUMN pinned_certificate VARCHAR(8000) DEFAULT '' NOT NULL;
