package io.thingtank.wamp.router;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A procedure (or pattern) with its callees and invocation policy: single, roundrobin, random,
 * first or last (WAMP §14.3.9 shared registration). Realm-thread confined.
 */
public final class Registration {
  final long id;
  final String uri;
  final String match;
  final String invoke;
  final String created;
  final List<Session> callees = new ArrayList<>();
  final Map<Session, Boolean> discloseCaller = new LinkedHashMap<>();
  private int next;

  Registration(long id, String uri, String match, String invoke, String created) {
    this.id = id;
    this.uri = uri;
    this.match = match;
    this.invoke = invoke;
    this.created = created;
  }

  /** The callee for the next invocation, by the registration's policy. */
  Session pick() {
    return switch (invoke) {
      case "roundrobin" -> callees.get(next++ % callees.size());
      case "random" -> callees.get(ThreadLocalRandom.current().nextInt(callees.size()));
      case "last" -> callees.get(callees.size() - 1);
      default -> callees.get(0);
    };
  }

  Map<String, Object> details() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("id", id);
    d.put("created", created);
    d.put("uri", uri);
    d.put("match", match);
    d.put("invoke", invoke);
    return d;
  }
}
