/**
 * The MISP bridge of the node (issue 21): MISP events into the object store through {@code
 * bulwark-misp}'s mapping (with the (STIX id, MISP uuid) table and loss reports kept in {@link
 * dev.bulwark.node.misp.MispStore}), collections served as a MISP feed under {@code
 * /misp/feeds/{collection}/} through the one read gate, and MISP peers (a feed, or a MISP
 * instance's REST API) pulled by cursor.
 */
package dev.bulwark.node.misp;
