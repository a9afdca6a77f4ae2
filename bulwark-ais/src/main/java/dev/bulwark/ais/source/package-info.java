/**
 * Where NMEA lines come from: capture files, plain or gzip ({@code AisFiles}, paced by {@code
 * PacedReplay}), TCP feeds with reconnect ({@code TcpAisClient}, {@code Backoff}) and UDP ports
 * ({@code UdpAisListener}). Lines are delivered as byte ranges to a {@code LineConsumer} (usually
 * the {@code AisDecoder}) without decoding characters. Plain sockets and files only: no HTTP.
 */
package dev.bulwark.ais.source;
