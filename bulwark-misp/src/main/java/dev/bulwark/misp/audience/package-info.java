/**
 * Who may receive MISP data, on two axes that are never merged: MISP {@code distribution} and
 * sharing groups become a Bulwark releasability marking (nations), TLP tags become TLP 2.0
 * markings; both fail closed (untagged is not CLEAR, an organisation mapped to no nation receives
 * nothing). Export reverses it, refusing what MISP cannot express.
 */
package dev.bulwark.misp.audience;
