package dev.bulwark.stix.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.stix.StixTimestamps;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormatsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"198.51.100.3", "0.0.0.0", "255.255.255.255", "198.51.100.0/24", "10.0.0.0/8"})
  void acceptsIpv4(String s) {
    assertThat(Formats.ipv4(s)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "198.51.100.256",
        "1.2.3",
        "1.2.3.4.5",
        "01.2.3.4",
        "1.2.3.4/33",
        "a.b.c.d",
        "",
        "1.2.3.4/"
      })
  void rejectsBadIpv4(String s) {
    assertThat(Formats.ipv4(s)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2001:0db8:85a3:0000:0000:8a2e:0370:7334",
        "2001:db8::1",
        "::1",
        "::",
        "fe80::/10",
        "::ffff:198.51.100.3",
        "2001:db8:85a3::8a2e:370:7334/64",
        "1:2:3:4:5:6:7::"
      })
  void acceptsIpv6(String s) {
    assertThat(Formats.ipv6(s)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2001:db8::1::2",
        "1:2:3:4:5:6:7:8:9",
        "12345::",
        "g::1",
        "1:2:3:4:5:6:7",
        ":1",
        "::1/129",
        "198.51.100.3"
      })
  void rejectsBadIpv6(String s) {
    assertThat(Formats.ipv6(s)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "example.com",
        "www.example.com.",
        "xn--bcher-kva.example",
        "bücher.example",
        "_dmarc.example.com",
        "localhost"
      })
  void acceptsDomainNames(String s) {
    assertThat(Formats.domainName(s)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"exa mple.com", "-bad.example", "a..b", "", "bad-.example", "http://example.com"})
  void rejectsBadDomainNames(String s) {
    assertThat(Formats.domainName(s)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "john@example.com",
        "jane.smith+tag@sub.example.org",
        "\"odd name\"@example.com",
        "x@[198.51.100.3]"
      })
  void acceptsAddrSpecs(String s) {
    assertThat(Formats.emailAddress(s)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "John Doe <john@example.com>",
        "john",
        "@example.com",
        "john@",
        "jo hn@example.com"
      })
  void rejectsDisplayNamesAndBrokenAddresses(String s) {
    assertThat(Formats.emailAddress(s)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://example.com/research/index.html",
        "ftp://198.51.100.3/x",
        "mailto:a@example.com"
      })
  void acceptsUrls(String s) {
    assertThat(Formats.url(s)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"example.com/index html", "/relative/path", "http://exa mple.com"})
  void rejectsNonUrls(String s) {
    assertThat(Formats.url(s)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2016-01-20T12:31:12Z",
        "2016-01-20T12:31:12.123Z",
        "2016-02-29T00:00:00.1Z",
        "2016-12-31T23:59:60Z"
      })
  void acceptsTimestamps(String s) {
    assertThat(StixTimestamps.isValid(s)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2016-01-20T12:31:12",
        "2016-01-20T12:31:12.Z",
        "2015-02-29T00:00:00Z",
        "2016-01-20 12:31:12Z",
        "2016-01-20T12:31:12+00:00",
        "2016-13-01T00:00:00Z",
        "2016-01-20T24:00:00Z",
        "2016-1-20T12:31:12Z"
      })
  void rejectsBadTimestamps(String s) {
    assertThat(StixTimestamps.isValid(s)).isFalse();
  }
}
