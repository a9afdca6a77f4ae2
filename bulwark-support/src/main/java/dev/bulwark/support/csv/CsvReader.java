package dev.bulwark.support.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads RFC 4180 CSV (comma separated, double-quoted fields with doubled quotes, CRLF or LF) with a
 * header line. A row with an unterminated quote or a wrong number of fields is reported through the
 * error callback with its line number, and reading goes on with the next row. Blank lines (and rows
 * whose only field is blank) are skipped. Not thread-safe; one instance reads one stream.
 */
public final class CsvReader {

  private final Reader in;
  private int line = 1;
  private int pushback = -2;

  public CsvReader(Reader in) {
    this.in = in;
  }

  /**
   * Reads the whole stream: the header, then every row to {@code rows}; malformed rows go to {@code
   * errors} instead. Returns the header names in file order.
   *
   * @throws RowException when the file has no header line
   */
  public List<String> read(Consumer<CsvRow> rows, Consumer<RowException> errors)
      throws IOException {
    List<String> header = null;
    Map<String, Integer> index = new HashMap<>();
    while (true) {
      int startLine = line;
      List<String> fields = new ArrayList<>();
      String problem = readRecord(fields);
      if (fields.isEmpty() && problem == null) {
        break;
      }
      boolean blank = fields.size() == 1 && fields.get(0).isBlank();
      if (header == null) {
        if (problem != null) {
          throw new RowException(startLine, "unreadable header: " + problem);
        }
        if (blank) {
          continue;
        }
        header = new ArrayList<>();
        for (String f : fields) {
          String name = f.strip();
          if (header.isEmpty() && name.startsWith("\uFEFF")) {
            name = name.substring(1);
          }
          index.put(name, header.size());
          header.add(name);
        }
        continue;
      }
      if (problem != null) {
        errors.accept(new RowException(startLine, problem));
      } else if (blank) {
        continue;
      } else if (fields.size() != header.size()) {
        errors.accept(
            new RowException(
                startLine,
                "malformed row: "
                    + fields.size()
                    + " fields where the header has "
                    + header.size()));
      } else {
        rows.accept(new CsvRow(startLine, fields, index));
      }
    }
    if (header == null) {
      throw new RowException(1, "empty file: no header line");
    }
    return header;
  }

  /** Reads one record into fields; returns a problem description, or null when well formed. */
  private String readRecord(List<String> fields) throws IOException {
    StringBuilder cell = new StringBuilder();
    int c = next();
    if (c == -1) {
      return null;
    }
    boolean quoted = false;
    boolean afterQuote = false;
    String problem = null;
    while (true) {
      if (quoted) {
        if (c == -1) {
          fields.add(cell.toString());
          return "unterminated quoted field";
        }
        if (c == '"') {
          int d = next();
          if (d == '"') {
            cell.append('"');
          } else {
            quoted = false;
            afterQuote = true;
            c = d;
            continue;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          cell.append((char) c);
        }
      } else if (c == ',') {
        fields.add(cell.toString());
        cell.setLength(0);
        afterQuote = false;
      } else if (c == '\r' || c == '\n' || c == -1) {
        if (c == '\r') {
          int d = next();
          if (d != '\n') {
            unread(d);
          }
        }
        if (c != -1) {
          line++;
        }
        fields.add(cell.toString());
        return problem;
      } else if (c == '"' && cell.length() == 0 && !afterQuote) {
        quoted = true;
      } else if (afterQuote) {
        if (problem == null) {
          problem = "text after a closing quote";
        }
      } else {
        if (c == '"' && problem == null) {
          problem = "stray quote inside an unquoted field";
        }
        cell.append((char) c);
      }
      c = next();
    }
  }

  private int next() throws IOException {
    if (pushback != -2) {
      int c = pushback;
      pushback = -2;
      return c;
    }
    return in.read();
  }

  private void unread(int c) {
    pushback = c;
  }

  /** Quotes a value for CSV output when it needs it. */
  public static String quote(String value) {
    if (value.indexOf(',') < 0
        && value.indexOf('"') < 0
        && value.indexOf('\n') < 0
        && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
