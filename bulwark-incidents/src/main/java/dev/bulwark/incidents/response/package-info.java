/**
 * Measured responses to hostile acts as OASIS {@code task} objects ({@link
 * dev.bulwark.incidents.response.ResponseStix}): the option, who decided it and when, the allies it
 * was coordinated with, its status and outcome, linked to the incidents or campaigns it answers so
 * that allies entitled to see them can coordinate.
 */
package dev.bulwark.incidents.response;
