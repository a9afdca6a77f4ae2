package dev.bulwark.incidents.stix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.incidents.IncidentException;
import dev.bulwark.incidents.Samples;
import dev.bulwark.incidents.kinds.ActDetails;
import dev.bulwark.stix.StixObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Mutated incidents are read back or refused with problems, never with another exception. */
class IncidentStixPropertiesTest {

  @Provide
  Arbitrary<JsonNode> junk() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return Arbitraries.of(
        f.nullNode(),
        f.textNode(""),
        f.textNode("x"),
        f.numberNode(-1),
        f.numberNode(1e308),
        f.booleanNode(true),
        f.arrayNode(),
        f.objectNode(),
        f.textNode("2024-13-45T99:00:00Z"),
        f.arrayNode().add(f.numberNode(1)),
        f.textNode("incident--x"));
  }

  @Property(tries = 400)
  void anyMutationIsReadOrRefusedWithProblems(
      @ForAll @IntRange(max = 11) int kind,
      @ForAll @IntRange(max = 200) int at,
      @ForAll("junk") JsonNode value) {
    ActDetails d = Samples.everyKind().get(kind);
    ObjectNode o = IncidentStix.firstVersion(Samples.of(d), Samples.T0).json();
    List<ObjectNode> containers = new ArrayList<>();
    List<String> names = new ArrayList<>();
    collect(o, containers, names);
    int i = at % containers.size();
    containers.get(i).set(names.get(i), value);
    try {
      IncidentStix.fromStix(StixObject.of(o));
    } catch (IncidentException e) {
      assertThat(e.problems()).isNotEmpty();
    }
  }

  private static void collect(ObjectNode o, List<ObjectNode> containers, List<String> names) {
    for (Map.Entry<String, JsonNode> e : o.properties()) {
      containers.add(o);
      names.add(e.getKey());
      if (e.getValue() instanceof ObjectNode child) {
        collect(child, containers, names);
      }
    }
  }
}
