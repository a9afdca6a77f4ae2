/**
 * The tree-based sensor readers as they were before the streaming parse (Jackson trees per line),
 * kept in test scope as the oracle the streaming readers are compared with.
 */
package dev.bulwark.cyber.sensor.tree;
