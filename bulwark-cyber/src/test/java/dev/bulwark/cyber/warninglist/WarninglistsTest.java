package dev.bulwark.cyber.warninglist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WarninglistsTest {
  static Warninglists lists;

  @BeforeAll
  static void readTheRealLists() throws IOException {
    lists = new Warninglists();
    for (String name : new String[] {"rfc1918", "cloudflare", "google"}) {
      try (InputStream in =
          WarninglistsTest.class.getResourceAsStream(
              "/dev/bulwark/cyber/sensors/misp/" + name + ".json")) {
        lists.add(in);
      }
    }
  }

  @Test
  void findsAddressesInsideCidrRangesOfBothFamilies() {
    assertThat(lists.hit("10.1.2.3")).contains("List of RFC 1918 CIDR blocks");
    assertThat(lists.hit("104.16.89.188")).isPresent();
    assertThat(lists.hit("2400:cb00::1")).isPresent();
    assertThat(lists.hit("198.51.100.7")).isEmpty();
    assertThat(lists.hit("192.168.0.0/24")).isPresent();
  }

  @Test
  void findsHostnamesAndTheirSubdomainsAndUrlHosts() {
    assertThat(lists.hit("www.google.de")).isPresent();
    assertThat(lists.hit("http://mail.google.com/x?y")).isPresent();
    assertThat(lists.hit("google.evil.example")).isEmpty();
  }

  @Test
  void readsTheLiteralsOfAPattern() {
    assertThat(
            lists.hitInPattern(
                "[ipv4-addr:value = '10.0.0.1'] OR [domain-name:value = 'x.example']"))
        .isPresent();
    assertThat(lists.hitInPattern("[domain-name:value = 'it\\'s.example']")).isEmpty();
    assertThat(PatternLiterals.of("[a:b = 'x\\'y' AND c:d = t'2020-01-01T00:00:00Z']"))
        .containsExactly("x'y");
  }
}
