package dev.bulwark.node.audit;

/**
 * A stored audit record: the entry, its place in the chain and its links. Immutable.
 *
 * @param atMicros when it was recorded, microseconds since the epoch
 * @param prevHash the link of the previous record (64 zeros for the first)
 * @param hash this record's link: over its content and {@code prevHash}, HMAC-SHA256 under the
 *     node's audit key (scheme {@code hmac-sha256}) or, for records of nodes before the keyed
 *     chain, a plain SHA-256 (scheme {@code sha256})
 * @param scheme how {@code hash} was computed: {@value AuditLog#HMAC} or {@value AuditLog#SHA256}
 * @param keyId the id of the audit key that linked it ("" for {@code sha256})
 */
public record AuditRecord(
    long seq,
    long atMicros,
    AuditEntry entry,
    String prevHash,
    String hash,
    String scheme,
    String keyId) {}
