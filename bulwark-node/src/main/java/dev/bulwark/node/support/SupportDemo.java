package dev.bulwark.node.support;

import dev.bulwark.support.allocation.Offer;
import dev.bulwark.support.allocation.Requirement;
import dev.bulwark.support.ally.Ally;
import dev.bulwark.support.ally.BurdenKey;
import dev.bulwark.support.contribution.Category;
import dev.bulwark.support.contribution.Channel;
import dev.bulwark.support.contribution.Coalition;
import dev.bulwark.support.contribution.Contribution;
import dev.bulwark.support.contribution.Status;
import dev.bulwark.support.contribution.ValuationMethod;
import dev.bulwark.support.fairshare.Period;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The support part of {@code bulwark demo} (or of any node with {@code bulwark.support.demo=true}):
 * loads a SYNTHETIC ledger (every entry says so in its description and source; the Kiel tracker's
 * own file is not redistributable), a few requirements and offers, and publishes the alliance
 * report of last year, so that the console's Support page and the public report have content. The
 * figures are made up around each ally's fair share, with a fixed seed, so every demo shows the
 * same. Loading is skipped when the ledger already holds the demo entries. Runs once per start; not
 * thread-safe.
 */
@Component
@ConditionalOnExpression("${bulwark.support.demo:${bulwark.demo:false}}")
public class SupportDemo {
  static final String BATCH = "demo-synthetic";
  static final String LABEL = "SYNTHETIC demo entry, not real data";
  static final String SOURCE = "Bulwark demo (synthetic figures, not real data)";
  static final String USER = "bulwark-demo";

  private final ContributionStore ledger;
  private final PlanningStore planning;
  private final PublicationStore publications;
  private final SupportPlanner planner;
  private final ReportPublisher publisher;
  private final String nation;
  private final String publicBaseUrl;

  SupportDemo(
      ContributionStore ledger,
      PlanningStore planning,
      PublicationStore publications,
      SupportPlanner planner,
      ReportPublisher publisher,
      @Value("${bulwark.nation:EST}") String nation,
      @Value("${bulwark.support.public-base-url:}") String publicBaseUrl) {
    this.publicBaseUrl = publicBaseUrl.trim().replaceAll("/+$", "");
    this.ledger = ledger;
    this.planning = planning;
    this.publications = publications;
    this.planner = planner;
    this.publisher = publisher;
    this.nation = nation.toUpperCase(Locale.ROOT);
  }

  @EventListener
  void ready(ApplicationReadyEvent event) {
    String base = publicBaseUrl.isEmpty() ? baseUrl(event) : publicBaseUrl;
    int loaded = load(LocalDate.now(ZoneOffset.UTC));
    List<PublicationStore.Publication> published = publications.list();
    if (published.isEmpty()) {
      int year = LocalDate.now(ZoneOffset.UTC).getYear() - 1;
      publisher.publish(
          ReportQuery.from(
              Map.of("year", Integer.toString(year)),
              ledger.ledger(),
              LocalDate.now(ZoneOffset.UTC)),
          ledger.ledger(),
          USER,
          base);
      published = publications.list();
    }
    System.out.println(
        "  support console: "
            + base
            + "/console/support.html"
            + (loaded > 0
                ? "  ("
                    + loaded
                    + " SYNTHETIC contributions loaded: made-up demo figures, not real data)"
                : ""));
    System.out.println(
        "  published support report (TLP:CLEAR, no sign-in): "
            + base
            + ReportPublisher.PUBLIC_PATH
            + published.get(0).id());
    System.out.flush();
  }

  /**
   * Loads the synthetic ledger, requirements and offers unless present; returns the entries added.
   */
  public int load(LocalDate today) {
    int added = 0;
    if (ledger.ids().stream().noneMatch(id -> id.startsWith("demo-"))) {
      List<ContributionStore.NewEntry> entries = new ArrayList<>();
      for (Contribution c : contributions(today)) {
        entries.add(new ContributionStore.NewEntry(c, ""));
      }
      // one correction, as the tracker records them: a delivery valued too high, cancelled in part
      Contribution first =
          entries.stream()
              .map(ContributionStore.NewEntry::contribution)
              .filter(c -> c.donor().equals("DEU") && c.status() == Status.DELIVERED)
              .findFirst()
              .orElseThrow();
      BigDecimal part =
          first.eur().divide(BigDecimal.TEN, 0, RoundingMode.HALF_EVEN).negate().setScale(2);
      entries.add(
          new ContributionStore.NewEntry(
              new Contribution(
                  first.id() + "~c1",
                  first.donor(),
                  first.date(),
                  first.status(),
                  first.category(),
                  first.channel(),
                  first.coalition(),
                  part.stripTrailingZeros(),
                  "EUR",
                  part,
                  first.valuation(),
                  "in euros",
                  "Correction of " + first.id() + ": revalued at replacement cost. " + LABEL,
                  SOURCE),
              first.id()));
      ledger.addAll(entries, USER, nation, BATCH);
      added = entries.size();
    }
    if (planning.requirements().isEmpty() && planning.offers().isEmpty()) {
      int y = today.getYear() + 1;
      planning.addRequirements(requirements(y), USER);
      planning.addOffers(offers(y), USER);
    }
    return added;
  }

