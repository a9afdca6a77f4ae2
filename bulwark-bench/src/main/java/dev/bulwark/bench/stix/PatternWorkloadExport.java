package dev.bulwark.bench.stix;

import dev.bulwark.stix.pattern.Observation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a sample of {@link PatternWorkload} (every k-th indicator's pattern, the first n
 * observations as STIX 2.1 bundles) so that the reference matcher can be timed on the same
 * indicators and events as {@link PatternIndexBench} ({@code pattern-peer/bench_index.py}). Run:
 * {@code java -cp ... dev.bulwark.bench.stix.PatternWorkloadExport OUT.json [patterns=200]
 * [observations=20]}.
 */
public final class PatternWorkloadExport {

  private PatternWorkloadExport() {}

  public static void main(String[] args) throws Exception {
    int patterns = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int observations = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    PatternWorkload w = new PatternWorkload(100_000, Math.max(observations, 1000), 17L);
    JsonMapper json = JsonMapper.builder().build();
    ObjectNode out = json.createObjectNode();
    ArrayNode ps = out.putArray("patterns");
    int step = w.indicators.size() / patterns;
    for (int i = 0; i < patterns; i++) {
      ps.add(w.indicators.get(i * step).pattern());
    }
    ArrayNode bs = out.putArray("bundles");
    // every 50th event carries an indicator's value in the workload; take a spread of events
    for (int i = 0; i < observations; i++) {
      bs.add(bundle(json, w.observations.get(i * (w.observations.size() / observations))));
    }
    Files.writeString(Path.of(args[0]), json.writeValueAsString(out));
  }

  private static ObjectNode bundle(JsonMapper json, Observation o) {
    ObjectNode b = json.createObjectNode();
    b.put("type", "bundle").put("id", "bundle--" + o.id());
    ArrayNode objects = b.putArray("objects");
    ObjectNode od = objects.addObject();
    String t = Instant.ofEpochSecond(o.firstMicros() / 1_000_000).toString();
    od.put("type", "observed-data").put("spec_version", "2.1").put("id", o.id());
    od.put("first_observed", t).put("last_observed", t).put("number_observed", o.numberObserved());
    ArrayNode refs = od.putArray("object_refs");
    for (JsonNode sco : o.objects().values()) {
      refs.add(sco.get("id").stringValue());
      objects.add(sco);
    }
    return b;
  }
}
