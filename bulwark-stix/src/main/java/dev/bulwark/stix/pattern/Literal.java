package dev.bulwark.stix.pattern;

import java.util.Arrays;
import java.util.List;

/**
 * A constant in a pattern (STIX 2.1 section 9.4): string, integer, float, boolean, binary (from
 * {@code b'..'} base64 or {@code h'..'} hex), timestamp ({@code t'..'}, kept as epoch microseconds,
 * the reference matcher's precision) or a set of those. Immutable.
 */
public sealed interface Literal {

  /** A string constant, its escapes resolved. */
  record Str(String value) implements Literal {}

  /** An integer constant. */
  record Int(long value) implements Literal {}

  /** A float constant. */
  record Flt(double value) implements Literal {}

  /** A boolean constant. */
  record Bool(boolean value) implements Literal {}

  /** A binary constant; {@code hex} says it was written {@code h'..'} rather than {@code b'..'}. */
  record Bin(byte[] value, boolean hex) implements Literal {
    /** Defensive copy: the record stays immutable. */
    public Bin {
      value = value.clone();
    }

    @Override
    public byte[] value() {
      return value.clone();
    }

    byte[] raw() {
      return value;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Bin b && b.hex == hex && Arrays.equals(b.value, value);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
      return "Bin[" + Arrays.toString(value) + "]";
    }
  }

  /** A timestamp constant as epoch microseconds, with its text. */
  record Timestamp(long micros, String text) implements Literal {}

  /** A set constant {@code (a, b, ...)}, all of one type (ints and floats may mix). */
  record SetOf(List<Literal> members) implements Literal {
    /** Defensive copy. */
    public SetOf {
      members = List.copyOf(members);
    }
  }
}
