package dev.bulwark.node.support;

import dev.bulwark.support.json.ContributionJson;
import java.time.Instant;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The node's part of the support API's JSON: a ledger entry with who entered it, when and in which
 * upload. Requirements, offers, the allocation and the forecast are written by the library ({@code
 * dev.bulwark.support.json}), so that the CLI prints the same. Stateless and thread-safe.
 */
final class SupportJson {
  static final JsonMapper MAPPER = JsonMapper.builder().build();

  private SupportJson() {}

  static ObjectNode contribution(StoredContribution s) {
    ObjectNode x = ContributionJson.entry(s.contribution());
    x.put("corrects", s.corrects().isEmpty() ? null : s.corrects());
    x.put("entered_by", s.enteredBy());
    x.put("entered_nation", s.enteredNation());
    x.put("entered", Instant.ofEpochSecond(0, s.enteredMicros() * 1000).toString());
    x.put("batch", s.batch());
    return x;
  }

  /** To cents, as the audit records have always shown the allocation's shortfall. */
  static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
