package dev.bulwark.node.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.bulwark.node.store.TestDatabases;
import dev.bulwark.support.allocation.Offer;
import dev.bulwark.support.allocation.Requirement;
import dev.bulwark.support.contribution.Category;
import dev.bulwark.support.contribution.Channel;
import dev.bulwark.support.contribution.Coalition;
import dev.bulwark.support.contribution.Contribution;
import dev.bulwark.support.contribution.Status;
import dev.bulwark.support.contribution.ValuationMethod;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The support tables (migration V8) on every database the node supports: H2 always, PostgreSQL when
 * configured.
 */
class SupportStoreTest {

  static Stream<TestDatabases.Kind> databases() {
    return TestDatabases.all();
  }

  static Contribution entry(String id, String amount, String currency, String eur) {
    return new Contribution(
        id,
        "EST",
        LocalDate.of(2024, 3, 1),
        Status.DELIVERED,
        Category.IN_KIND_DONATION,
        Channel.BILATERAL,
        Optional.of(Coalition.DRONES),
        new BigDecimal(amount),
        currency,
        new BigDecimal(eur),
        ValuationMethod.REPLACEMENT_COST,
        "annual average rates 2024",
        "drones, \"batch 3\"",
        "https://example.org/p");
  }

  @ParameterizedTest
  @MethodSource("databases")
  void entriesComeBackExactlyAsEnteredAndInOrder(TestDatabases.Kind db) throws Exception {
    try (HikariDataSource ds = db.open()) {
      ContributionStore store = new ContributionStore(ds, Clock.systemUTC());
      Contribution a = entry("a", "1234567.891", "USD", "1135802.46");
      Contribution b = entry("b", "500", "EUR", "500.00");
      store.addAll(
          List.of(new ContributionStore.NewEntry(a, ""), new ContributionStore.NewEntry(b, "")),
          "officer",
          "EST",
          "batch-1");
      Contribution corr = entry("a~c1", "-1000", "USD", "-920.00");
      store.addAll(List.of(new ContributionStore.NewEntry(corr, "a")), "officer", "EST", "batch-2");

      List<StoredContribution> all = store.list();
      assertThat(all).extracting(s -> s.contribution().id()).containsExactly("a", "b", "a~c1");
      assertThat(all.get(0).contribution()).isEqualTo(a);
      assertThat(all.get(1).contribution()).isEqualTo(b);
      assertThat(all.get(2).contribution()).isEqualTo(corr);
      assertThat(all.get(0).enteredBy()).isEqualTo("officer");
      assertThat(all.get(0).batch()).isEqualTo("batch-1");
      assertThat(store.correctionsOf("a"))
          .extracting(StoredContribution::corrects)
          .containsExactly("a");
      assertThat(store.find("b")).isPresent();
      assertThat(store.ids()).containsExactlyInAnyOrder("a", "b", "a~c1");
      assertThat(store.count()).isEqualTo(3);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void anUploadWithAnIdAlreadyHeldStoresNothing(TestDatabases.Kind db) throws Exception {
    try (HikariDataSource ds = db.open()) {
      ContributionStore store = new ContributionStore(ds, Clock.systemUTC());
      store.addAll(
          List.of(new ContributionStore.NewEntry(entry("x", "1", "EUR", "1.00"), "")),
          "p",
          "EST",
          "b1");
      assertThatThrownBy(
              () ->
                  store.addAll(
                      List.of(
                          new ContributionStore.NewEntry(entry("y", "1", "EUR", "1.00"), ""),
                          new ContributionStore.NewEntry(entry("x", "2", "EUR", "2.00"), "")),
                      "p",
                      "EST",
                      "b2"))
          .isInstanceOf(ContributionStore.DuplicateIdException.class);
      assertThat(store.ids()).containsExactly("x");
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void requirementsOffersAndPublicationsAreKept(TestDatabases.Kind db) throws Exception {
    try (HikariDataSource ds = db.open()) {
      PlanningStore planning = new PlanningStore(ds, Clock.systemUTC());
      Requirement r =
          new Requirement(
              "r1",
              Coalition.ARTILLERY,
              "155mm shells",
              1000,
              3500.5,
              1,
              LocalDate.of(2026, 6, 30));
      Offer items =
          new Offer(
              "o1",
              "FRA",
              Offer.Kind.ITEMS,
              Optional.of(Coalition.ARTILLERY),
              "155mm shells",
              400,
              LocalDate.of(2026, 1, 1));
      Offer funds =
          new Offer(
              "o2", "NOR", Offer.Kind.FUNDS, Optional.empty(), "", 2.5e6, LocalDate.of(2026, 2, 1));
      planning.addRequirements(List.of(r), "admin");
      planning.addOffers(List.of(items, funds), "officer");
      assertThat(planning.requirements()).containsExactly(r);
      assertThat(planning.offers())
          .extracting(PlanningStore.StoredOffer::offer)
          .containsExactly(items, funds);
      assertThatThrownBy(
              () ->
                  planning.addOffers(
                      List.of(
                          new Offer(
                              "o3",
                              "FRA",
                              Offer.Kind.FUNDS,
                              Optional.empty(),
                              "",
                              1,
                              LocalDate.of(2026, 1, 1)),
                          items),
                      "officer"))
          .isInstanceOf(ContributionStore.DuplicateIdException.class);
      assertThat(planning.offers()).hasSize(2);
      assertThat(planning.deleteOffer("o1")).isTrue();
      assertThat(planning.deleteOffer("o1")).isFalse();

      PublicationStore publications = new PublicationStore(ds);
      String html = "<html>" + "x".repeat(200_000) + "</html>";
      long id =
          publications.add("2025", "Support to Ukraine", "admin", 1L, "report--1", html, "{}");
      long second =
          publications.add("2026", "Support to Ukraine", "admin", 2L, "report--2", "<p/>", "{}");
      assertThat(second).isGreaterThan(id);
      assertThat(publications.list())
          .extracting(PublicationStore.Publication::id)
          .containsExactly(second, id);
      assertThat(publications.html(id)).contains(html);
      publications.remove(second);
      assertThat(publications.html(second)).isEmpty();
    }
  }
}
