package dev.bulwark.ais;

/**
 * Turns the bits of one complete AIS payload into its {@link AisMessage} record, following the
 * field tables of ITU-R M.1371-5 (as documented in gpsd's "AIVDM/AIVDO protocol decoding").
 *
 * <p>Payloads shorter than the fields a type needs are rejected ({@link
 * RejectionCause#PAYLOAD_TOO_SHORT}); longer payloads are accepted and the extra bits ignored, as
 * many transmitters in the wild pad their slots. Stateless apart from the last rejection cause; not
 * thread-safe (one instance per decoder). Package-private: its {@code null} result never leaves the
 * module.
 */
final class MessageDecoder {

  private RejectionCause lastRejection = RejectionCause.UNKNOWN_MESSAGE_TYPE;
  private final TextCache texts;

  /** A decoder for a stream: names, call signs and destinations repeat, 512 cached texts. */
  MessageDecoder() {
    this(9);
  }

  /** A decoder caching {@code 2^log2TextSlots} texts (a small cache for one-off decodes). */
  MessageDecoder(int log2TextSlots) {
    this.texts = new TextCache(log2TextSlots);
  }

  /** Why the last {@link #decode} returned {@code null}. */
  RejectionCause lastRejection() {
    return lastRejection;
  }

  /**
   * Decodes {@code b}. Returns {@code null} when the payload cannot be decoded; {@link
   * #lastRejection()} then says why. (Null stays inside the module's hot path; the public streaming
   * API never exposes it.)
   */
  AisMessage decode(PayloadBits b) {
    int len = b.bitLength();
    if (len < 38) {
      return reject(len == 0 ? RejectionCause.EMPTY_PAYLOAD : RejectionCause.PAYLOAD_TOO_SHORT);
    }
    int type = b.uint(0, 6);
    int repeat = b.uint(6, 2);
    int mmsi = b.uint(8, 30);
    // One small method per type: a single switch over all of them grew past what the JIT inlines
    // into one compiled method, so field reads became calls whenever many types were seen.
    return switch (type) {
      case 1, 2, 3 -> positionReportClassA(b, type, repeat, mmsi, len);
      case 4, 11 -> baseStationReport(b, type, repeat, mmsi, len);
      case 5 -> staticVoyageData(b, type, repeat, mmsi, len);
      case 6 -> binaryAddressed(b, type, repeat, mmsi, len);
      case 7, 13 -> binaryAcknowledge(b, type, repeat, mmsi, len);
      case 8 -> binaryBroadcast(b, type, repeat, mmsi, len);
      case 9 -> sarAircraft(b, type, repeat, mmsi, len);
      case 10 -> utcDateInquiry(b, type, repeat, mmsi, len);
      case 12 -> addressedSafety(b, type, repeat, mmsi, len);
      case 14 -> safetyBroadcast(b, type, repeat, mmsi, len);
      case 15 -> interrogation(b, type, repeat, mmsi, len);
      case 16 -> assignmentModeCommand(b, type, repeat, mmsi, len);
      case 17 -> dgnssBroadcast(b, type, repeat, mmsi, len);
      case 18 -> positionReportClassB(b, type, repeat, mmsi, len);
      case 19 -> extendedPositionReportClassB(b, type, repeat, mmsi, len);
      case 20 -> dataLinkManagement(b, type, repeat, mmsi, len);
      case 21 -> aidToNavigation(b, type, repeat, mmsi, len);
      case 22 -> channelManagement(b, type, repeat, mmsi, len);
      case 23 -> groupAssignmentCommand(b, type, repeat, mmsi, len);
      case 24 -> staticDataReport(b, type, repeat, mmsi, len);
      case 25 -> singleSlotBinary(b, type, repeat, mmsi, len);
      case 26 -> multipleSlotBinary(b, type, repeat, mmsi, len);
      case 27 -> longRangePosition(b, type, repeat, mmsi, len);
      default -> reject(RejectionCause.UNKNOWN_MESSAGE_TYPE);
    };
  }

  private AisMessage positionReportClassA(PayloadBits b, int type, int repeat, int mmsi, int len) {
    if (len < 163) {
      return reject(RejectionCause.PAYLOAD_TOO_SHORT);
    }
    return new PositionReportClassA(
        type,
        repeat,
        mmsi,
        b.uint(38, 4),
        b.sint(42, 8),
        b.uint(50, 10),
        b.bool(60),
        b.sint(61, 28),
        b.sint(89, 27),
        b.uint(116, 12),
        b.uint(128, 9),
        b.uint(137, 6),
        b.uint(143, 2),
        b.bool(148),
        len >= 168 ? b.uint(149, 19) : b.uint(149, len - 149));
  }

