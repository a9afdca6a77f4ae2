package dev.bulwark.maritime.vessel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A list of vessels an operator names: a watch list (vessels of concern) or the vessels that
 * legitimately work on cables (cable layers, survey and guard ships). Matched by MMSI, IMO number
 * or name, so that a watch-listed ship is still recognised after changing its MMSI.
 *
 * <p>CSV with a header naming any of the columns {@code mmsi}, {@code imo}, {@code name}, {@code
 * reason} (in any order, comma-separated, no quoting needed for these fields). A row that has none
 * of MMSI/IMO/name, or a non-numeric MMSI/IMO, is skipped with a problem naming its line. Immutable
 * after reading, thread-safe.
 */
public final class VesselList {

  /**
   * One listed vessel; zero / empty fields are not matched on.
   *
   * @param mmsi MMSI or 0
   * @param imo IMO or 0
   * @param name normalised name or ""
   * @param reason why it is listed
   */
  public record Entry(int mmsi, int imo, String name, String reason) {}

  private final List<Entry> entries;
  private final List<String> problems;
  private final Map<Integer, Entry> byMmsi = new HashMap<>();
  private final Map<Integer, Entry> byImo = new HashMap<>();
  private final Map<String, Entry> byName = new HashMap<>();

  public VesselList(List<Entry> entries, List<String> problems) {
    this.entries = List.copyOf(entries);
    this.problems = List.copyOf(problems);
    for (Entry e : this.entries) {
      if (e.mmsi() != 0) {
        byMmsi.put(e.mmsi(), e);
      }
      if (e.imo() != 0) {
        byImo.put(e.imo(), e);
      }
      if (!e.name().isEmpty()) {
        byName.put(e.name(), e);
      }
    }
  }

  /** An empty list. */
  public static VesselList empty() {
    return new VesselList(List.of(), List.of());
  }

  /** Reads a CSV file. */
  public static VesselList read(Path file) {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(r, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads CSV text; {@code source} names it in problems. */
  public static VesselList read(Reader reader, String source) {
    List<Entry> out = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    try (BufferedReader br = new BufferedReader(reader)) {
      String header = br.readLine();
      if (header == null) {
        return new VesselList(out, problems);
      }
      String[] cols = header.replace("\uFEFF", "").split(",", -1);
      int iM = -1;
      int iI = -1;
      int iN = -1;
      int iR = -1;
      for (int i = 0; i < cols.length; i++) {
        switch (cols[i].trim().toLowerCase(Locale.ROOT)) {
          case "mmsi" -> iM = i;
          case "imo" -> iI = i;
          case "name", "shipname", "vessel" -> iN = i;
          case "reason", "note", "notes" -> iR = i;
          default -> {}
        }
      }
      if (iM < 0 && iI < 0 && iN < 0) {
        throw new IllegalArgumentException(
            source + ": header must name at least one of mmsi, imo, name");
      }
      String line;
      int no = 1;
      while ((line = br.readLine()) != null) {
        no++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split(",", -1);
        try {
          int mmsi = number(field(f, iM), "mmsi");
          int imo = number(field(f, iI), "imo");
          String name = normalise(field(f, iN));
          if (mmsi == 0 && imo == 0 && name.isEmpty()) {
            throw new IllegalArgumentException("no mmsi, imo or name");
          }
          out.add(new Entry(mmsi, imo, name, field(f, iR).trim()));
        } catch (IllegalArgumentException e) {
          problems.add(source + ":" + no + ": " + e.getMessage());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new VesselList(out, problems);
  }

  private static String field(String[] f, int i) {
    return i >= 0 && i < f.length ? f[i].trim() : "";
  }

  private static int number(String s, String what) {
    if (s.isEmpty()) {
      return 0;
    }
    try {
      long v = Long.parseLong(s);
      if (v < 0 || v > 999_999_999) {
        throw new NumberFormatException();
      }
      return (int) v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " is not a number: '" + s + "'");
    }
  }

  /** Names compare upper case with blanks collapsed. */
  public static String normalise(String name) {
    return name.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
  }

  /** The entry matching a vessel by MMSI, IMO or name. */
  public Optional<Entry> match(VesselIdentity id) {
    if (entries.isEmpty()) {
      return Optional.empty();
    }
    Entry e = byMmsi.get(id.mmsi());
    if (e == null && id.imo() != 0) {
      e = byImo.get(id.imo());
    }
    if (e == null && !id.name().isEmpty()) {
      e = byName.get(id.name());
    }
    return Optional.ofNullable(e);
  }

  public List<Entry> entries() {
    return entries;
  }

  /** Rows skipped while reading. */
  public List<String> problems() {
    return problems;
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }
}
