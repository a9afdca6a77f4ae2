package dev.bulwark.support.contribution;

import dev.bulwark.support.ally.Allies;
import dev.bulwark.support.money.ExchangeRates;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A file-based, append-only ledger of contributions for use without a node: one CSV file ({@code
 * contributions.csv}, format of {@link ContributionCsv}) in a folder, by convention {@code
 * $BULWARK_HOME/support/}. An append rewrites the file to a temporary sibling and renames it over
 * the old one, so a reader sees either the old or the new ledger, never half of an import. Not
 * thread-safe, and not safe for two processes appending at once.
 */
public final class ContributionLedger {

  public static final String FILE_NAME = "contributions.csv";
  private final Path file;

  public ContributionLedger(Path directory) {
    this.file = directory.resolve(FILE_NAME);
  }

  private ContributionLedger(Path file, boolean named) {
    this.file = file;
  }

  /** The ledger in exactly this file (any name), e.g. {@code bulwark support ... --ledger FILE}. */
  public static ContributionLedger inFile(Path file) {
    return new ContributionLedger(file, true);
  }

  public Path file() {
    return file;
  }

  /** Every entry, in the order appended; empty when the ledger does not exist yet. */
  public List<Contribution> load() {
    if (!Files.exists(file)) {
      return List.of();
    }
    // Rows in the ledger always carry their euro value, so no rates are needed to read them back.
    ContributionCsv csv =
        new ContributionCsv(
            Allies.nato(),
            new ExchangeRates(Map.of()),
            LocalDate.of(1949, 1, 1),
            LocalDate.of(2200, 1, 1));
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      ImportResult result = csv.read(in, file.toString(), Set.of());
      if (!result.ok()) {
        throw new IllegalStateException("ledger " + file + " is corrupt: " + result.errors());
      }
      return result.contributions();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read ledger " + file, e);
    }
  }

  /** The ids in use, which a new import may not reuse. */
  public Set<String> ids() {
    return load().stream().map(Contribution::id).collect(Collectors.toSet());
  }

  /**
   * Appends the result of an import, all of it, or nothing when it has errors.
   *
   * @return whether anything was written
   */
  public boolean append(ImportResult result) {
    if (!result.ok()) {
      return false;
    }
    List<Contribution> all = new ArrayList<>(load());
    all.addAll(result.contributions());
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "contributions", ".tmp");
      try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        ContributionCsv.write(all, out);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write ledger " + file, e);
    }
  }
}