  private AisMessage baseStationReport(PayloadBits b, int type, int repeat, int mmsi, int len) {
    if (len < 168) {
      return reject(RejectionCause.PAYLOAD_TOO_SHORT);
    }
    return new BaseStationReport(
        type,
        repeat,
        mmsi,
        b.uint(38, 14),
        b.uint(52, 4),
        b.uint(56, 5),
        b.uint(61, 5),
        b.uint(66, 6),
        b.uint(72, 6),
        b.bool(78),
        b.sint(79, 28),
        b.sint(107, 27),
        b.uint(134, 4),
        b.bool(148),
        b.uint(149, 19));
  }

  private AisMessage staticVoyageData(PayloadBits b, int type, int repeat, int mmsi, int len) {
    if (len < 420) {
      return reject(RejectionCause.PAYLOAD_TOO_SHORT);
    }
    return new StaticVoyageData(
        type,
        repeat,
        mmsi,
        b.uint(38, 2),
        b.uint(40, 30),
        text(b, 70, 7),
        text(b, 112, 20),
        b.uint(232, 8),
        b.uint(240, 9),
        b.uint(249, 9),
        b.uint(258, 6),
        b.uint(264, 6),
        b.uint(270, 4),
        b.uint(274, 4),
        b.uint(278, 5),
        b.uint(283, 5),
        b.uint(288, 6),
        b.uint(294, 8),
        text(b, 302, 20),
        len >= 423 ? b.uint(422, 1) : 0);
  }

  private AisMessage binaryAddressed(PayloadBits b, int type, int repeat, int mmsi, int len) {
    if (len < 88) {
      return reject(RejectionCause.PAYLOAD_TOO_SHORT);
    }
    return new BinaryAddressedMessage(
        type,
        repeat,
        mmsi,
        b.uint(38, 2),
        b.uint(40, 30),
        b.bool(70),
        b.uint(72, 10),
        b.uint(82, 6),
        b.slice(88, len - 88));
  }

  private AisMessage binaryAcknowledge(PayloadBits b, int type, int repeat, int mmsi, int len) {
    if (len < 72) {
      return reject(RejectionCause.PAYLOAD_TOO_SHORT);
    }
    int count = 0;
    int[] m = new int[4];
    int[] s = new int[4];
    for (int i = 0; i < 4; i++) {
      if (len > 40 + 32 * i) {
        m[i] = b.uint(40 + 32 * i, 30);
        s[i] = b.uint(70 + 32 * i, 2);
        count++;
      }
    }
    return new BinaryAcknowledge(
        type, repeat, mmsi, count, m[0], s[0], m[1], s[1], m[2], s[2], m[3], s[3]);
  }

  private AisMessage binaryBroadcast(PayloadBits b, int type, int repeat, int mmsi, int len) {
    if (len < 56) {
      return reject(RejectionCause.PAYLOAD_TOO_SHORT);
    }
    return new BinaryBroadcastMessage(
        type, repeat, mmsi, b.uint(40, 10), b.uint(50, 6), b.slice(56, len - 56));
  }

  private AisMessage sarAircraft(PayloadBits b, int type, int repeat, int mmsi, int len) {
    if (len < 168) {
      return reject(RejectionCause.PAYLOAD_TOO_SHORT);
    }
    return new SarAircraftPositionReport(
        type,
        repeat,
        mmsi,
        b.uint(38, 12),
        b.uint(50, 10),
        b.bool(60),
        b.sint(61, 28),
        b.sint(89, 27),
        b.uint(116, 12),
        b.uint(128, 6),
        b.uint(134, 8),
        b.uint(142, 1),
        b.bool(146),
        b.bool(147),
        b.uint(148, 20));
  }

  private AisMessage utcDateInquiry(PayloadBits b, int type, int repeat, int mmsi, int len) {
    if (len < 70) {
      return reject(RejectionCause.PAYLOAD_TOO_SHORT);
    }
    return new UtcDateInquiry(type, repeat, mmsi, b.uint(40, 30));
  }

  private AisMessage addressedSafety(PayloadBits b, int type, int repeat, int mmsi, int len) {
    if (len < 72) {
      return reject(RejectionCause.PAYLOAD_TOO_SHORT);
    }
    return new AddressedSafetyMessage(
        type, repeat, mmsi, b.uint(38, 2), b.uint(40, 30), b.bool(70), b.text(72, (len - 72) / 6));
  }

  private AisMessage safetyBroadcast(PayloadBits b, int type, int repeat, int mmsi, int len) {
    return new SafetyBroadcastMessage(type, repeat, mmsi, b.text(40, (len - 40) / 6));
  }

