/**
 * A vessel's recent positions, bounded in time and size in compact parallel arrays ({@code Track}),
 * and what down-sampling may drop ({@code TrackPolicy}): the engine's memory stays bounded however
 * long it runs.
 */
package dev.bulwark.maritime.track;
