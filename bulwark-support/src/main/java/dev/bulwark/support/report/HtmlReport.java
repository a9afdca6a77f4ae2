package dev.bulwark.support.report;

import dev.bulwark.support.contribution.Contribution;
import dev.bulwark.support.fairshare.AllyShare;
import dev.bulwark.support.fairshare.FairShareResult;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Renders a report as one self-contained XHTML page: inline CSS and inline SVG charts (fair share
 * against counted support per ally, the percentage of its share each ally reached, and the
 * shortfall per period), no script and nothing fetched from elsewhere, so it can be published or
 * mailed as is. The output is well-formed XML. Stateless and thread-safe.
 */
public final class HtmlReport {

  private static final String BLUE = "#1f5fa8";
  private static final String GREY = "#b8c0cc";
  private static final String RED = "#c0392b";

  private HtmlReport() {}

  public static void write(SupportReport report, Writer out) throws IOException {
    StringBuilder h = new StringBuilder(64 * 1024);
    FairShareResult f = report.focus();
    h.append(
            "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>")
        .append(esc(report.title()))
        .append("</title>\n<style>\n")
        .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1000px}")
        .append(
            "table{border-collapse:collapse;font-size:13px}td,th{padding:2px 8px;border-bottom:1px solid #ddd;text-align:right}")
        .append(
            "td:first-child,th:first-child,td.l{text-align:left}.gap{color:"
                + RED
                + "}.mark{font-weight:bold;border:2px solid #222;display:inline-block;padding:2px 8px}")
        .append(
            "svg text{font-size:11px;font-family:system-ui,sans-serif}\n</style>\n</head>\n<body>\n");
    report.marking().ifPresent(m -> h.append("<p class=\"mark\">").append(esc(m)).append("</p>\n"));
    h.append("<h1>").append(esc(report.title())).append("</h1>\n");
    h.append("<p>Baseline for ")
        .append(esc(f.period().label()))
        .append(": <b>")
        .append(money(f.baselineEur()))
        .append("</b>, shared in proportion to ")
        .append(f.key())
        .append(" ")
        .append(f.keyYear())
        .append(" (World Bank, current US$). Counted: eligible military support at status '")
        .append(f.counted().name().toLowerCase(Locale.ROOT))
        .append("' or beyond. Generated ")
        .append(esc(report.generated().toString()))
        .append(".</p>\n");
    if (report.ally().isEmpty()) {
      h.append("<p>Alliance: counted <b>")
          .append(money(f.totalEligibleEur()))
          .append("</b>, shortfall against the baseline <b class=\"gap\">")
          .append(money(f.shortfallEur()))
          .append("</b>; gaps of the allies below their share: ")
          .append(money(f.sumOfGapsEur()))
          .append(".</p>\n");
      h.append("<h2>Fair share and counted support, by ally</h2>\n");
      fairShareChart(h, f.allies());
      h.append("<h2>Part of its fair share each ally reached</h2>\n");
      percentChart(h, f.allies());
      h.append("<h2>Shortfall over time</h2>\n");
      shortfallChart(h, report.history());
      h.append("<h2>Gap table</h2>\n");
      table(h, f.allies());
    } else {
      AllyShare a = f.of(report.ally().get()).orElseThrow();
      h.append("<p>")
          .append(esc(a.ally().name()))
          .append("'s share: ")
          .append(pct(a.share()))
          .append(" of allied ")
          .append(f.key())
          .append(", i.e. <b>")
          .append(money(a.fairShareEur()))
          .append("</b>; counted <b>")
          .append(money(a.eligibleEur()))
          .append("</b>; ")
          .append(
              a.gapEur().signum() > 0
                  ? "gap <b class=\"gap\">" + money(a.gapEur()) + "</b>"
                  : "surplus <b>" + money(a.surplusEur()) + "</b>")
          .append(". Humanitarian and financial aid (not counted): ")
          .append(money(a.reportingOnlyEur()))
          .append(".</p>\n");
      h.append("<h2>Fair share and counted support over time</h2>\n");
      allyHistoryChart(h, report.history(), a.ally().iso3());
      table(h, List.of(a));
    }
    h.append("<h2>Ledger entries in ").append(esc(f.period().label())).append("</h2>\n");
    entries(h, report.entries());
    h.append(
        "<p style=\"font-size:11px;color:#666\">Sources: GDP, World Bank (ODC-PDDL); exchange rates, US Federal Reserve (ODC-PDDL); "
            + "entries as cited per row (e.g. Kiel Institute for the World Economy, Ukraine Support Tracker).</p>\n</body>\n</html>\n");
    out.write(h.toString());
  }

  private static void fairShareChart(StringBuilder h, List<AllyShare> allies) {
    int row = 18;
    int left = 130;
    int width = 860;
    int height = allies.size() * row + 30;
    double max =
        allies.stream()
            .mapToDouble(
                a -> Math.max(a.fairShareEur().doubleValue(), a.eligibleEur().doubleValue()))
            .max()
            .orElse(1);
    max = max <= 0 ? 1 : max;
    h.append(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Fair share and counted support by ally\" width=\"")
        .append(width + 40)
        .append("\" height=\"")
        .append(height)
        .append("\">\n");
    legend(h, left, 12);
    int y = 24;
    // room right of the longest bar for its label, "EUR 21.15 bn / EUR 21.15 bn" (it was clipped)
    int labelRoom = 230;
    for (AllyShare a : allies) {
      double fw = (width - left - labelRoom) * a.fairShareEur().doubleValue() / max;
      double cw = (width - left - labelRoom) * Math.max(0, a.eligibleEur().doubleValue()) / max;
      h.append("<text x=\"")
          .append(left - 6)
          .append("\" y=\"")
          .append(y + 12)
          .append("\" text-anchor=\"end\">")
          .append(esc(a.ally().name()))
          .append("</text>");
      h.append("<rect x=\"")
          .append(left)
          .append("\" y=\"")
          .append(y + 1)
          .append("\" width=\"")
          .append(fmt(fw))
          .append("\" height=\"14\" fill=\"")
          .append(GREY)
          .append("\"/>");
      h.append("<rect x=\"")
          .append(left)
          .append("\" y=\"")
          .append(y + 5)
          .append("\" width=\"")
          .append(fmt(cw))
          .append("\" height=\"6\" fill=\"")
          .append(BLUE)
          .append("\"/>");
      h.append("<text x=\"")
          .append(fmt(left + Math.max(fw, cw) + 4))
          .append("\" y=\"")
          .append(y + 12)
          .append("\">")
          // in the legend's order: fair share, then counted
          .append(money(a.fairShareEur()))
          .append(" / ")
          .append(money(a.eligibleEur()))
          .append("</text>\n");
      y += row;
    }
    h.append("</svg>\n");
  }

  private static void percentChart(StringBuilder h, List<AllyShare> allies) {
    int row = 18;
    int left = 130;
    int scale = 300; // pixels for 100 %
    int height = allies.size() * row + 16;
    h.append(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Percent of fair share reached\" width=\"")
        .append(left + 2 * scale + 80)
        .append("\" height=\"")
        .append(height)
        .append("\">\n");
    int y = 4;
    for (AllyShare a : allies) {
      double p =
          a.fairShareEur().signum() == 0
              ? 0
              : a.eligibleEur().doubleValue() / a.fairShareEur().doubleValue();
      double w = scale * Math.min(2, Math.max(0, p));
      h.append("<text x=\"")
          .append(left - 6)
          .append("\" y=\"")
          .append(y + 12)
          .append("\" text-anchor=\"end\">")
          .append(esc(a.ally().name()))
          .append("</text>");
      h.append("<rect x=\"")
          .append(left)
          .append("\" y=\"")
          .append(y + 2)
          .append("\" width=\"")
          .append(fmt(w))
          .append("\" height=\"12\" fill=\"")
          .append(p >= 1 ? BLUE : RED)
          .append("\"/>");
      h.append("<text x=\"")
          .append(fmt(left + w + 4))
          .append("\" y=\"")
          .append(y + 12)
          .append("\">")
          .append(String.format(Locale.ROOT, "%.0f %%", p * 100))
          .append("</text>\n");
      y += row;
    }
    h.append("<line x1=\"")
        .append(left + scale)
        .append("\" y1=\"0\" x2=\"")
        .append(left + scale)
        .append("\" y2=\"")
        .append(height)
        .append("\" stroke=\"#222\" stroke-dasharray=\"4 3\"/><text x=\"")
        .append(left + scale + 3)
        .append("\" y=\"")
        .append(height - 2)
        .append("\">100 %</text>\n</svg>\n");
  }

  private static void shortfallChart(StringBuilder h, List<FairShareResult> periods) {
    bars(h, periods, null, "Baseline, counted support and shortfall per period");
  }

  private static void allyHistoryChart(
      StringBuilder h, List<FairShareResult> periods, String iso3) {
    bars(h, periods, iso3, "Fair share and counted support per period");
  }

  /** Vertical bars per period: target (grey) and counted (blue), the shortfall written in red. */
  private static void bars(
      StringBuilder h, List<FairShareResult> periods, String iso3, String label) {
    if (periods.isEmpty()) {
      h.append("<p>No periods to show.</p>\n");
      return;
    }
    int col = Math.max(40, Math.min(90, 860 / periods.size()));
    int chartH = 220;
    int top = 30;
    double max = 1;
    for (FairShareResult r : periods) {
      max = Math.max(max, Math.max(target(r, iso3).doubleValue(), counted(r, iso3).doubleValue()));
    }
    h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"")
        .append(esc(label))
        .append("\" width=\"")
        .append(periods.size() * col + 60)
        .append("\" height=\"")
        .append(chartH + top + 40)
        .append("\">\n");
    legend(h, 10, 12);
    int x = 10;
    for (FairShareResult r : periods) {
      double t = target(r, iso3).doubleValue();
      double c = Math.max(0, counted(r, iso3).doubleValue());
      double th = chartH * t / max;
      double ch = chartH * c / max;
      double base = top + chartH;
      h.append("<rect x=\"")
          .append(x)
          .append("\" y=\"")
          .append(fmt(base - th))
          .append("\" width=\"")
          .append(col / 2 - 2)
          .append("\" height=\"")
          .append(fmt(th))
          .append("\" fill=\"")
          .append(GREY)
          .append("\"/>");
      h.append("<rect x=\"")
          .append(x + col / 2 - 2)
          .append("\" y=\"")
          .append(fmt(base - ch))
          .append("\" width=\"")
          .append(col / 2 - 2)
          .append("\" height=\"")
          .append(fmt(ch))
          .append("\" fill=\"")
          .append(BLUE)
          .append("\"/>");
      BigDecimal shortfall = target(r, iso3).subtract(counted(r, iso3)).max(BigDecimal.ZERO);
      h.append("<text x=\"")
          .append(x)
          .append("\" y=\"")
          .append(fmt(base + 14))
          .append("\">")
          .append(esc(r.period().label()))
          .append("</text>");
      h.append("<text x=\"")
          .append(x)
          .append("\" y=\"")
          .append(fmt(base + 28))
          .append("\" fill=\"")
          .append(RED)
          .append("\">")
          .append(shortfall.signum() > 0 ? "-" + money(shortfall) : "met")
          .append("</text>\n");
      x += col;
    }
    h.append("</svg>\n");
  }

  private static BigDecimal target(FairShareResult r, String iso3) {
    return iso3 == null
        ? r.baselineEur()
        : r.of(iso3).map(AllyShare::fairShareEur).orElse(BigDecimal.ZERO);
  }

  private static BigDecimal counted(FairShareResult r, String iso3) {
    return iso3 == null
        ? r.totalEligibleEur()
        : r.of(iso3).map(AllyShare::eligibleEur).orElse(BigDecimal.ZERO);
  }

  private static void legend(StringBuilder h, int x, int y) {
    h.append("<rect x=\"")
        .append(x)
        .append("\" y=\"")
        .append(y - 9)
        .append("\" width=\"10\" height=\"10\" fill=\"")
        .append(GREY)
        .append("\"/><text x=\"")
        .append(x + 14)
        .append("\" y=\"")
        .append(y)
        .append("\">fair share / baseline</text><rect x=\"")
        .append(x + 140)
        .append("\" y=\"")
        .append(y - 9)
        .append("\" width=\"10\" height=\"10\" fill=\"")
        .append(BLUE)
        .append("\"/><text x=\"")
        .append(x + 154)
        .append("\" y=\"")
        .append(y)
        .append("\">counted (delivered or allocated)</text>\n");
  }

  private static void table(StringBuilder h, List<AllyShare> allies) {
    h.append(
        "<table>\n<tr><th>Ally</th><th>Share</th><th>Fair share</th><th>Counted</th><th>Gap</th><th>Surplus</th><th>All pledges</th><th>Humanitarian, financial</th></tr>\n");
    for (AllyShare a : allies) {
      h.append("<tr><td>")
          .append(esc(a.ally().name()))
          .append(" (")
          .append(a.ally().iso3())
          .append(")</td><td>")
          .append(pct(a.share()))
          .append("</td><td>")
          .append(money(a.fairShareEur()))
          .append("</td><td>")
          .append(money(a.eligibleEur()))
          .append("</td><td class=\"gap\">")
          .append(a.gapEur().signum() > 0 ? money(a.gapEur()) : "")
          .append("</td><td>")
          .append(a.surplusEur().signum() > 0 ? money(a.surplusEur()) : "")
          .append("</td><td>")
          .append(money(a.pledgedEur()))
          .append("</td><td>")
          .append(money(a.reportingOnlyEur()))
          .append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  private static void entries(StringBuilder h, List<Contribution> entries) {
    if (entries.isEmpty()) {
      h.append("<p>No entries in this period.</p>\n");
      return;
    }
    h.append(
        "<table>\n<tr><th>Date</th><th>Donor</th><th>Status</th><th>Category</th><th>Channel</th><th>Value</th><th>Description</th><th>Source</th></tr>\n");
    int shown = 0;
    for (Contribution c : entries) {
      if (shown++ == 500) {
        h.append("<tr><td class=\"l\" colspan=\"8\">... and ")
            .append(entries.size() - 500)
            .append(" more entries (see the CSV or JSON report)</td></tr>\n");
        break;
      }
      h.append("<tr><td>")
          .append(c.date())
          .append("</td><td class=\"l\">")
          .append(c.donor())
          .append("</td><td class=\"l\">")
          .append(lower(c.status()))
          .append("</td><td class=\"l\">")
          .append(lower(c.category()))
          .append("</td><td class=\"l\">")
          .append(lower(c.channel()))
          .append("</td><td>")
          .append(money(c.eur()))
          .append("</td><td class=\"l\">")
          .append(esc(c.description()))
          .append("</td><td class=\"l\">")
          .append(esc(c.source()))
          .append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  /** "EUR 21.15 bn", "EUR 31.5 m", "EUR 12,300". */
  static String money(BigDecimal eur) {
    double v = eur.doubleValue();
    double a = Math.abs(v);
    if (a >= 1e9) {
      return String.format(Locale.ROOT, "EUR %.2f bn", v / 1e9);
    }
    if (a >= 1e6) {
      return String.format(Locale.ROOT, "EUR %.1f m", v / 1e6);
    }
    return String.format(Locale.ROOT, "EUR %,.0f", v);
  }

  private static String pct(BigDecimal share) {
    return String.format(Locale.ROOT, "%.2f %%", share.doubleValue() * 100);
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          if (c >= 0x20 || c == '\n' || c == '\t') {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
