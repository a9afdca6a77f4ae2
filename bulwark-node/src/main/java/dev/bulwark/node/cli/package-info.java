/**
 * The {@code bulwark} command ({@code BulwarkMain}, picocli): one class per command. Commands on
 * files run straight on the libraries without starting Spring; those that touch a node's data open
 * its database directly ({@code NodeStores}); only {@code serve} and {@code demo} boot the node.
 * Uses every feature; no feature uses it.
 */
package dev.bulwark.node.cli;
