/**
 * Reading the MISP core format (one event, {@code {"response": [...]}} collections, feed event
 * files) into {@code dev.bulwark.misp.model} records; bad input is rejected with its JSON path and
 * reason, and memory is bounded by {@link dev.bulwark.misp.read.MispLimits}.
 */
package dev.bulwark.misp.read;
