package dev.bulwark.support.ally;

import dev.bulwark.support.csv.CsvReader;
import dev.bulwark.support.csv.RowException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The register of allies, looked up by ISO3 code. {@link #nato()} gives the 32 members shipped with
 * the library. Immutable and thread-safe.
 */
public final class Allies {

  private static final String RESOURCE = "/dev/bulwark/support/data/nato_allies.csv";
  private final Map<String, Ally> byCode;

  public Allies(List<Ally> allies) {
    Map<String, Ally> map = new LinkedHashMap<>();
    allies.stream()
        .sorted(Comparator.comparing(Ally::iso3))
        .forEach(
            a -> {
              if (map.put(a.iso3(), a) != null) {
                throw new IllegalArgumentException("ally listed twice: " + a.iso3());
              }
            });
    this.byCode = Map.copyOf(map);
    this.ordered = List.copyOf(map.values());
  }

  private final List<Ally> ordered;

  /** The 32 NATO members (as of the accession of Sweden, 7 March 2024). */
  public static Allies nato() {
    return Holder.NATO;
  }

  private static final class Holder {
    static final Allies NATO = load();
  }

  private static Allies load() {
    try (InputStream in = Allies.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      List<Ally> list = new ArrayList<>();
      new CsvReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .read(
              row ->
                  list.add(
                      new Ally(
                          row.require("iso3"),
                          row.require("name"),
                          LocalDate.parse(row.require("accession")))),
              bad -> {
                throw bad;
              });
      return new Allies(list);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RowException e) {
      throw new IllegalStateException("corrupt " + RESOURCE + ": " + e.getMessage(), e);
    }
  }

  /** Every ally, by ISO3 code. */
  public List<Ally> all() {
    return ordered;
  }

  /** The allies that were members on that day, by ISO3 code. */
  public List<Ally> membersOn(LocalDate day) {
    return ordered.stream().filter(a -> a.memberOn(day)).toList();
  }

  /** The ally with that ISO3 code (case-insensitive). */
  public Optional<Ally> byCode(String iso3) {
    return Optional.ofNullable(byCode.get(iso3.trim().toUpperCase(Locale.ROOT)));
  }

  /** The ally whose name is exactly this (case-insensitive), e.g. "Turkiye". */
  public Optional<Ally> byName(String name) {
    return ordered.stream().filter(a -> a.name().equalsIgnoreCase(name.trim())).findFirst();
  }

  public boolean contains(String iso3) {
    return byCode(iso3).isPresent();
  }
}
