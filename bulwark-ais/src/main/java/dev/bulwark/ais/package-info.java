/**
 * The AIS decoder, pure Java: NMEA 0183 lines in, decoded ITU-R M.1371 messages out. {@code
 * AisDecoder} scans each line (tag blocks, {@code $PGHP} headers), checks the sentence, reassembles
 * multi-sentence messages and hands the de-armoured payload ({@code PayloadBits}) to {@code
 * MessageDecoder}, which makes one record of the sealed {@code AisMessage} family per message type;
 * every refused input is counted under one {@code RejectionCause} ({@code AisCounters}). {@code
 * PositionRecord} is the common shape of a position, decoded or read from CSV. This is the first
 * step of the main path: the maritime library turns these messages into observations.
 */
package dev.bulwark.ais;
