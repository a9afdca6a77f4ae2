/**
 * The hostile-act register in the node (issue 16): incidents, attributions, measured responses and
 * campaigns as STIX objects in the collection {@code incidents} (served over TAXII and federated
 * like any collection), their JSON API and console page, the promotion of maritime alerts, and the
 * public exposure report. Every read goes through the {@code AccessPolicy}; what a reader may not
 * see is answered as missing.
 */
package dev.bulwark.node.incidents;
