/**
 * The path from a sensor stream to sightings: {@link dev.bulwark.cyber.match.MatchPipeline} takes
 * each {@link dev.bulwark.cyber.observe.Observation}, asks an {@link
 * dev.bulwark.cyber.match.IndicatorMatcher} (the patterning engine of {@code bulwark-stix} behind
 * it) which indicators match, holds back the hits of warninglisted indicators and aggregates the
 * rest; {@link dev.bulwark.cyber.match.MatchSummary} is what a run did.
 */
package dev.bulwark.cyber.match;
