/** Helpers shared by the node's tests: the one HTTP client of a test node's API. */
package dev.bulwark.node.testing;
