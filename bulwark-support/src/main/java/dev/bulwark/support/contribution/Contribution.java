package dev.bulwark.support.contribution;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One flow of support from an ally to Ukraine, at its furthest status. The ledger is append-only: a
 * correction, or a flow moving on to the next status, is recorded as a negative entry that cancels
 * the old one plus a new entry, as the Kiel tracker does. Amounts may therefore be negative.
 * Immutable and thread-safe.
 *
 * @param id unique within a ledger
 * @param donor ISO3 code of the ally
 * @param date the day the status was reached (announcement, contract, allocation, delivery)
 * @param amount value in the original currency
 * @param currency ISO 4217 code of {@code amount}
 * @param eur value in euros, rounded to cents
 * @param fxBasis how {@code eur} was obtained, e.g. "FRB annual 2023" or "as reported"
 * @param source reference to the public source (URL, press release, tracker release)
 */
public record Contribution(
    String id,
    String donor,
    LocalDate date,
    Status status,
    Category category,
    Channel channel,
    Optional<Coalition> coalition,
    BigDecimal amount,
    String currency,
    BigDecimal eur,
    ValuationMethod valuation,
    String fxBasis,
    String description,
    String source) {

  public Contribution {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(donor, "donor");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(coalition, "coalition");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(eur, "eur");
    Objects.requireNonNull(valuation, "valuation");
    Objects.requireNonNull(fxBasis, "fxBasis");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(source, "source");
  }

  /** Whether it counts towards the baseline when at least {@code counted} status is required. */
  public boolean countsTowardsBaseline(Status counted) {
    return category.eligible() && status.atLeast(counted);
  }

  /** Whether this entry corrects (cancels part of) an earlier one. */
  public boolean isCorrection() {
    return amount.signum() < 0;
  }
}
