/**
 * Reads a release of the Kiel Institute's Ukraine Support Tracker into contributions ({@code
 * KielImporter}).
 */
package dev.bulwark.support.kiel;
