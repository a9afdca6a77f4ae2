package dev.bulwark.ais;

/**
 * One decoded AIS message: the closed family of ITU-R M.1371 message types 1 to 27.
 *
 * <p><b>Values "not available".</b> Every record keeps each field as the raw ITU integer (the value
 * on the air), named as in gpsd's JSON dialect, so a "not available" sentinel (heading 511, speed
 * 1023, longitude 181 degrees, ...) stays distinguishable from a real value and nothing is lost.
 * For the fields an application usually wants, records also offer scaled accessors that return
 * {@link java.util.OptionalDouble}/{@link java.util.OptionalInt}, empty when the raw value is the
 * "not available" sentinel (for example {@link PositionReportClassA#speedKnots()}), and {@code
 * hasX()} tests where that reads better ({@link PositionReportClassA#hasPosition()}).
 *
 * <p>All implementations are immutable records and thread-safe.
 */
public sealed interface AisMessage
    permits PositionReportClassA,
        BaseStationReport,
        StaticVoyageData,
        BinaryAddressedMessage,
        BinaryAcknowledge,
        BinaryBroadcastMessage,
        SarAircraftPositionReport,
        UtcDateInquiry,
        AddressedSafetyMessage,
        SafetyBroadcastMessage,
        Interrogation,
        AssignmentModeCommand,
        DgnssBroadcast,
        PositionReportClassB,
        ExtendedPositionReportClassB,
        DataLinkManagement,
        AidToNavigationReport,
        ChannelManagement,
        GroupAssignmentCommand,
        StaticDataReportA,
        StaticDataReportB,
        SingleSlotBinaryMessage,
        MultipleSlotBinaryMessage,
        LongRangePositionReport {

  /** The message type, 1..27. */
  int type();

  /** The repeat indicator, 0..3. */
  int repeat();

  /** The MMSI of the sending station (30 bits, printed with 9 digits by convention). */
  int mmsi();
}
