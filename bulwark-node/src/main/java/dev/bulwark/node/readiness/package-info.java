/**
 * Force readiness in the node: force declarations stored as STIX objects ({@code
 * x-bulwark-force-declaration}) in the collection {@code force-declarations}, so that TAXII and
 * federation carry them and the one read gate decides who sees each version; the readiness API
 * (import, entry, listing, the summary computed per reader from what that reader may see) and its
 * audit records.
 */
package dev.bulwark.node.readiness;
