package dev.bulwark.ais;

/**
 * Type 20: data link management, up to four slot reservations (absent ones are zero). Immutable and
 * thread-safe.
 */
public record DataLinkManagement(
    int type,
    int repeat,
    int mmsi,
    int offset1,
    int number1,
    int timeout1,
    int increment1,
    int offset2,
    int number2,
    int timeout2,
    int increment2,
    int offset3,
    int number3,
    int timeout3,
    int increment3,
    int offset4,
    int number4,
    int timeout4,
    int increment4)
    implements AisMessage {}
