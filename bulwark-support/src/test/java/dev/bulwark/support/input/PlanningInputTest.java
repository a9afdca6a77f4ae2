package dev.bulwark.support.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.support.allocation.Offer;
import dev.bulwark.support.allocation.Requirement;
import dev.bulwark.support.ally.Allies;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Requirements and offers as JSON or CSV, all or nothing; another ally's offer is not yours. */
class PlanningInputTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final PlanningInput input = new PlanningInput(Allies.nato());

  private static final String EST_OFFER =
      "{\"id\":\"t-off-est\",\"ally\":\"EST\",\"kind\":\"items\",\"coalition\":\"drones\","
          + "\"item\":\"fpv drones\",\"quantity\":600,\"available_from\":\"2030-01-01\"}";
  private static final String USA_OFFER =
      "{\"id\":\"t-off-usa\",\"ally\":\"USA\",\"kind\":\"funds\",\"coalition\":null,"
          + "\"item\":\"\",\"quantity\":1000000,\"available_from\":\"2030-01-01\"}";

  private List<Offer> offers(String json, Optional<String> only) {
    return input.offers(Optional.of(JSON.readTree(json)), Optional.empty(), Set.of(), only);
  }

  @Test
  void requirementsAsCsvAreReadAndAHeldIdIsRefused() {
    String csv =
        "id,coalition,item,quantity,unit_value_eur,priority,need_by\n"
            + "t-req-1,drones,fpv drones,1000,500,1,2030-06-30\n"
            + "t-req-2,demining,demining kits,10,25000,3,2030-06-30\n";
    List<Requirement> r = input.requirements(Optional.empty(), Optional.of(csv), Set.of());
    assertThat(r).extracting(Requirement::id).containsExactly("t-req-1", "t-req-2");
    assertThatThrownBy(
            () -> input.requirements(Optional.empty(), Optional.of(csv), Set.of("t-req-2")))
        .isInstanceOfSatisfying(
            InputRejected.class,
            e -> assertThat(e.problems().get(0).where()).isEqualTo("id t-req-2"));
  }

  @Test
  void anotherAllysOfferRefusesTheUploadNamingIt() {
    assertThatThrownBy(() -> offers("[" + EST_OFFER + "," + USA_OFFER + "]", Optional.of("EST")))
        .isInstanceOfSatisfying(
            InputRejected.class,
            e -> {
              assertThat(e.kind()).isEqualTo(InputRejected.Kind.NOT_YOURS);
              assertThat(e.problems().get(0).where()).isEqualTo("offer t-off-usa");
            });
    assertThat(offers("[" + EST_OFFER + "," + USA_OFFER + "]", Optional.empty())).hasSize(2);
  }

  @Test
  void aBadOfferIsNamedByItsIndex() {
    assertThatThrownBy(() -> offers(USA_OFFER.replace("\"funds\"", "\"tanks\""), Optional.empty()))
        .isInstanceOfSatisfying(
            InputRejected.class,
            e -> {
              assertThat(e.kind()).isEqualTo(InputRejected.Kind.INVALID);
              assertThat(e.problems().get(0).where()).isEqualTo("offers[0]");
            });
  }
}
