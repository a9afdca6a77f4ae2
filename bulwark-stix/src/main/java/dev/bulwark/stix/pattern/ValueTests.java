package dev.bulwark.stix.pattern;

import dev.bulwark.stix.pattern.ComparisonExpression.Comparison;
import dev.bulwark.stix.pattern.ComparisonExpression.Op;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.IntNode;

/**
 * Compiles one comparison ({@code path op constant}) into a test of one selected value, with the
 * reference matcher's typing: numbers compare across int and float, strings by code point, binary
 * with strings whose characters are all below 256, timestamps with strings that hold a timestamp
 * (an error when they do not), and every other pair of types is unequal and unordered (an ordering
 * of unordered types is false even under NOT). A value is a {@link JsonNode} or a {@code byte[]}
 * (from a {@code _hex} or {@code _bin} property). Stateless and thread-safe.
 */
final class ValueTests {

  /** A test of one value. */
  @FunctionalInterface
  interface ValueTest {
    boolean test(Object value);
  }

  private static final JsonNode ONE = IntNode.valueOf(1);
  private static final JsonNode ZERO = IntNode.valueOf(0);

  private ValueTests() {}

  static ValueTest compile(Comparison c) {
    return compile(c, Map.of());
  }

  /**
   * @param c the comparison
   * @param regexes MATCHES operands the parser already compiled (by identity of the constant)
   */
  static ValueTest compile(Comparison c, Map<Literal.Str, Pattern> regexes) {
    ValueTest base =
        switch (c.op()) {
          case EQ, NEQ -> equality(c.value(), c.op() == Op.NEQ);
          case LT, LE, GT, GE -> order(c.op(), c.value(), c.negated());
          case IN -> set((Literal.SetOf) c.value());
          case LIKE -> like(((Literal.Str) c.value()).value());
          case MATCHES -> regex((Literal.Str) c.value(), regexes.get(c.value()));
          case ISSUBSET -> subset(((Literal.Str) c.value()).value());
          case ISSUPERSET -> superset(((Literal.Str) c.value()).value());
        };
    if (!c.negated() || isOrder(c.op())) {
      return base;
    }
    return v -> !base.test(v);
  }

  private static boolean isOrder(Op op) {
    return op == Op.LT || op == Op.LE || op == Op.GT || op == Op.GE;
  }

  // ---- equality ------------------------------------------------------------------------------

  private static ValueTest equality(Literal lit, boolean notEqual) {
    return v -> equal(v, lit) != notEqual;
  }

  static boolean equal(Object v, Literal lit) {
    if (v instanceof byte[] b) {
      if (lit instanceof Literal.Bin bin) {
        return Arrays.equals(b, bin.raw());
      }
      return lit instanceof Literal.Str s && latin1Equals(s.value(), b);
    }
    if (!(v instanceof JsonNode n)) {
      return false;
    }
    if (lit instanceof Literal.Str s) {
      return n.isString() && n.stringValue().equals(s.value());
    } else if (lit instanceof Literal.Int i) {
      return n.isNumber() && numCompare(n, i.value()) == 0;
    } else if (lit instanceof Literal.Flt f) {
      return n.isNumber() && numCompare(n, f.value()) == 0;
    } else if (lit instanceof Literal.Bool b) {
      return n.isBoolean() && n.booleanValue() == b.value();
    } else if (lit instanceof Literal.Bin bin) {
      return n.isString() && latin1Equals(n.stringValue(), bin.raw());
    } else if (lit instanceof Literal.Timestamp t) {
      return n.isString() && timestampOf(n.stringValue()) == t.micros();
    }
    return false;
  }

