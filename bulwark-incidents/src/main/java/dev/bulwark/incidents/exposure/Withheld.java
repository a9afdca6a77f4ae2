package dev.bulwark.incidents.exposure;

/**
 * One thing kept off the public page, for the analyst's preview only (never for the public).
 *
 * @param objectRef the object it is in (or the object itself)
 * @param path the property withheld, or {@code ""} for the whole object
 * @param reason why
 */
public record Withheld(String objectRef, String path, String reason) {}
