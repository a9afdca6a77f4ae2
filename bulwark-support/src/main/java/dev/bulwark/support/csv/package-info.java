/**
 * The RFC 4180 CSV reader that the library's input formats share ({@code CsvReader}, {@code
 * CsvRow}), and how a refused row is reported ({@code RowError}).
 */
package dev.bulwark.support.csv;
