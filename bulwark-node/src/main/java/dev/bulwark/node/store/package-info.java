/**
 * The STIX object store over JDBC (H2 or PostgreSQL): {@code ObjectStore} keeps every version of
 * every object with its date_added and provenance, writes through the {@code GroupCommitter}, and
 * reads only through a {@code ReadFilter}; {@code StixImporter} streams content in; {@code
 * NodeDatabase} opens the database and runs Flyway. Every other feature stores and reads here; the
 * store depends on no other feature.
 */
package dev.bulwark.node.store;
