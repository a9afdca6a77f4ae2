package dev.bulwark.node.exchange.taxii;

import dev.bulwark.node.exchange.ReadFilter;
import dev.bulwark.node.exchange.StoredObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Wraps the access policy's filter for one request and notes every object it denies, so that the
 * denials go to the audit log. One per request; not thread-safe.
 */
final class AuditingFilter implements ReadFilter {
  private static final int MAX_NOTED = 1000;
  private final ReadFilter policy;
  private final List<String> denied = new ArrayList<>();
  private long deniedCount;

  AuditingFilter(ReadFilter policy) {
    this.policy = policy;
  }

  @Override
  public boolean permits(StoredObject object) {
    boolean ok = policy.permits(object);
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
