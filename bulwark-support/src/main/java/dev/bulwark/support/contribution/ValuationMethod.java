package dev.bulwark.support.contribution;

/**
 * How the money value of a contribution was established, as the Kiel tracker distinguishes reported
 * from estimated values. Thread-safe (an enum).
 */
public enum ValuationMethod {
  /** Cash paid or the price in a purchase contract. */
  CONTRACT_PRICE,
  /** What replacing the donated item would cost the donor. */
  REPLACEMENT_COST,
  /** The depreciated value in the donor's books. */
  BOOK_VALUE,
  /** The price of comparable items on the market. */
  MARKET_PRICE,
  /** The value the donor government reported, method not stated. */
  DONOR_REPORTED,
  /** Estimated by a third party such as the Kiel tracker. */
  ESTIMATED
}
