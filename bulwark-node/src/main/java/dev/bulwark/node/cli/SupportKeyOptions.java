package dev.bulwark.node.cli;

import dev.bulwark.support.ally.Allies;
import dev.bulwark.support.ally.BurdenKey;
import dev.bulwark.support.ally.EconomicSeries;
import dev.bulwark.support.contribution.Status;
import dev.bulwark.support.fairshare.FairShareCalculator;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The burden-key, baseline and counting options shared by the support commands. Not thread-safe.
 */
final class SupportKeyOptions {

  @Option(
      names = "--baseline",
      paramLabel = "EUR",
      description =
          "Yearly baseline in euros (default: 40000000000, the Washington summit pledge).")
  BigDecimal baseline = FairShareCalculator.WASHINGTON_BASELINE_EUR;

  @Option(
      names = "--key",
      paramLabel = "gdp|gni",
      description =
          "Burden key (default: gdp, the bundled World Bank series; gni needs --gni-file).")
  BurdenKey key = BurdenKey.GDP;

  @Option(
      names = "--gni-file",
      paramLabel = "CSV",
      description =
          "GNI in current US$, World Bank long shape: Country Name,Country Code,Year,Value (no GNI is bundled).")
  Path gniFile;

  @Option(
      names = "--key-year",
      paramLabel = "YEAR",
      description =
          "Year of the key (default: the latest year, not after the period, with a value for every member).")
  Integer keyYear;

  @Option(
      names = "--count",
      paramLabel = "STATUS",
      description =
          "Least status that counts towards a share: pledge, commitment, allocation (default, Kiel's 'allocated') or delivered.")
  Status count = Status.ALLOCATION;

  FairShareCalculator calculator() {
    if (baseline.signum() < 0) {
      throw new SupportFailure(2, "--baseline must not be negative");
    }
    if (key == BurdenKey.GDP) {
      if (gniFile != null) {
        throw new SupportFailure(2, "--gni-file is only used with --key gni");
      }
      return new FairShareCalculator(Allies.nato(), EconomicSeries.worldBankGdp());
    }
    if (gniFile == null) {
      throw new SupportFailure(
          2,
          "--key gni needs --gni-file CSV: no GNI series is bundled (World Bank NY.GNP.MKTP.CD, columns Country Name,Country Code,Year,Value)");
    }
    try (Reader in = Files.newBufferedReader(gniFile, StandardCharsets.UTF_8)) {
      EconomicSeries.Loaded loaded = EconomicSeries.read(BurdenKey.GNI, in, gniFile.toString());
      if (!loaded.errors().isEmpty()) {
        StringBuilder b =
            new StringBuilder(gniFile + ": " + loaded.errors().size() + " bad rows, nothing used:");
        loaded.errors().stream().limit(50).forEach(e -> b.append("\n  ").append(e));
        throw new SupportFailure(1, b.toString());
      }
      return new FairShareCalculator(Allies.nato(), loaded.series());
    } catch (IOException e) {
      throw new SupportFailure(2, gniFile + ": cannot read: " + e.getMessage());
    }
  }

  Optional<Integer> keyYear() {
    return Optional.ofNullable(keyYear);
  }
}
