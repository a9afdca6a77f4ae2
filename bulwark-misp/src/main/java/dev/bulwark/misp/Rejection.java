package dev.bulwark.misp;

/**
 * An input or event that was rejected. Immutable.
 *
 * @param source the file or feed entry
 * @param path JSON path of the problem
 * @param reason what is wrong
 */
public record Rejection(String source, String path, String reason) {}
