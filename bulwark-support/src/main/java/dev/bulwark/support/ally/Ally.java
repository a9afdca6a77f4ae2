package dev.bulwark.support.ally;

import java.time.LocalDate;

/**
 * A NATO member: ISO 3166-1 alpha-3 code, English short name and the date its accession took
 * effect. Immutable and thread-safe.
 */
public record Ally(String iso3, String name, LocalDate accession) {

  /** Whether the country was a member on that day. */
  public boolean memberOn(LocalDate day) {
    return !accession.isAfter(day);
  }
}
