package dev.bulwark.support.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.support.ally.Allies;
import dev.bulwark.support.ally.EconomicSeries;
import dev.bulwark.support.contribution.Status;
import dev.bulwark.support.fairshare.FairShareCalculator;
import dev.bulwark.support.fairshare.Period;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class HtmlReportTest {

  private final FairShareCalculator calculator =
      new FairShareCalculator(Allies.nato(), EconomicSeries.worldBankGdp());
  private static final OffsetDateTime AT = OffsetDateTime.parse("2025-01-15T10:00:00Z");

  private SupportReport report(Optional<String> ally) {
    List<Period> history = new ArrayList<>(Period.halves(2023));
    history.addAll(Period.halves(2024));
    return SupportReport.build(
        calculator,
        ReportFixtures.ledger(),
        Period.year(2024),
        history,
        FairShareCalculator.WASHINGTON_BASELINE_EUR,
        Optional.empty(),
        Status.ALLOCATION,
        ally,
        AT,
        Optional.of("TLP:CLEAR"));
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void allianceReportIsWellFormedWithInlineChartsAndNoScripts() throws Exception {
    StringWriter w = new StringWriter();
    HtmlReport.write(report(Optional.empty()), w);
    String html = w.toString();

    Document doc = parse(html);
    NodeList svgs = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg");
    assertThat(svgs.getLength()).isEqualTo(3);
    assertThat(doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect").getLength())
        .isGreaterThan(64);
    assertThat(html).doesNotContain("<script").doesNotContain("src=").doesNotContain("href=");
    assertThat(html)
        .contains("TLP:CLEAR")
        .contains("United States")
        .contains("EUR 21.15 bn")
        .contains("2024-H2");
    assertThat(html).contains("155 mm &lt;shells&gt; &amp; fuses");
    // Counted for 2024: USA 9 bn delivered, EST 40 m - 5 m; the pledge and commitment do not count.
    assertThat(html).contains("counted <b>EUR 9.04 bn</b>");
  }

  @Test
  void allyReportShowsItsShareAndGap() throws Exception {
    StringWriter w = new StringWriter();
    HtmlReport.write(report(Optional.of("EST")), w);
    Document doc = parse(w.toString());
    assertThat(doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg").getLength())
        .isEqualTo(1);
    assertThat(w.toString())
        .contains("Support to Ukraine: Estonia, 2024")
        .contains("surplus <b>EUR 3.5 m</b>")
        .doesNotContain("U1");
  }

  @Test
  void csvAndJsonCarryTheSameFigures() throws Exception {
    SupportReport r = report(Optional.empty());
    StringWriter csv = new StringWriter();
    CsvReport.write(r, csv);
    List<String> lines = csv.toString().lines().toList();
    assertThat(lines.get(0)).isEqualTo(CsvReport.HEADER);
    // 1 + 4 periods, each 32 allies (31 in 2023) + 1 alliance row
    assertThat(lines).hasSize(1 + 33 + 32 + 32 + 33 + 33);
    assertThat(lines)
        .anyMatch(l -> l.startsWith("2024,ALL,Alliance,GDP,2023,,1,40000000000.00,9035000000.00,"));

    StringWriter json = new StringWriter();
    JsonReport.write(r, json);
    JsonNode root = JsonMapper.builder().build().readTree(new StringReader(json.toString()));
    assertThat(root.get("focus").get("counted_eur").asString()).isEqualTo("9035000000.00");
    assertThat(root.get("history")).hasSize(4);
    assertThat(root.get("entries")).hasSize(5);
    assertThat(root.get("marking").asString()).isEqualTo("TLP:CLEAR");
  }
}
