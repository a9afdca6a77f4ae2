/**
 * Position exports in CSV (Danish Maritime Authority, NOAA MarineCadastre and a simple {@code
 * Time,MMSI,Latitude,Longitude} dialect), read by {@code CsvPositionReader} into the same {@code
 * PositionRecord} a decoded position report gives, so that the maritime engine takes either input.
 */
package dev.bulwark.ais.csv;
