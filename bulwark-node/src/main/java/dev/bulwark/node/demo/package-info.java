/**
 * The node's part of {@code bulwark demo}: once the node is ready, loads the demo collections and
 * STIX content ({@code DemoContent}) and prints where to look ({@code DemoBanner}).
 */
package dev.bulwark.node.demo;
