/**
 * MISP warninglists (lists of well-known, benign values: public DNS resolvers, cloud ranges, top
 * sites, RFC 1918): {@link dev.bulwark.cyber.warninglist.Warninglists} reads their {@code
 * list.json} files and tells which indicator values they name, so that the hits of such indicators
 * are held back as probable false positives and counted instead of shared.
 */
package dev.bulwark.cyber.warninglist;
