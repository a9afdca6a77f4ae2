package dev.bulwark.maritime.vessel;

import dev.bulwark.maritime.model.StaticReport;
import dev.bulwark.maritime.model.Voyage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Static and voyage data of every vessel, merged from messages 5, 19 and 24, with the history of
 * identity changes (name, call sign, IMO, and MMSI/flag when a known IMO reappears under a new
 * MMSI).
 *
 * <p>Memory is bounded by the number of vessels: the history keeps at most {@link #HISTORY_LIMIT}
 * changes per MMSI. Not thread-safe: one engine (one partition of MMSIs) owns one registry.
 */
public final class VesselRegistry {

  /** Most identity changes remembered per vessel. */
  public static final int HISTORY_LIMIT = 16;

  private final Map<Integer, VesselIdentity> byMmsi = new HashMap<>();
  private final Map<Integer, Integer> mmsiByImo = new HashMap<>();
  private final Map<Integer, List<IdentityChange>> history = new HashMap<>();

  /**
   * Merges a static report into the vessel's identity and returns the changes it revealed (empty
   * when nothing that was known changed).
   */
  public List<IdentityChange> apply(StaticReport r) {
    VesselIdentity old = byMmsi.getOrDefault(r.mmsi(), VesselIdentity.unknown(r.mmsi()));
    List<IdentityChange> changes = new ArrayList<>(2);
    long t = r.timeMillis();
    int imo = old.imo();
    if (r.imo() != 0) {
      if (imo != 0 && imo != r.imo()) {
        changes.add(
            new IdentityChange(
                r.mmsi(),
                t,
                IdentityChange.Field.IMO,
                Integer.toString(imo),
                Integer.toString(r.imo())));
      }
      imo = r.imo();
      Integer previousMmsi = mmsiByImo.put(imo, r.mmsi());
      if (previousMmsi != null && previousMmsi != r.mmsi()) {
        changes.add(
            new IdentityChange(
                r.mmsi(),
                t,
                IdentityChange.Field.MMSI,
                previousMmsi.toString(),
                Integer.toString(r.mmsi())));
        String f0 = Flags.ofMmsi(previousMmsi).orElse("?");
        String f1 = Flags.ofMmsi(r.mmsi()).orElse("?");
        if (!f0.equals(f1)) {
          changes.add(new IdentityChange(r.mmsi(), t, IdentityChange.Field.FLAG, f0, f1));
        }
      }
    }
    String name = merge(old.name(), r.name(), IdentityChange.Field.NAME, r, changes);
    String callSign =
        merge(old.callSign(), r.callSign(), IdentityChange.Field.CALL_SIGN, r, changes);
    int shipType = r.shipType() != 0 ? r.shipType() : old.shipType();
    String destination = r.destination().isEmpty() ? old.destination() : r.destination();
    Voyage voyage = r.voyage().mergedOnto(old.voyage());
    long voyageMillis = r.voyage().hasEta() ? r.timeMillis() : old.voyageMillis();
    byMmsi.put(
        r.mmsi(),
        new VesselIdentity(
            r.mmsi(), imo, name, callSign, shipType, destination, voyage, voyageMillis));
    if (!changes.isEmpty()) {
      List<IdentityChange> h = history.computeIfAbsent(r.mmsi(), k -> new ArrayList<>());
      h.addAll(changes);
      while (h.size() > HISTORY_LIMIT) {
        h.remove(0);
      }
    }
    return changes;
  }

  private static String merge(
      String old,
      String now,
      IdentityChange.Field field,
      StaticReport r,
      List<IdentityChange> out) {
    if (now.isEmpty()) {
      return old;
    }
    if (!old.isEmpty() && !old.equals(now)) {
      out.add(new IdentityChange(r.mmsi(), r.timeMillis(), field, old, now));
    }
    return now;
  }

  /** The identity known for an MMSI (only the MMSI when no static data was seen). */
  public VesselIdentity identity(int mmsi) {
    return byMmsi.getOrDefault(mmsi, VesselIdentity.unknown(mmsi));
  }

  /** Whether any static data was seen for the MMSI. */
  public boolean knows(int mmsi) {
    return byMmsi.containsKey(mmsi);
  }

  /** The MMSI a known IMO number was last seen under. */
  public Optional<Integer> mmsiOfImo(int imo) {
    return Optional.ofNullable(mmsiByImo.get(imo));
  }

  /** The identity changes recorded for an MMSI, oldest first. */
  public List<IdentityChange> history(int mmsi) {
    return Collections.unmodifiableList(history.getOrDefault(mmsi, List.of()));
  }

  /** Number of vessels with static data. */
  public int size() {
    return byMmsi.size();
  }
}
