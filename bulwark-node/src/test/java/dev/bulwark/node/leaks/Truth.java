package dev.bulwark.node.leaks;

import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.markings.Reader;
import dev.bulwark.stix.markings.Releasability;
import dev.bulwark.stix.markings.ReleaseRule;
import dev.bulwark.stix.markings.Tlp;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ground truth of the suite: every secret it wrote (a version of an object, or a granularly
 * marked part of one) under a unique canary string, with the object's TRUE originating nation, the
 * node it was first posted to, and the marking-definitions its author meant (never what a node
 * resolved). Who may see a secret is decided here with {@link ReleaseRule} alone. Thread-safe.
 */
final class Truth {
  static final Pattern CANARY = Pattern.compile("CNRY[a-z0-9]{8}");
  static final Pattern OBJECT_ID = Pattern.compile("(?:indicator|incident|note)--[0-9a-f-]{36}");
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * One secret.
   *
   * @param label what it is, for the report
   * @param id the STIX id of the object it belongs to
   * @param origin the originating nation (the nation of the principal that first posted it)
   * @param postedAt the nation of the node it was first posted to
   * @param markings the object markings its author meant
   * @param part the granular markings of the part, empty for the object itself
   * @param names for a releasability definition, the list it holds: the design makes a definition
   *     readable by the nations and recipients it names (so that they can resolve what they
   *     receive)
   */
  record Secret(
      String canary,
      String label,
      String id,
      String origin,
      String postedAt,
      List<StixObject> markings,
      List<StixObject> part,
      Optional<Releasability> names) {
    Secret(
        String canary,
        String label,
        String id,
        String origin,
        String postedAt,
        List<StixObject> markings,
        List<StixObject> part) {
      this(canary, label, id, origin, postedAt, markings, part, Optional.empty());
    }

    boolean mayBeRead(Reader reader) {
      boolean named =
          names.isPresent()
              && reader.authenticated()
              && (names.get().includesNation(reader.nation())
                  || reader.identityId().map(names.get().recipients()::contains).orElse(false));
      return named
          || (ReleaseRule.mayRead(reader, origin, markings, ReleaseRule.ORIGIN_ONLY)
              && (part.isEmpty()
                  || ReleaseRule.mayRead(reader, origin, part, ReleaseRule.ORIGIN_ONLY)));
    }

    boolean red() {
      return markings.stream().anyMatch(m -> m.id().equals(Tlp.RED.markingDefinitionId()));
    }

    /** A node may hold what was posted to it, and what its nation may read unless it is RED. */
    boolean mayBeHeldBy(String nodeNation) {
      return postedAt.equals(nodeNation)
          || (!red() && mayBeRead(new Reader(nodeNation, Optional.empty())));
    }
  }

  private final Map<String, Secret> byCanary = new ConcurrentHashMap<>();
  private final Map<String, List<Secret>> byId = new ConcurrentHashMap<>();

  static String canary() {
    StringBuilder b = new StringBuilder("CNRY");
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    for (int i = 0; i < 8; i++) {
      b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  Secret add(Secret s) {
    byCanary.put(s.canary(), s);
    if (s.part().isEmpty()) {
      byId.computeIfAbsent(s.id(), k -> new CopyOnWriteArrayList<>()).add(s);
    }
    return s;
  }

  Secret secret(String canary) {
    return byCanary.get(canary);
  }

  /** The secrets in a text that the reader may not see. */
  List<Secret> hiddenCanaries(String text, Reader reader) {
    List<Secret> out = new ArrayList<>();
    Matcher m = CANARY.matcher(text);
    while (m.find()) {
      Secret s = byCanary.get(m.group());
      if (s != null && !s.mayBeRead(reader)) {
        out.add(s);
      }
    }
    return out;
  }

  /** The suite's object ids in a text that no object the reader may see carries. */
  List<String> hiddenIds(String text, Reader reader, Set<String> ownEcho) {
    List<String> out = new ArrayList<>();
    Matcher m = OBJECT_ID.matcher(text);
    while (m.find()) {
      String id = m.group();
      List<Secret> claims = byId.get(id);
      if (claims != null
          && !ownEcho.contains(id)
          && claims.stream().noneMatch(s -> s.mayBeRead(reader))) {
        out.add(id);
      }
    }
    return out;
  }

  /** Whether the suite knows an object of this id. */
  boolean known(String id) {
    return byId.containsKey(id);
  }

  /** Whether the reader may see some object carrying this id. */
  boolean idVisible(String id, Reader reader) {
    return byId.getOrDefault(id, List.of()).stream().anyMatch(s -> s.mayBeRead(reader));
  }

  List<Secret> all() {
    return List.copyOf(byCanary.values());
  }
}
