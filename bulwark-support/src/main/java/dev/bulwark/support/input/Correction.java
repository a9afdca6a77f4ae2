package dev.bulwark.support.input;

import dev.bulwark.support.contribution.Contribution;
import dev.bulwark.support.contribution.ContributionCsv;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * The rules of a correction: a negative entry that cancels all or part of a ledger entry, never
 * more than what remains of it after earlier corrections, in the entry's currency, dated no earlier
 * than the entry (by default on its date, so that the same period is corrected). A correction is
 * never itself corrected. Every refusal is an {@link InputRejected} naming the field. Stateless and
 * thread-safe.
 */
public final class Correction {
  static final int MAX_REASON = 1000;
  static final int MAX_ID = 200;
  static final int MAX_DESCRIPTION = 4000;
  private static final Set<String> FIELDS = Set.of("corrects", "amount", "date", "reason");

  private Correction() {}

  /**
   * What a principal asks for.
   *
   * @param corrects the id of the entry to correct
   * @param amount the positive amount to cancel, in the entry's currency (default what remains)
   * @param date the correction's date (default the entry's date)
   */
  public record Request(
      String corrects, String reason, Optional<String> amount, Optional<String> date) {}

  /**
   * The request in a JSON body: {@code corrects}, {@code reason}, optionally {@code amount}, {@code
   * date}.
   */
  public static Request request(JsonNode body) {
    if (!body.isObject()) {
      throw InputRejected.badField("body", "must be a JSON object");
    }
    for (String f : body.propertyNames()) {
      if (!FIELDS.contains(f)) {
        throw InputRejected.badField(f, "unknown field (expected corrects, amount, date, reason)");
      }
    }
    String id = body.path("corrects").asString("").trim();
    if (id.isEmpty()) {
      throw InputRejected.badField("corrects", "the id of the entry to correct is required");
    }
    String reason = body.path("reason").asString("").trim();
    if (reason.isEmpty() || reason.length() > MAX_REASON) {
      throw InputRejected.badField("reason", "a reason of 1 to 1000 characters is required");
    }
    return new Request(id, reason, optional(body.path("amount")), optional(body.path("date")));
  }

  /**
   * The correcting entry.
   *
   * @param original the entry corrected
   * @param originalIsCorrection whether the stored entry is itself a correction of another
   * @param earlier the corrections of {@code original} made before, in order
   * @param enteredBy the principal's name, for the entry's source
   * @param randomId an id for when the derived one ({@code id~cN}) would be too long
   */
  public static Contribution build(
      Contribution original,
      boolean originalIsCorrection,
      List<Contribution> earlier,
      Request request,
      String enteredBy,
      Supplier<String> randomId) {
    String id = request.corrects();
    if (originalIsCorrection || original.isCorrection()) {
      throw InputRejected.badField(
          "corrects", id + " is itself a correction; correct the original entry");
    }
    BigDecimal remaining = original.amount();
    BigDecimal remainingEur = original.eur();
    for (Contribution c : earlier) {
      remaining = remaining.add(c.amount());
      remainingEur = remainingEur.add(c.eur());
    }
    if (remaining.signum() <= 0) {
      throw InputRejected.badField("corrects", id + " is already corrected to zero");
    }
    BigDecimal amount = remaining;
    BigDecimal eur = remainingEur;
    if (request.amount().isPresent()) {
      amount = amount(request.amount().get(), remaining, original.currency());
      eur =
          amount.compareTo(remaining) == 0
              ? remainingEur
              : original
                  .eur()
                  .multiply(amount)
                  .divide(original.amount(), 2, RoundingMode.HALF_EVEN);
      if (eur.signum() == 0) {
        throw InputRejected.badField("amount", "too small to change the value in euros");
      }
    }
    LocalDate date =
        request.date().isPresent() ? date(request.date().get(), original.date()) : original.date();
    String newId = id + "~c" + (earlier.size() + 1);
    if (newId.length() > MAX_ID) {
      newId = randomId.get();
    }
    String description = "Correction of " + id + ": " + request.reason();
    return new Contribution(
        newId,
        original.donor(),
        date,
        original.status(),
        original.category(),
        original.channel(),
        original.coalition(),
        amount.negate(),
        original.currency(),
        eur.negate(),
        original.valuation(),
        original.fxBasis(),
        description.length() > MAX_DESCRIPTION
            ? description.substring(0, MAX_DESCRIPTION)
            : description,
        "entered by " + enteredBy);
  }

  private static BigDecimal amount(String text, BigDecimal remaining, String currency) {
    BoundedNumbers.problem("amount", text, BoundedNumbers.MONEY)
        .ifPresent(
            r -> {
              throw InputRejected.badField("amount", r);
            });
    BigDecimal amount;
    try {
      amount = new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      throw InputRejected.badField("amount", "not a number: '" + text + "'");
    }
    if (amount.signum() <= 0 || amount.compareTo(remaining) > 0) {
      throw InputRejected.badField(
          "amount",
          "must be positive and at most what remains of the entry, "
              + remaining.toPlainString()
              + " "
              + currency);
    }
    return amount;
  }

  private static LocalDate date(String text, LocalDate earliest) {
    LocalDate date;
    try {
      date = LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw InputRejected.badField("date", "not YYYY-MM-DD: '" + text + "'");
    }
    if (date.isBefore(earliest) || date.isAfter(ContributionCsv.DEFAULT_LATEST)) {
      throw InputRejected.badField(
          "date",
          "must be from the entry's date " + earliest + " to " + ContributionCsv.DEFAULT_LATEST);
    }
    return date;
  }

  private static Optional<String> optional(JsonNode n) {
    return n.isMissingNode() || n.isNull() ? Optional.empty() : Optional.of(n.asString());
  }
}
