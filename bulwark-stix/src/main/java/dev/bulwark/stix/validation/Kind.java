package dev.bulwark.stix.validation;

/** The data types of STIX 2.1 section 2 as they appear in property tables. */
enum Kind {
  STRING,
  BOOLEAN,
  INTEGER,
  FLOAT,
  TIMESTAMP,
  BINARY,
  HEX,
  DICTIONARY,
  HASHES,
  IDENTIFIER,
  IDENTIFIERS,
  STRINGS,
  OPEN_VOCAB,
  OPEN_VOCABS,
  ENUM,
  ENUMS,
  EXTERNAL_REFERENCES,
  KILL_CHAIN_PHASES,
  GRANULAR_MARKINGS,
  EXTENSIONS,
  OBJECT,
  OBJECTS,
  OBSERVABLE_CONTAINER,
  RESERVED
}
