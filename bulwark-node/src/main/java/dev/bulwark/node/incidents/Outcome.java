package dev.bulwark.node.incidents;

import tools.jackson.databind.node.ObjectNode;

/**
 * What a register action came to, as the API answers it: an HTTP status and a JSON body. A denied
 * read is {@link #missing} exactly as a missing object is. Immutable.
 */
record Outcome(int status, ObjectNode body) {
  static Outcome ok(ObjectNode body) {
    return new Outcome(200, body);
  }

  static Outcome created(ObjectNode body) {
    return new Outcome(201, body);
  }

  static Outcome missing(String what) {
    return error(404, "no " + what);
  }

  static Outcome forbidden(String why) {
    return error(403, why);
  }

  static Outcome invalid(String where, String why) {
    Outcome o = error(400, where + ": " + why);
    o.body().put("where", where);
    o.body().put("reason", why);
    return o;
  }

  static Outcome error(int status, String message) {
    ObjectNode o = RegisterStix.JSON.createObjectNode();
    o.put("error", message);
    o.put("description", message);
    o.put("status", status);
    return new Outcome(status, o);
  }
}
