package dev.bulwark.support.csv;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One data row of a CSV file: its 1-based line number in the file (the header is line 1) and its
 * fields, addressable by header name. Immutable and thread-safe.
 */
public record CsvRow(int line, List<String> fields, Map<String, Integer> header) {

  public CsvRow {
    fields = List.copyOf(fields);
    header = Map.copyOf(header);
  }

  /** The trimmed value of a column, empty when the column is missing or the cell is blank. */
  public Optional<String> get(String column) {
    Integer index = header.get(column);
    if (index == null || index >= fields.size()) {
      return Optional.empty();
    }
    String value = fields.get(index).trim();
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  /** The trimmed value of a column that must be present. */
  public String require(String column) {
    return get(column)
        .orElseThrow(() -> new RowException(line, "missing value for '" + column + "'"));
  }
}
