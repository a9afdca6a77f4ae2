package dev.bulwark.stix.validation;

/** The families of STIX objects (STIX 2.1 sections 4 to 8), which decide the common properties. */
enum Category {
  /** STIX Domain Object (section 4). */
  SDO,
  /** STIX Relationship Object (section 5). */
  SRO,
  /** STIX Cyber-observable Object (section 6). */
  SCO,
  /** language-content (section 7.1). */
  LANGUAGE,
  /** marking-definition (section 7.2.1). */
  MARKING,
  /** extension-definition (section 7.3). */
  EXTENSION_DEFINITION,
  /** bundle (section 8). */
  BUNDLE,
  /** A property set nested in an object: predefined extensions and embedded types. */
  NESTED
}