  private AisMessage interrogation(PayloadBits b, int type, int repeat, int mmsi, int len) {
    if (len < 88) {
      return reject(RejectionCause.PAYLOAD_TOO_SHORT);
    }
    boolean second = len > 90;
    boolean third = len > 110;
    return new Interrogation(
        type,
        repeat,
        mmsi,
        b.uint(40, 30),
        b.uint(70, 6),
        b.uint(76, 12),
        second ? b.uint(90, 6) : 0,
        second ? b.uint(96, 12) : 0,
        third ? b.uint(110, 30) : 0,
        third ? b.uint(140, 6) : 0,
        third ? b.uint(146, 12) : 0);
  }

  private AisMessage assignmentModeCommand(PayloadBits b, int type, int repeat, int mmsi, int len) {
    if (len < 92) {
      return reject(RejectionCause.PAYLOAD_TOO_SHORT);
    }
    boolean two = len >= 144;
    return new AssignmentModeCommand(
        type,
        repeat,
        mmsi,
        b.uint(40, 30),
        b.uint(70, 12),
        b.uint(82, 10),
        two ? b.uint(92, 30) : 0,
        two ? b.uint(122, 12) : 0,
        two ? b.uint(134, 10) : 0);
  }

  private AisMessage dgnssBroadcast(PayloadBits b, int type, int repeat, int mmsi, int len) {
    if (len < 80) {
      return reject(RejectionCause.PAYLOAD_TOO_SHORT);
    }
    return new DgnssBroadcast(
        type, repeat, mmsi, b.sint(40, 18), b.sint(58, 17), b.slice(80, len - 80));
  }

  private AisMessage positionReportClassB(PayloadBits b, int type, int repeat, int mmsi, int len) {
    if (len < 168) {
      return reject(RejectionCause.PAYLOAD_TOO_SHORT);
    }
    return new PositionReportClassB(
        type,
        repeat,
        mmsi,
        b.uint(38, 8),
        b.uint(46, 10),
        b.bool(56),
        b.sint(57, 28),
        b.sint(85, 27),
        b.uint(112, 12),
        b.uint(124, 9),
        b.uint(133, 6),
        b.uint(139, 2),
        b.bool(141),
        b.bool(142),
        b.bool(143),
        b.bool(144),
        b.bool(145),
        b.bool(146),
        b.bool(147),
        b.uint(148, 20));
  }

  private AisMessage extendedPositionReportClassB(
      PayloadBits b, int type, int repeat, int mmsi, int len) {
    if (len < 308) {
      return reject(RejectionCause.PAYLOAD_TOO_SHORT);
    }
    return new ExtendedPositionReportClassB(
        type,
        repeat,
        mmsi,
        b.uint(38, 8),
        b.uint(46, 10),
        b.bool(56),
        b.sint(57, 28),
        b.sint(85, 27),
        b.uint(112, 12),
        b.uint(124, 9),
        b.uint(133, 6),
        b.uint(139, 4),
        text(b, 143, 20),
        b.uint(263, 8),
        b.uint(271, 9),
        b.uint(280, 9),
        b.uint(289, 6),
        b.uint(295, 6),
        b.uint(301, 4),
        b.bool(305),
        b.uint(306, 1),
        b.bool(307));
  }

  private AisMessage dataLinkManagement(PayloadBits b, int type, int repeat, int mmsi, int len) {
    if (len < 70) {
      return reject(RejectionCause.PAYLOAD_TOO_SHORT);
    }
    return new DataLinkManagement(
        type,
        repeat,
        mmsi,
        b.uint(40, 12),
        b.uint(52, 4),
        b.uint(56, 3),
        b.uint(59, 11),
        b.uint(70, 12),
        b.uint(82, 4),
        b.uint(86, 3),
        b.uint(89, 11),
        b.uint(100, 12),
        b.uint(112, 4),
        b.uint(116, 3),
        b.uint(119, 11),
        b.uint(130, 12),
        b.uint(142, 4),
        b.uint(146, 3),
        b.uint(149, 11));
  }

  private AisMessage aidToNavigation(PayloadBits b, int type, int repeat, int mmsi, int len) {
    if (len < 271) {
      return reject(RejectionCause.PAYLOAD_TOO_SHORT);
    }
    return new AidToNavigationReport(
        type,
        repeat,
        mmsi,
        b.uint(38, 5),
        aidName(b, len),
        b.bool(163),
        b.sint(164, 28),
        b.sint(192, 27),
        b.uint(219, 9),
        b.uint(228, 9),
        b.uint(237, 6),
        b.uint(243, 6),
        b.uint(249, 4),
        b.uint(253, 6),
        b.bool(259),
        b.uint(260, 8),
        b.bool(268),
        b.bool(269),
        b.bool(270));
  }

