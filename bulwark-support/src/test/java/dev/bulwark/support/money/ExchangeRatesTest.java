package dev.bulwark.support.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ExchangeRatesTest {

  private final ExchangeRates fed = ExchangeRates.federalReserve();

  @Test
  void euroRowIsEurosPerDollar() {
    // The 2023 annual average was about 1.08 USD per EUR, i.e. 0.92 EUR per USD: the file's 0.9245.
    assertThat(fed.perUsd("EUR", 2023)).contains(new BigDecimal("0.9245"));
    assertThat(fed.convert(new BigDecimal("100"), "USD", "EUR", 2023))
        .isEqualByComparingTo("92.45");
    assertThat(fed.convert(new BigDecimal("100"), "EUR", "USD", 2023))
        .isEqualByComparingTo("108.17");
  }

  @Test
  void convertsBetweenTwoCurrenciesThroughTheDollar() {
    // SEK 10.6089 and EUR 0.9245 per USD in 2023: SEK 1,000 = EUR 87.14
    assertThat(fed.toEur(new BigDecimal("1000"), "SEK", 2023)).isEqualByComparingTo("87.14");
  }

  @Test
  void saysWhichRateIsMissing() {
    assertThatThrownBy(() -> fed.toEur(BigDecimal.ONE, "GBP", 2023))
        .hasMessageContaining("no exchange rate for currency GBP");
    assertThatThrownBy(() -> fed.toEur(BigDecimal.ONE, "NOK", 1950))
        .hasMessageContaining("no NOK rate for 1950");
  }

  @Test
  void userRatesAddCurrencies() throws Exception {
    ExchangeRates.Loaded extra =
        ExchangeRates.read(
            new StringReader(
                "Date,Country,Exchange rate\n2023-01-01,GBP,0.8043\n2023-01-01,Atlantis,1\n"),
            "gbp.csv");
    assertThat(extra.errors()).singleElement().satisfies(e -> assertThat(e.line()).isEqualTo(3));
    ExchangeRates all = fed.with(extra.rates());
    // GBP 0.8043 per USD: GBP 80.43 = USD 100 = EUR 92.45
    assertThat(all.toEur(new BigDecimal("80.43"), "GBP", 2023)).isEqualByComparingTo("92.45");
  }
}
