/**
 * CSV intake: {@link dev.bulwark.incidents.csv.CsvRows} reads RFC 4180 text with the line of each
 * row; {@link dev.bulwark.incidents.csv.IncidentCsv} turns an incident file into register
 * incidents, all or nothing: one bad row rejects the file, every bad row named with its line and
 * reason. The columns are documented in the README and on {@code IncidentCsv}.
 */
package dev.bulwark.incidents.csv;
