/**
 * Decoded AIS messages written in gpsd's JSON dialect ({@code GpsdJsonWriter}, with the type 6 and
 * 8 application payloads of {@code BinaryApplications} and the vocabularies of {@code
 * GpsdVocabulary}), so that tools that read gpsd read {@code bulwark ais decode}.
 */
package dev.bulwark.ais.gpsd;
