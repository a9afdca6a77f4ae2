/**
 * A TAXII 2.1 client ({@code TaxiiClient}, over the JDK's HTTP client): discovery, API roots,
 * collections, pages of objects, posts and status. Used by federation and by the {@code bulwark
 * taxii} commands.
 */
package dev.bulwark.node.taxii.client;
