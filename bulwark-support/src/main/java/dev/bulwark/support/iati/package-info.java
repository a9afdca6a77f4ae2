/**
 * The ledger as an IATI 2.03 activity file, the open standard of aid transparency ({@code
 * IatiExporter}).
 */
package dev.bulwark.support.iati;