  private AisMessage channelManagement(PayloadBits b, int type, int repeat, int mmsi, int len) {
    if (len < 145) {
      return reject(RejectionCause.PAYLOAD_TOO_SHORT);
    }
    boolean addressed = b.bool(139);
    return new ChannelManagement(
        type,
        repeat,
        mmsi,
        b.uint(40, 12),
        b.uint(52, 12),
        b.uint(64, 4),
        b.bool(68),
        addressed ? 0 : b.sint(69, 18),
        addressed ? 0 : b.sint(87, 17),
        addressed ? 0 : b.sint(104, 18),
        addressed ? 0 : b.sint(122, 17),
        addressed ? b.uint(69, 30) : 0,
        addressed ? b.uint(104, 30) : 0,
        addressed,
        b.bool(140),
        b.bool(141),
        b.uint(142, 3));
  }

  private AisMessage groupAssignmentCommand(
      PayloadBits b, int type, int repeat, int mmsi, int len) {
    if (len < 154) {
      return reject(RejectionCause.PAYLOAD_TOO_SHORT);
    }
    return new GroupAssignmentCommand(
        type,
        repeat,
        mmsi,
        b.sint(40, 18),
        b.sint(58, 17),
        b.sint(75, 18),
        b.sint(93, 17),
        b.uint(110, 4),
        b.uint(114, 8),
        b.uint(144, 2),
        b.uint(146, 4),
        b.uint(150, 4));
  }

  private AisMessage staticDataReport(PayloadBits b, int type, int repeat, int mmsi, int len) {
    int part = b.uint(38, 2);
    if (part == 0) {
      if (len < 160) {
        return reject(RejectionCause.PAYLOAD_TOO_SHORT);
      }
      return new StaticDataReportA(type, repeat, mmsi, text(b, 40, 20));
    }
    if (part == 1) {
      if (len < 162) {
        return reject(RejectionCause.PAYLOAD_TOO_SHORT);
      }
      boolean aux = mmsi / 10_000_000 == 98;
      return new StaticDataReportB(
          type,
          repeat,
          mmsi,
          b.uint(40, 8),
          text(b, 48, 7),
          b.uint(66, 4),
          b.uint(70, 20),
          text(b, 90, 7),
          aux ? 0 : b.uint(132, 9),
          aux ? 0 : b.uint(141, 9),
          aux ? 0 : b.uint(150, 6),
          aux ? 0 : b.uint(156, 6),
          aux ? b.uint(132, 30) : 0);
    }
    return reject(RejectionCause.INVALID_FIELD);
  }

  private AisMessage singleSlotBinary(PayloadBits b, int type, int repeat, int mmsi, int len) {
    boolean addressed = b.bool(38);
    boolean structured = b.bool(39);
    int start = 40 + (addressed ? 30 : 0) + (structured ? 16 : 0);
    if (len < start) {
      return reject(RejectionCause.PAYLOAD_TOO_SHORT);
    }
    return new SingleSlotBinaryMessage(
        type,
        repeat,
        mmsi,
        addressed,
        structured,
        addressed ? b.uint(40, 30) : 0,
        structured ? b.uint(addressed ? 70 : 40, 16) : 0,
        b.slice(start, len - start));
  }

  private AisMessage multipleSlotBinary(PayloadBits b, int type, int repeat, int mmsi, int len) {
    boolean addressed = b.bool(38);
    boolean structured = b.bool(39);
    int start = 40 + (addressed ? 30 : 0) + (structured ? 16 : 0);
    if (len < start + 20) {
      return reject(RejectionCause.PAYLOAD_TOO_SHORT);
    }
    return new MultipleSlotBinaryMessage(
        type,
        repeat,
        mmsi,
        addressed,
        structured,
        addressed ? b.uint(40, 30) : 0,
        structured ? b.uint(addressed ? 70 : 40, 16) : 0,
        b.slice(start, len - start - 20),
        b.uint(len - 20, 20));
  }

  private AisMessage longRangePosition(PayloadBits b, int type, int repeat, int mmsi, int len) {
    if (len < 95) {
      return reject(RejectionCause.PAYLOAD_TOO_SHORT);
    }
    return new LongRangePositionReport(
        type,
        repeat,
        mmsi,
        b.bool(38),
        b.bool(39),
        b.uint(40, 4),
        b.sint(44, 18),
        b.sint(62, 17),
        b.uint(79, 6),
        b.uint(85, 9),
        b.bool(94));
  }

  private String text(PayloadBits b, int start, int chars) {
    return texts.text(b, start, chars, true);
  }

  private String aidName(PayloadBits b, int len) {
    String first = texts.text(b, 43, 20, false);
    if (len > 272 && first.length() == 20) {
      String ext = b.text(272, (len - 272) / 6);
      return stripRight(first + ext);
    }
    return stripRight(first);
  }

  private static String stripRight(String s) {
    int n = s.length();
    while (n > 0 && s.charAt(n - 1) == ' ') {
      n--;
    }
    return s.substring(0, n);
  }

  private AisMessage reject(RejectionCause cause) {
    lastRejection = cause;
    return null;
  }
}
