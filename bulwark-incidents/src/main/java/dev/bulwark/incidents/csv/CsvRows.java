package dev.bulwark.incidents.csv;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV: comma-separated, fields optionally in double quotes (a quote inside doubled),
 * quoted fields may span lines; CRLF or LF line ends; a UTF-8 byte-order mark at the start is
 * skipped. Each row carries the line it starts on. Bounded: a file of more than {@code maxRows}
 * rows or a field longer than {@code maxField} characters is refused. Not thread-safe; one per
 * file.
 */
public final class CsvRows {

  /** One row: the line it starts on (1-based) and its fields. */
  public record Row(int line, List<String> fields) {
    /** Copies the list. */
    public Row {
      fields = List.copyOf(fields);
    }
  }

  /** Text that is no CSV (an unclosed quote, a quote inside an unquoted field, too large). */
  public static final class CsvException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int line;

    CsvException(int line, String message) {
      super("line " + line + ": " + message);
      this.line = line;
    }

    /** The line of the problem. */
    public int line() {
      return line;
    }
  }

  private CsvRows() {}

  /**
   * Every row of the text; blank lines are skipped.
   *
   * @param in the text
   * @param maxRows at most this many rows
   * @param maxField at most this many characters per field
   * @return the rows, header included
   * @throws CsvException when the text is no CSV or too large
   * @throws IOException when reading fails
   */
  public static List<Row> read(Reader reader, int maxRows, int maxField) throws IOException {
    PushbackReader in = new PushbackReader(reader, 1);
    List<Row> rows = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    int line = 1;
    int rowLine = 1;
    boolean quoted = false;
    boolean wasQuoted = false;
    int c = in.read();
    if (c != '\uFEFF' && c != -1) {
      in.unread(c);
    }
    while ((c = in.read()) != -1) {
      if (quoted) {
        if (c != '"') {
          line += c == '\n' ? 1 : 0;
          append(f, (char) c, maxField, line);
          continue;
        }
        int next = in.read();
        if (next == '"') {
          append(f, '"', maxField, line);
          continue;
        }
        quoted = false;
        if (next != -1 && next != ',' && next != '\n' && next != '\r') {
          throw new CsvException(line, "text after a closing quote");
        }
        if (next == -1) {
          break;
        }
        c = next;
      }
      if (c == '"') {
        if (f.length() > 0 || wasQuoted) {
          throw new CsvException(line, "a quote inside an unquoted field");
        }
        quoted = true;
        wasQuoted = true;
      } else if (c == ',') {
        fields.add(f.toString());
        f.setLength(0);
        wasQuoted = false;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r') {
          int next = in.read();
          if (next != '\n' && next != -1) {
            in.unread(next);
          }
        }
        endRow(rows, fields, f, wasQuoted, rowLine, maxRows);
        wasQuoted = false;
        line++;
        rowLine = line;
      } else {
        append(f, (char) c, maxField, line);
      }
    }
    if (quoted) {
      throw new CsvException(rowLine, "a quoted field is not closed");
    }
    endRow(rows, fields, f, wasQuoted, rowLine, maxRows);
    return rows;
  }

  private static void append(StringBuilder f, char c, int maxField, int line) throws CsvException {
    if (f.length() >= maxField) {
      throw new CsvException(line, "a field longer than " + maxField + " characters");
    }
    f.append(c);
  }

  private static void endRow(
      List<Row> rows,
      List<String> fields,
      StringBuilder f,
      boolean wasQuoted,
      int rowLine,
      int maxRows)
      throws CsvException {
    if (fields.isEmpty() && f.length() == 0 && !wasQuoted) {
      return; // a blank line
    }
    fields.add(f.toString());
    f.setLength(0);
    if (rows.size() >= maxRows) {
      throw new CsvException(rowLine, "more than " + maxRows + " rows");
    }
    rows.add(new Row(rowLine, fields));
    fields.clear();
  }
}
