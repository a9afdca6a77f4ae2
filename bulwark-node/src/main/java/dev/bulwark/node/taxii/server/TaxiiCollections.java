package dev.bulwark.node.taxii.server;

import dev.bulwark.node.security.CollectionGrants;
import dev.bulwark.node.security.DefaultCollections;
import dev.bulwark.node.security.Grant;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.stix.StixIds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Maps the store's collections onto TAXII: which API root each lives in, its TAXII id and its
 * grants. Collection ids of the store that are not UUIDs (e.g. {@code maritime-alerts}) get a
 * name-based UUID as their TAXII id and keep their name as alias; both work in URLs. The node-owned
 * collections ({@code bulwark.taxii.node-owned}) get grants that let only peers write (see {@link
 * CollectionGrants}). Thread-safe (reads the store on each call, so collections created while the
 * node runs appear at once).
 */
final class TaxiiCollections {
  private static final UUID NAMESPACE = UUID.fromString("6d1c3f0a-2b7e-4c55-9a3e-b7d2a9e4f810");

  private final ObjectStore store;
  private final TaxiiProperties properties;

  TaxiiCollections(ObjectStore store, TaxiiProperties properties) {
    this.store = store;
    this.properties = properties;
  }

  /** Creates the default and the configured collections that the store does not hold yet. */
  void ensureConfigured() {
    for (DefaultCollections.Default d : DefaultCollections.ALL) {
      if (!properties.collections().containsKey(d.id())) {
        store.ensureCollection(new CollectionInfo(d.id(), d.title(), d.description(), Set.of()));
      }
    }
    properties
        .collections()
        .forEach(
            (id, c) -> {
              if (!c.apiRoot().isEmpty() && !properties.apiRoots().containsKey(c.apiRoot())) {
                throw new IllegalStateException(
                    "bulwark.taxii.collections."
                        + id
                        + ".api-root names unknown API root "
                        + c.apiRoot());
              }
              grantsOf(id, c);
              store.ensureCollection(
                  new CollectionInfo(
                      id,
                      c.title().isEmpty() ? id : c.title(),
                      c.description(),
                      nations(c.defaultNations())));
            });
  }

  /** The collections of an API root, in a stable order (by store id). */
  List<TaxiiCollection> in(String apiRoot) {
    List<TaxiiCollection> out = new ArrayList<>();
    for (CollectionInfo info : store.collections()) {
      TaxiiCollection t = of(info);
      if (t.apiRoot().equals(apiRoot)) {
        out.add(t);
      }
    }
    return out;
  }

  /** A collection of an API root by TAXII id or alias. */
  Optional<TaxiiCollection> find(String apiRoot, String idOrAlias) {
    for (TaxiiCollection t : in(apiRoot)) {
      if (t.taxiiId().equals(idOrAlias) || t.alias().equals(idOrAlias)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** A store collection (in any API root) by its store id, with its grants. */
  Optional<TaxiiCollection> byAlias(String alias) {
    return store.collection(alias).map(this::of);
  }

  private TaxiiCollection of(CollectionInfo info) {
    TaxiiProperties.Collection c = properties.collections().get(info.id());
    String root = c == null || c.apiRoot().isEmpty() ? properties.defaultApiRoot() : c.apiRoot();
    return new TaxiiCollection(taxiiId(info.id()), info, root, grantsOf(info.id(), c));
  }

  static String taxiiId(String storeId) {
    if (StixIds.isUuidForm(storeId)) {
      return storeId.toLowerCase(Locale.ROOT);
    }
    return StixIds.uuid5(NAMESPACE, storeId).toString();
  }

  /** The grants of a store collection; {@code c} is its configuration, null when it has none. */
  private CollectionGrants grantsOf(String id, TaxiiProperties.Collection c) {
    CollectionGrants d = CollectionGrants.defaults();
    List<Grant> read = c == null || c.read().isBlank() ? d.read() : Grant.parseList(c.read());
    if (properties.nodeOwnedCollections().contains(id)) {
      try {
        return CollectionGrants.nodeOwned(
            id,
            read,
            c == null || c.write().isBlank()
                ? CollectionGrants.peersOnly()
                : Grant.parseList(c.write()));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(
            "bulwark.taxii.collections."
                + id
                + ".write: "
                + e.getMessage()
                + " (bulwark.taxii.node-owned lists it)",
            e);
      }
    }
    return new CollectionGrants(
        read, c == null || c.write().isBlank() ? d.write() : Grant.parseList(c.write()));
  }

  private static Set<String> nations(String csv) {
    return Arrays.stream(csv.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .map(s -> s.toUpperCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet());
  }
}
