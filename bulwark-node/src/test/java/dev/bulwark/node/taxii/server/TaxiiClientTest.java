package dev.bulwark.node.taxii.server;

import static dev.bulwark.node.taxii.server.TestNode.campaign;
import static dev.bulwark.node.taxii.server.TestNode.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.node.taxii.client.TaxiiClient;
import dev.bulwark.node.taxii.client.TaxiiClientException;
import dev.bulwark.node.taxii.client.TaxiiQuery;
import dev.bulwark.node.taxii.client.TaxiiResources;
import dev.bulwark.stix.StixObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Java TAXII client against a real node over HTTPS: every call it offers, and its errors. */
class TaxiiClientTest {
  static final String ME = "identity--3c000000-0000-4000-8000-0000000000aa";
  static TestNode node;
  static TaxiiClient client;
  static URI server;
  static URI root;

  @BeforeAll
  static void start() {
    node = TestNode.get();
    String token = node.principal("client-test", "EST", "reader,contributor", Optional.of(ME));
    client =
        TaxiiClient.builder().basic("client-test", token).sslContext(node.trustingNode).build();
    server = node.uri("/");
    root = node.uri("/bulwark/");
  }

  @Test
  void discoversTheServerAndItsCollections() {
    TaxiiResources.Discovery d = client.discover(server);
    assertThat(d.apiRoots()).contains(root.toString());
    assertThat(client.apiRoot(root).versions()).containsExactly(TaxiiClient.MEDIA_TYPE);
    assertThat(client.collections(root)).extracting(c -> c.alias().orElse("")).contains("intel");
    assertThat(client.collection(root, "intel").canWrite()).isTrue();
  }

  @Test
  void addsPagesThroughAndReadsVersionsAndManifest() {
    String type = "x-client-" + Long.toHexString(System.nanoTime());
    List<String> objects = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      objects.add(
          TaxiiServerConformanceTest.custom(type + "--" + UUID.randomUUID(), type)
              .replace(TaxiiServerConformanceTest.EST_ID, ME));
    }
    TaxiiResources.Status status = client.add(root, "intel", objects);
    assertThat(status.successCount()).isEqualTo(25);
    assertThat(client.status(root, status.id()).successCount()).isEqualTo(25);
    List<StixObject> got = new ArrayList<>();
    List<Long> progress = new ArrayList<>();
    long n =
        client.forEachObject(
            root,
            "intel",
            TaxiiQuery.all().withTypes(List.of(type)).withLimit(4),
            got::add,
            progress::add);
    assertThat(n).isEqualTo(25);
    assertThat(got).extracting(StixObject::type).containsOnly(type);
    assertThat(progress).hasSize(7).endsWith(25L);
    assertThat(
            client
                .manifest(
                    root, "intel", TaxiiQuery.all().withTypes(List.of(type)), Optional.empty())
                .objects())
        .hasSize(25);

    String id = newId("campaign");
    client.add(
        root,
        "intel",
        List.of(
            campaign(id, "2026-01-02T00:00:00.000Z", ME),
            campaign(id, "2026-01-03T00:00:00.000Z", ME)));
    assertThat(client.versions(root, "intel", id, TaxiiQuery.all(), Optional.empty()).versions())
        .hasSize(2);
    TaxiiResources.Envelope one = client.object(root, "intel", id, TaxiiQuery.all());
    assertThat(one.objects())
        .singleElement()
        .satisfies(o -> assertThat(o.modified()).hasValue("2026-01-03T00:00:00.000Z"));
    assertThat(one.dateAddedFirst()).isPresent();
    client.delete(root, "intel", id, TaxiiQuery.all());
    assertThatThrownBy(() -> client.object(root, "intel", id, TaxiiQuery.all()))
        .isInstanceOfSatisfying(
            TaxiiClientException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  void errorsCarryTheStatusAndTheServersMessage() {
    assertThatThrownBy(() -> client.collection(root, "no-such-collection"))
        .isInstanceOfSatisfying(
            TaxiiClientException.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.getMessage()).contains("no-such-collection");
            });
    TaxiiClient anonymous = TaxiiClient.builder().sslContext(node.trustingNode).build();
    assertThatThrownBy(() -> anonymous.collections(root))
        .isInstanceOfSatisfying(
            TaxiiClientException.class, e -> assertThat(e.status()).isEqualTo(401));
    TaxiiClient untrusting = TaxiiClient.builder().build();
    assertThatThrownBy(() -> untrusting.discover(server))
        .isInstanceOfSatisfying(TaxiiClientException.class, e -> assertThat(e.status()).isZero());
  }
}
