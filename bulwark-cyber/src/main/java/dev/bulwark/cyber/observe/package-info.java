/**
 * The value sensors produce: an {@link dev.bulwark.cyber.observe.Observation} (one event as STIX
 * cyber-observable objects, keyed as in an observed-data's {@code objects} dictionary), the builder
 * that makes one ({@link dev.bulwark.cyber.observe.ObservationBuilder}), why a line is rejected
 * ({@link dev.bulwark.cyber.observe.RejectCause}, counted in {@link
 * dev.bulwark.cyber.observe.ReadCounts}) and the timestamp and address parsing shared by the
 * readers.
 */
package dev.bulwark.cyber.observe;
