package dev.bulwark.ais;

import java.time.Instant;
import java.util.Optional;

/**
 * One decoded AIS message with where and when it was received. Immutable and thread-safe.
 *
 * @param message the decoded message
 * @param receivedAt receive time from the NMEA 4.10 tag block ({@code c:}), else from a Gatehouse
 *     {@code $PGHP} header, else from the decoder's clock when it has one (live sources); empty
 *     when none is known
 * @param source the tag-block source ({@code s:}, or DMA's {@code si:}) when present, else the name
 *     the decoder was built with (a file name, {@code host:port}, ...)
 * @param sentences how many NMEA sentences carried the message
 */
public record DecodedMessage(
    AisMessage message, Optional<Instant> receivedAt, String source, int sentences) {}
