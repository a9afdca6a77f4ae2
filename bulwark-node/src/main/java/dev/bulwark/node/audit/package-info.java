/**
 * The node's audit log: an append-only chain of records, each linked to the one before with an
 * HMAC-SHA256 under a node key kept outside the database, with a sealed head, and the anchors
 * (chain heads) exchanged with peers so that a rewrite shows elsewhere. See docs/audit.md.
 */
package dev.bulwark.node.audit;
