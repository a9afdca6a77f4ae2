package dev.bulwark.support.contribution;

import dev.bulwark.support.csv.RowError;
import java.util.List;

/**
 * What reading one file of contributions gave: the accepted entries and every refused row. A caller
 * must store nothing unless {@link #ok()}: a file is imported whole or not at all. Immutable and
 * thread-safe.
 */
public record ImportResult(List<Contribution> contributions, List<RowError> errors, int rowsRead) {

  public ImportResult {
    contributions = List.copyOf(contributions);
    errors = List.copyOf(errors);
  }

  /** True when every row was accepted. */
  public boolean ok() {
    return errors.isEmpty();
  }
}
