/**
 * The closed vocabulary of hostile hybrid acts ({@link dev.bulwark.incidents.kinds.ActKind}) and
 * the fields each kind carries ({@link dev.bulwark.incidents.kinds.ActDetails}, a sealed family of
 * records), read from and written to JSON with every problem named by path ({@link
 * dev.bulwark.incidents.kinds.KindFields}).
 */
package dev.bulwark.incidents.kinds;