  /**
   * The synthetic ledger: two years back to this one, by half-year, around each ally's fair share.
   */
  List<Contribution> contributions(LocalDate today) {
    Random random = new Random(20240710L); // the Washington summit
    List<Contribution> out = new ArrayList<>();
    int thisYear = today.getYear();
    Category[] eligible = {
      Category.IN_KIND_DONATION,
      Category.IN_KIND_DONATION,
      Category.EQUIPMENT_PURCHASE,
      Category.EQUIPMENT_PURCHASE,
      Category.TRAINING,
      Category.NATO_TRUST_FUND,
      Category.DEFENCE_INFRASTRUCTURE_INDUSTRY
    };
    Coalition[] coalitions = Coalition.values();
    for (int year = thisYear - 2; year <= thisYear + 1; year++) {
      Map<String, BigDecimal> shares =
          planner.calculator(BurdenKey.GDP).shares(Period.year(year), Optional.empty());
      for (Ally a : planner.allies().membersOn(Period.year(year).end())) {
        double character = 0.35 + 1.3 * new Random(a.iso3().hashCode()).nextDouble();
        for (int half = 1; half <= 2; half++) {
          Period p = Period.half(year, half);
          double target = shares.get(a.iso3()).doubleValue() * 20e9;
          double given = target * character * (0.8 + 0.4 * random.nextDouble());
          int pieces = given > 2e9 ? 3 : given > 1e8 ? 2 : 1;
          for (int i = 0; i < pieces; i++) {
            LocalDate date = p.start().plusDays(15 + random.nextInt(150));
            Category category = eligible[random.nextInt(eligible.length)];
            Status status =
                date.isAfter(today)
                    ? Status.COMMITMENT
                    : (i == 0 ? Status.DELIVERED : Status.ALLOCATION);
            Channel channel =
                category == Category.NATO_TRUST_FUND
                    ? Channel.NATO
                    : random.nextInt(5) == 0 ? Channel.MULTILATERAL : Channel.BILATERAL;
            Optional<Coalition> coalition =
                category == Category.NATO_TRUST_FUND
                    ? Optional.empty()
                    : Optional.of(coalitions[random.nextInt(coalitions.length)]);
            BigDecimal eur =
                BigDecimal.valueOf(Math.max(1000, Math.round(given / pieces / 1000) * 1000L))
                    .setScale(2);
            out.add(
                demoEntry(
                    "demo-" + a.iso3() + "-" + p.label() + "-" + (i + 1),
                    a.iso3(),
                    date,
                    status,
                    category,
                    channel,
                    coalition,
                    eur));
          }
        }
        if (year <= thisYear) {
          BigDecimal aid =
              BigDecimal.valueOf(
                      Math.round(shares.get(a.iso3()).doubleValue() * 4e9 / 1000) * 1000L)
                  .setScale(2);
          if (aid.signum() > 0) {
            out.add(humanitarian(a.iso3(), year, aid));
          }
        }
      }
    }
    return out;
  }

  /** One synthetic contribution in euros, described by its category and coalition. */
  private static Contribution demoEntry(
      String id,
      String donor,
      LocalDate date,
      Status status,
      Category category,
      Channel channel,
      Optional<Coalition> coalition,
      BigDecimal eur) {
    return new Contribution(
        id,
        donor,
        date,
        status,
        category,
        channel,
        coalition,
        eur.stripTrailingZeros().setScale(0),
        "EUR",
        eur,
        ValuationMethod.DONOR_REPORTED,
        "in euros",
        LABEL
            + ": "
            + category.name().toLowerCase(Locale.ROOT).replace('_', ' ')
            + coalition
                .map(
                    c ->
                        " for the "
                            + c.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                            + " coalition")
                .orElse(""),
        SOURCE);
  }

  /** A year's humanitarian aid of an ally: reported, not counted towards the baseline. */
  private static Contribution humanitarian(String donor, int year, BigDecimal aid) {
    return new Contribution(
        "demo-" + donor + "-" + year + "-humanitarian",
        donor,
        LocalDate.of(year, 3, 1),
        Status.DELIVERED,
        Category.HUMANITARIAN,
        Channel.MULTILATERAL,
        Optional.empty(),
        aid.stripTrailingZeros().setScale(0),
        "EUR",
        aid,
        ValuationMethod.DONOR_REPORTED,
        "in euros",
        LABEL + ": humanitarian aid (reported, not counted)",
        SOURCE);
  }

