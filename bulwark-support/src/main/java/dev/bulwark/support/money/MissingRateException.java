package dev.bulwark.support.money;

/** A conversion needed a rate that the table does not have. */
public final class MissingRateException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String currency;
  private final int year;

  public MissingRateException(String currency, int year, String message) {
    super(message);
    this.currency = currency;
    this.year = year;
  }

  public String currency() {
    return currency;
  }

  public int year() {
    return year;
  }
}
