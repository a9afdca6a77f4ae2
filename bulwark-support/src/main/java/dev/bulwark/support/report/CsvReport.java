package dev.bulwark.support.report;

import dev.bulwark.support.csv.CsvReader;
import dev.bulwark.support.fairshare.AllyShare;
import dev.bulwark.support.fairshare.FairShareResult;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a report as one CSV table: a row per ally and period (the focus period first, then the
 * history), and a row {@code ALL} per period with the alliance's totals. Stateless and thread-safe.
 */
public final class CsvReport {
  public static final String HEADER =
      "period,iso3,name,key,key_year,key_value_usd,share,fair_share_eur,counted_eur,gap_eur,surplus_eur,pledged_eur,reporting_only_eur,shortfall_eur";

  private CsvReport() {}

  public static void write(SupportReport report, Writer out) throws IOException {
    out.write(HEADER);
    out.write('\n');
    List<FairShareResult> all = new ArrayList<>();
    all.add(report.focus());
    all.addAll(report.history());
    for (FairShareResult r : all) {
      for (AllyShare a : r.allies()) {
        if (report.ally().isPresent() && !report.ally().get().equals(a.ally().iso3())) {
          continue;
        }
        out.write(
            String.join(
                ",",
                r.period().label(),
                a.ally().iso3(),
                CsvReader.quote(a.ally().name()),
                r.key().name(),
                Integer.toString(r.keyYear()),
                a.keyValueUsd().toPlainString(),
                a.share().toPlainString(),
                a.fairShareEur().toPlainString(),
                a.eligibleEur().toPlainString(),
                a.gapEur().toPlainString(),
                a.surplusEur().toPlainString(),
                a.pledgedEur().toPlainString(),
                a.reportingOnlyEur().toPlainString(),
                ""));
        out.write('\n');
      }
      if (report.ally().isEmpty()) {
        out.write(
            String.join(
                ",",
                r.period().label(),
                "ALL",
                "Alliance",
                r.key().name(),
                Integer.toString(r.keyYear()),
                "",
                "1",
                r.baselineEur().toPlainString(),
                r.totalEligibleEur().toPlainString(),
                r.sumOfGapsEur().toPlainString(),
                "",
                "",
                "",
                r.shortfallEur().toPlainString()));
        out.write('\n');
      }
    }
  }
}
