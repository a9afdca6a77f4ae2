/**
 * The AIS decoder, pure Java: NMEA 0183 lines in, decoded ITU-R M.1371 messages out. {@code
 * AisDecoder} reads each line in steps: what the lines around a sentence say ({@code LineHeaders}:
 * tag blocks, {@code $PGHP} headers), scanning and checksum ({@code SentenceScanner}), the header
 * fields ({@code SentenceHeader}) and the reassembly of multi-sentence messages ({@code
 * FragmentReassembler}); it hands the de-armoured payload ({@code PayloadBits}) to {@code
 * MessageDecoder}, which makes one record of the sealed {@code AisMessage} family per message type.
 * Every refused input is counted under one {@code RejectionCause} ({@code AisCounters}). {@code
 * PositionRecord} is the common shape of a position, decoded or read from CSV. This is the first
 * step of the main path: the maritime library turns these messages into observations.
 */
package dev.bulwark.ais;
