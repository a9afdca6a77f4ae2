package dev.bulwark.support.report;

import dev.bulwark.support.contribution.Contribution;
import java.util.List;

/** Lets tests of other packages use the hand-written ledger. */
public final class ReportFixturesAccess {
  private ReportFixturesAccess() {}

  public static List<Contribution> ledger() {
    return ReportFixtures.ledger();
  }
}
