package dev.bulwark.stix.pattern;

/**
 * One token of a pattern, as the STIX patterning grammar's lexer cuts it (longest match, keywords
 * before identifiers). Immutable.
 *
 * @param kind what it is
 * @param text the text as written
 * @param start 0-based offset in the pattern
 */
record Token(Kind kind, String text, int start) {

  /** Token kinds; keywords are spelled as their names. */
  enum Kind {
    LBRACK,
    RBRACK,
    LPAREN,
    RPAREN,
    COLON,
    DOT,
    COMMA,
    EQ,
    NEQ,
    LT,
    LE,
    GT,
    GE,
    ASTERISK,
    AND,
    OR,
    NOT,
    FOLLOWEDBY,
    LIKE,
    MATCHES,
    ISSUPERSET,
    ISSUBSET,
    EXISTS,
    LAST,
    IN,
    START,
    STOP,
    SECONDS,
    WITHIN,
    REPEATS,
    TIMES,
    BOOL,
    ID,
    ID_HYPHEN,
    STRING,
    INT_POS,
    INT_NEG,
    FLOAT_POS,
    FLOAT_NEG,
    HEX,
    BINARY,
    TIMESTAMP,
    OTHER,
    EOF
  }

  boolean is(Kind k) {
    return kind == k;
  }
}
