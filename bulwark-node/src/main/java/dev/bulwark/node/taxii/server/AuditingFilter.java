package dev.bulwark.node.taxii.server;

import dev.bulwark.node.store.ReadFilter;
import dev.bulwark.node.store.StoredObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Wraps the access policy's filter for one request and notes every object it denies, so that the
 * denials go to the audit log. The policy's decision depends, for one reader and collection, only
 * on an object's origin nation and marking refs (except for marking-definitions, decided one by
 * one), and a page of a thousand objects mostly repeats a few such pairs: each pair is decided once
 * per request. One per request; not thread-safe.
 */
final class AuditingFilter implements ReadFilter {
  private static final int MAX_NOTED = 1000;
  private static final int MAX_REMEMBERED = 4096;
  private final ReadFilter policy;
  private final List<String> denied = new ArrayList<>();
  private final Map<String, Boolean> decided = new HashMap<>();
  private long deniedCount;

  AuditingFilter(ReadFilter policy) {
    this.policy = policy;
  }

  @Override
  public boolean permits(StoredObject object) {
    // a marking-definition is also readable by those it names (AccessPolicy): its decision depends
    // on
    // its content too, so it is never remembered, nor taken from what was remembered for others
    boolean definition = "marking-definition".equals(object.type());
    String key = object.originNation() + '|' + String.join(",", object.markingRefs());
    Boolean known = definition ? null : decided.get(key);
    boolean ok = known != null ? known : policy.permits(object);
    if (known == null && !definition && decided.size() < MAX_REMEMBERED) {
      decided.put(key, ok);
    }
    if (!ok) {
      deniedCount++;
      if (denied.size() < MAX_NOTED) {
        denied.add(object.objectId() + "@" + object.version());
      }
    }
    return ok;
  }

  List<String> denied() {
    return denied;
  }

  long deniedCount() {
    return deniedCount;
  }
}