  private static boolean latin1Equals(String s, byte[] b) {
    if (s.length() != b.length || !Regexes.latin1(s)) {
      return false;
    }
    for (int i = 0; i < b.length; i++) {
      if ((b[i] & 0xff) != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  // ---- order ---------------------------------------------------------------------------------

  private static ValueTest order(Op op, Literal lit, boolean negated) {
    return v -> {
      Optional<Integer> cmp = compare(v, lit);
      if (cmp == null) {
        return false; // no ordering between these types: false, NOT or not (reference)
      }
      boolean r =
          cmp.isPresent()
              && switch (op) {
                case LT -> cmp.get() < 0;
                case LE -> cmp.get() <= 0;
                case GT -> cmp.get() > 0;
                default -> cmp.get() >= 0;
              };
      return r != negated;
    };
  }

  /** null: types not ordered; empty: a string with characters over 255 against binary. */
  static Optional<Integer> compare(Object v, Literal lit) {
    if (v instanceof byte[] b) {
      if (lit instanceof Literal.Bin bin) {
        return Optional.of(Arrays.compareUnsigned(b, bin.raw()));
      }
      if (lit instanceof Literal.Str s) {
        return latin1(s.value()).map(sb -> Arrays.compareUnsigned(b, sb));
      }
      return null;
    }
    if (!(v instanceof JsonNode n)) {
      return null;
    }
    if (lit instanceof Literal.Str s && n.isString()) {
      return Optional.of(codePointCompare(n.stringValue(), s.value()));
    } else if (lit instanceof Literal.Int i && n.isNumber()) {
      return Optional.of(numCompare(n, i.value()));
    } else if (lit instanceof Literal.Flt f && n.isNumber()) {
      return Optional.of(numCompare(n, f.value()));
    } else if (lit instanceof Literal.Bin bin && n.isString()) {
      return latin1(n.stringValue()).map(sb -> Arrays.compareUnsigned(sb, bin.raw()));
    } else if (lit instanceof Literal.Timestamp t && n.isString()) {
      return Optional.of(Long.compare(timestampOf(n.stringValue()), t.micros()));
    }
    return null;
  }

  private static Optional<byte[]> latin1(String s) {
    return Regexes.latin1(s)
        ? Optional.of(s.getBytes(StandardCharsets.ISO_8859_1))
        : Optional.empty();
  }

  static int codePointCompare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }

  /** Exact comparison of a JSON number with a long (Python compares int and float exactly). */
  static int numCompare(JsonNode n, long lit) {
    if (n.isIntegralNumber() && n.canConvertToLong()) {
      return Long.compare(n.longValue(), lit);
    }
    return bigOf(n).compareTo(BigDecimal.valueOf(lit));
  }

  static int numCompare(JsonNode n, double lit) {
    if (n.isIntegralNumber() && n.canConvertToLong() && Math.abs(n.longValue()) < (1L << 53)) {
      return Double.compare((double) n.longValue(), lit) == 0
          ? 0
          : Double.compare(n.longValue(), lit);
    }
    if (n.isFloatingPointNumber()) {
      return Double.compare(n.doubleValue(), lit) == 0 ? 0 : (n.doubleValue() < lit ? -1 : 1);
    }
    return bigOf(n).compareTo(new BigDecimal(lit));
  }

  private static BigDecimal bigOf(JsonNode n) {
    if (n.isIntegralNumber()) {
      BigInteger b = n.bigIntegerValue();
      return new BigDecimal(b);
    }
    return new BigDecimal(n.doubleValue());
  }

  // ---- sets ----------------------------------------------------------------------------------

  private static ValueTest set(Literal.SetOf set) {
    List<Literal> members = set.members();
    return v -> {
      for (Literal m : members) {
        if (inSet(v, m)) {
          return true;
        }
      }
      return false;
    };
  }

  /** Python's {@code value in set}: equality, where booleans are also the integers 0 and 1. */
  private static boolean inSet(Object v, Literal m) {
    if (v instanceof JsonNode n) {
      if (n.isBoolean() && (m instanceof Literal.Int || m instanceof Literal.Flt)) {
        return equal(n.booleanValue() ? ONE : ZERO, m);
      }
      if (n.isNumber() && m instanceof Literal.Bool b) {
        return n.isNumber() && numCompare(n, b.value() ? 1L : 0L) == 0;
      }
      if (m instanceof Literal.Bin && n.isString()) {
        return false; // a str is never a member of a set of bytes
      }
    } else if (m instanceof Literal.Str) {
      return false;
    }
    return equal(v, m);
  }

  // ---- strings -------------------------------------------------------------------------------

  private static ValueTest like(String operand) {
    String nfc = Nfc.of(operand);
    Like like = Like.compile(nfc);
    boolean binaryOk = Regexes.latin1(nfc);
    return v -> {
      String s = textOf(v, binaryOk);
      return s != null && like.matches(Nfc.of(s));
    };
  }

  private static String textOf(Object v, boolean binaryOk) {
    if (v instanceof byte[] b) {
      if (!binaryOk) {
        return null;
      }
      try {
        return StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(b))
            .toString();
      } catch (CharacterCodingException e) {
        throw new PatternEvaluationException("binary value is not UTF-8 text for LIKE");
      }
    }
    return v instanceof JsonNode n && n.isString() ? n.stringValue() : null;
  }

  private static ValueTest regex(Literal.Str operand, Pattern parsed) {
    String regex = operand.value();
    String nfc = Nfc.of(regex);
    // the parser compiled the operand as written; that is the NFC form when Nfc.of changed nothing
    Pattern text = parsed != null && nfc == regex ? parsed : Regexes.compileText(nfc);
    boolean binaryOk = Regexes.latin1(nfc);
    AtomicReference<Pattern> binary = new AtomicReference<>(); // on the first binary value: rare
    return v -> {
      if (v instanceof byte[] b) {
        if (!binaryOk) {
          return false;
        }
        Pattern p = binary.get();
        if (p == null) {
          p = Regexes.compileBinary(nfc);
          binary.set(p); // two threads may both compile it: the same expression either way
        }
        return p.matcher(new String(b, StandardCharsets.ISO_8859_1)).find();
      }
      return v instanceof JsonNode n
          && n.isString()
          && text.matcher(Nfc.of(n.stringValue())).find();
    };
  }

  private static ValueTest subset(String container) {
    return v -> v instanceof JsonNode n && n.isString() && Cidr.within(n.stringValue(), container);
  }

  private static ValueTest superset(String containee) {
    return v -> v instanceof JsonNode n && n.isString() && Cidr.within(containee, n.stringValue());
  }

  // ---- timestamps ----------------------------------------------------------------------------

  static long timestampOf(String s) {
    Optional<Long> micros = Micros.of(s);
    return micros.orElseThrow(
        () -> new PatternEvaluationException("Invalid timestamp in JSON: " + s));
  }
}
