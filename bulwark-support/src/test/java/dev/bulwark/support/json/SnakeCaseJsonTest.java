package dev.bulwark.support.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bulwark.support.allocation.AllocationInput;
import dev.bulwark.support.allocation.AllocationResult;
import dev.bulwark.support.allocation.Offer;
import dev.bulwark.support.allocation.Requirement;
import dev.bulwark.support.contribution.Coalition;
import dev.bulwark.support.contribution.Status;
import dev.bulwark.support.forecast.Forecaster;
import dev.bulwark.support.forecast.PledgeChange;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The support JSON that the API and the CLI both print: every field name in snake_case, and the
 * allocation's figures where the API has always put them.
 */
class SnakeCaseJsonTest {

  static List<String> fieldNames(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n.isObject()) {
      for (var f : n.properties()) {
        out.add(f.getKey());
        out.addAll(fieldNames(f.getValue()));
      }
    } else if (n.isArray()) {
      n.values().forEach(v -> out.addAll(fieldNames(v)));
    }
    return out;
  }

  private static AllocationResult allocation() {
    List<Requirement> reqs =
        List.of(
            new Requirement(
                "R1", Coalition.DRONES, "fpv", 1000, 500, 1, LocalDate.of(2030, 6, 30)));
    List<Offer> offers =
        List.of(
            new Offer(
                "O1",
                "EST",
                Offer.Kind.ITEMS,
                Optional.of(Coalition.DRONES),
                "fpv",
                600,
                LocalDate.of(2030, 1, 1)));
    return new AllocationInput(Map.of("EST", 0.5, "USA", 0.5), Map.of()).allocate(reqs, offers);
  }

  @Test
  void theAllocationHasTheApisFieldsAllInSnakeCase() {
    JsonNode a = AllocationJson.allocation(allocation(), 2030);
    assertThat(fieldNames(a)).allMatch(f -> f.matches("[a-z0-9_]+"));
    assertThat(a.path("year").asInt()).isEqualTo(2030);
    assertThat(a.path("shortfall_eur").asDouble()).isEqualTo(200_000.0, within(0.01));
    JsonNode r = a.path("requirements").path(0);
    assertThat(r.path("id").asString()).isEqualTo("R1");
    assertThat(r.path("unit_value_eur").asDouble()).isEqualTo(500.0);
    assertThat(r.path("filled_units").asDouble()).isEqualTo(600.0, within(1e-6));
    assertThat(r.path("shortfall_units").asDouble()).isEqualTo(400.0, within(1e-6));
    assertThat(r.path("filled_by").path(0).path("offer").asString()).isEqualTo("O1");
    assertThat(a.path("offers").path(0).path("available_from").asString()).isEqualTo("2030-01-01");
    assertThat(a.path("assignments").path(0).path("value_eur").asDouble())
        .isEqualTo(300_000.0, within(0.01));
    assertThat(a.path("allies").path(0).has("deviation_eur")).isTrue();
    assertThat(a.path("fairness_stage").asString()).isNotEmpty();
  }

  @Test
  void theForecastIsInSnakeCaseWithMoneyAsDecimalStrings() {
    var f =
        new Forecaster(Status.ALLOCATION)
            .forecast(
                LocalDate.of(2025, 1, 1),
                4,
                new BigDecimal("1600"),
                List.of(),
                List.of(),
                List.of(PledgeChange.parse("DEU=+50%")));
    JsonNode n = ForecastJson.forecast(f);
    assertThat(fieldNames(n)).allMatch(x -> x.matches("[a-z0-9_]+"));
    assertThat(n.path("quarters").path(0).path("need_eur").asString()).isEqualTo("400.00");
    assertThat(n.path("quarters").path(0).path("start").asString()).isEqualTo("2025-01-01");
    assertThat(n.path("total_need_eur").isString()).isTrue();
    assertThat(n.path("changes").path(0).path("ally").asString()).isEqualTo("DEU");
  }
}
