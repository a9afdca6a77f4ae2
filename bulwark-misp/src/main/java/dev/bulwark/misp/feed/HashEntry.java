package dev.bulwark.misp.feed;

/**
 * One line of a feed's {@code hashes.csv}: an event and the MD5 of one attribute value. Immutable.
 *
 * @param eventUuid the event
 * @param md5 lower-case hex MD5 of the value
 */
public record HashEntry(String eventUuid, String md5) {}
