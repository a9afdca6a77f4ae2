package dev.bulwark.ais;

/** Test helper: builds sentences with correct checksums. */
final class Nmea {
  private Nmea() {}

  /** "!AIVDM,..." without checksum → with "*hh". */
  static String sentence(String withoutChecksum) {
    int sum = 0;
    for (int i = 1; i < withoutChecksum.length(); i++) {
      sum ^= withoutChecksum.charAt(i);
    }
    return withoutChecksum + "*" + String.format("%02X", sum & 0xff);
  }

  static String vdm(int count, int number, String seq, String channel, String payload, int fill) {
    return sentence(
        "!AIVDM," + count + "," + number + "," + seq + "," + channel + "," + payload + "," + fill);
  }
}
