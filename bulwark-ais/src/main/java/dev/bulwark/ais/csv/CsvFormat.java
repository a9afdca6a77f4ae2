package dev.bulwark.ais.csv;

/**
 * The CSV export dialects {@link CsvPositionReader} recognises from their header line. Immutable
 * and thread-safe.
 */
public enum CsvFormat {
  /**
   * Danish Maritime Authority: {@code # Timestamp,Type of
   * mobile,MMSI,Latitude,Longitude,Navigational status,ROT,SOG,COG,Heading,...}, times {@code
   * dd/MM/yyyy HH:mm:ss}.
   */
  DMA,
  /** NOAA MarineCadastre: {@code MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,...,Status,...}. */
  NOAA,
  /** Simple exports: {@code Time,MMSI,Latitude...,Longitude...[,COG...][,SOG...]}. */
  SIMPLE
}
