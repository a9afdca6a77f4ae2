/**
 * The analyst's workbench API (issue 20): search over everything a reader may read (one {@code
 * SearchIndex}, Lucene on H2 or PostgreSQL full text), an object's page (human fields, who may read
 * it and why, versions and diffs, its neighbourhood a hop at a time), creating and importing
 * objects through TAXII's write checks, export, and the administrator's views of principals, peers,
 * grants and the audit log. Every read goes through the access policy's filter; what a reader may
 * not see answers exactly as what does not exist.
 */
package dev.bulwark.node.workbench;
