package dev.bulwark.node.audit;

/**
 * A stored audit record: the entry, its place in the chain and its hashes. Immutable.
 *
 * @param atMicros when it was recorded, microseconds since the epoch
 * @param prevHash hex SHA-256 of the previous record (64 zeros for the first)
 * @param hash hex SHA-256 of this record's content and {@code prevHash}
 */
public record AuditRecord(long seq, long atMicros, AuditEntry entry, String prevHash, String hash) {}