  static List<Requirement> requirements(int y) {
    return List.of(
        new Requirement(
            "demo-r-amd-1",
            Coalition.AIR_AND_MISSILE_DEFENCE,
            "interceptor missiles",
            300,
            1_200_000,
            1,
            LocalDate.of(y, 3, 31)),
        new Requirement(
            "demo-r-art-1",
            Coalition.ARTILLERY,
            "155mm shells",
            400_000,
            3_500,
            1,
            LocalDate.of(y, 6, 30)),
        new Requirement(
            "demo-r-drn-1",
            Coalition.DRONES,
            "fpv drones",
            200_000,
            500,
            2,
            LocalDate.of(y, 3, 31)),
        new Requirement(
            "demo-r-af-1",
            Coalition.AIR_FORCE,
            "aircraft spare parts",
            100,
            400_000,
            2,
            LocalDate.of(y, 9, 30)),
        new Requirement(
            "demo-r-arm-1",
            Coalition.ARMOUR,
            "infantry fighting vehicles",
            60,
            4_000_000,
            2,
            LocalDate.of(y, 12, 31)),
        new Requirement(
            "demo-r-dem-1",
            Coalition.DEMINING,
            "demining kits",
            2_000,
            25_000,
            3,
            LocalDate.of(y, 9, 30)),
        new Requirement(
            "demo-r-it-1", Coalition.IT, "secure radios", 5_000, 12_000, 3, LocalDate.of(y, 6, 30)),
        new Requirement(
            "demo-r-mar-1",
            Coalition.MARITIME,
            "patrol boats",
            10,
            8_000_000,
            4,
            LocalDate.of(y + 1, 6, 30)));
  }

  static List<Offer> offers(int y) {
    return List.of(
        items(
            "demo-o-deu-1",
            "DEU",
            Coalition.AIR_AND_MISSILE_DEFENCE,
            "interceptor missiles",
            120,
            LocalDate.of(y, 1, 15)),
        items(
            "demo-o-usa-1",
            "USA",
            Coalition.AIR_AND_MISSILE_DEFENCE,
            "interceptor missiles",
            150,
            LocalDate.of(y, 5, 1)),
        items(
            "demo-o-fra-1",
            "FRA",
            Coalition.ARTILLERY,
            "155mm shells",
            150_000,
            LocalDate.of(y, 2, 1)),
        items(
            "demo-o-pol-1",
            "POL",
            Coalition.ARTILLERY,
            "155mm shells",
            100_000,
            LocalDate.of(y, 4, 1)),
        new Offer(
            "demo-o-gbr-1",
            "GBR",
            Offer.Kind.FUNDS,
            Optional.of(Coalition.DRONES),
            "",
            60_000_000,
            LocalDate.of(y, 1, 1)),
        items(
            "demo-o-est-1", "EST", Coalition.DRONES, "fpv drones", 20_000, LocalDate.of(y, 1, 10)),
        items(
            "demo-o-nld-1",
            "NLD",
            Coalition.ARMOUR,
            "infantry fighting vehicles",
            20,
            LocalDate.of(y, 6, 1)),
        new Offer(
            "demo-o-nor-1",
            "NOR",
            Offer.Kind.FUNDS,
            Optional.empty(),
            "",
            200_000_000,
            LocalDate.of(y, 1, 1)),
        items(
            "demo-o-can-1", "CAN", Coalition.DEMINING, "demining kits", 800, LocalDate.of(y, 3, 1)),
        items("demo-o-ltu-1", "LTU", Coalition.IT, "secure radios", 1_000, LocalDate.of(y, 2, 1)),
        new Offer(
            "demo-o-dnk-1",
            "DNK",
            Offer.Kind.FUNDS,
            Optional.of(Coalition.AIR_FORCE),
            "",
            30_000_000,
            LocalDate.of(y, 1, 1)),
        items("demo-o-swe-1", "SWE", Coalition.MARITIME, "patrol boats", 4, LocalDate.of(y, 8, 1)));
  }

  private static Offer items(
      String id, String ally, Coalition c, String item, double quantity, LocalDate from) {
    return new Offer(id, ally, Offer.Kind.ITEMS, Optional.of(c), item, quantity, from);
  }

  private static String baseUrl(ApplicationReadyEvent event) {
    var env = event.getApplicationContext().getEnvironment();
    String scheme = env.getProperty("server.ssl.enabled", Boolean.class, false) ? "https" : "http";
    if (event.getApplicationContext() instanceof WebServerApplicationContext web
        && web.getWebServer() != null) {
      return scheme + "://localhost:" + web.getWebServer().getPort();
    }
    return scheme + "://localhost:8080";
  }
}
