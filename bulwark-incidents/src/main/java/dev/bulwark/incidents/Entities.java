package dev.bulwark.incidents;

import java.util.List;

/**
 * The identifiers an incident names and that may tie it to others (the campaign suggester's
 * shared-entity reasons): vessels by IMO and MMSI, IP addresses, domains, actors (a threat-actor or
 * intrusion-set id, or a name). Immutable; the lists are copied.
 *
 * @param imo IMO numbers (7 digits)
 * @param mmsi MMSIs (9 digits)
 * @param ip IPv4/IPv6 addresses as written
 * @param domain domain names, lower case
 * @param actor actor ids or names
 */
public record Entities(
    List<String> imo, List<String> mmsi, List<String> ip, List<String> domain, List<String> actor) {

  /** No entities at all. */
  public static final Entities NONE =
      new Entities(List.of(), List.of(), List.of(), List.of(), List.of());

  /** Copies the lists. */
  public Entities {
    imo = List.copyOf(imo);
    mmsi = List.copyOf(mmsi);
    ip = List.copyOf(ip);
    domain = List.copyOf(domain);
    actor = List.copyOf(actor);
  }

  /** Whether no list holds anything. */
  public boolean isEmpty() {
    return imo.isEmpty() && mmsi.isEmpty() && ip.isEmpty() && domain.isEmpty() && actor.isEmpty();
  }
}
