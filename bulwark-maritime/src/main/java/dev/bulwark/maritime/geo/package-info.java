/**
 * Distances and positions on the Earth for the detectors, in metres and degrees ({@code Geo}).
 * Stateless.
 */
package dev.bulwark.maritime.geo;
