package dev.bulwark.ais;

/** Type 24 part A: the vessel name of a Class B station. Immutable and thread-safe. */
public record StaticDataReportA(int type, int repeat, int mmsi, String shipname)
    implements AisMessage {}
