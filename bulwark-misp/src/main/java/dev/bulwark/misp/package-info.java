/**
 * MISP interoperability for Bulwark: one call ({@link dev.bulwark.misp.MispImport}) reads MISP
 * files, folders and feeds, converts them to STIX with their audience and hands each event to the
 * caller's {@link dev.bulwark.misp.EventSink}.
 */
package dev.bulwark.misp;
