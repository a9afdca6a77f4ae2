/**
 * Detection, live: the {@link dev.bulwark.node.maritime.watch.LiveEngine} runs {@code
 * bulwark-maritime}'s engine on one thread over the observation queue and publishes snapshots
 * ({@link dev.bulwark.node.maritime.watch.LiveSnapshot}, {@link
 * dev.bulwark.node.maritime.watch.VesselView}) for readers; {@link
 * dev.bulwark.node.maritime.watch.LiveEvents} streams vessels, alert changes and status to the
 * console. Between ingest and alerts in the flow.
 */
package dev.bulwark.node.maritime.watch;
