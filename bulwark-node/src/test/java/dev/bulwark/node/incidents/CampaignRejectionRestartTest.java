package dev.bulwark.node.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.testing.NodeHttp;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A rejected campaign suggestion stays rejected for its nation across a real restart of the node
 * (the Spring context is closed and a new one started on the same home and database), and only for
 * that nation: another nation that sees the same incidents is still offered it.
 */
class CampaignRejectionRestartTest {
  private RegisterNode node;

  @AfterEach
  void stop() throws Exception {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void aRejectionSurvivesARestartAndBindsOnlyTheRejectingNation() throws Exception {
    node = new RegisterNode();
    PrincipalStore principals = node.bean(PrincipalStore.class);
    EnumSet<Role> roles = EnumSet.of(Role.READER, Role.CONTRIBUTOR);
    String estToken =
        principals.add("est-r", "EST", roles, Optional.empty(), 0L, Optional.empty()).token();
    String finToken =
        principals.add("fin-r", "FIN", roles, Optional.empty(), 0L, Optional.empty()).token();
    NodeHttp est = node.client("est-r", estToken);
    String a = CampaignApiTest.act(est, "Restart cable cut A", "17", "green");
    String b = CampaignApiTest.act(est, "Restart cable cut B", "18", "green");
    JsonNode suggestion = suggestionOver(est, a, b);
    String id = suggestion.path("id").asString();

    HttpResponse<String> rejected =
        est.postJson(
            "/api/campaigns/suggestions/reject",
            "{\"incidents\":" + suggestion.path("incidents") + "}");
    assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
    assertThat(ids(est)).doesNotContain(id);

    node.restart();

    NodeHttp estAgain = node.client("est-r", estToken);
    NodeHttp finAgain = node.client("fin-r", finToken);
    assertThat(ids(estAgain)).as("EST after the restart").doesNotContain(id);
    assertThat(ids(finAgain)).as("FIN never rejected it").contains(id);
    assertThat(node.bean(CampaignRejections.class).rejected("EST")).containsExactly(id);
    // rejecting again is no error and keeps one record
    assertThat(
            estAgain
                .postJson(
                    "/api/campaigns/suggestions/reject",
                    "{\"incidents\":" + suggestion.path("incidents") + "}")
                .statusCode())
        .isEqualTo(200);
    assertThat(node.bean(CampaignRejections.class).rejected("EST")).containsExactly(id);
  }

  private static JsonNode suggestionOver(NodeHttp who, String a, String b) {
    for (JsonNode s : who.getJson("/api/campaigns/suggestions")) {
      String members = s.path("incidents").toString();
      if (members.contains(a) && members.contains(b)) {
        return s;
      }
    }
    throw new AssertionError("no suggestion over " + a + " and " + b);
  }

  private static String ids(NodeHttp who) {
    StringBuilder out = new StringBuilder();
    who.getJson("/api/campaigns/suggestions")
        .forEach(s -> out.append(s.path("id").asString()).append(' '));
    return out.toString();
  }
}
