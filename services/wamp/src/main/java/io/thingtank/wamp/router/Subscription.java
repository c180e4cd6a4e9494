package io.thingtank.wamp.router;

import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A topic (or pattern) with its subscribers; one id shared by all of them (WAMP §9.1.2). Realm-thread confined. */
public final class Subscription {
  final long id;
  final String uri;
  final String match;
  final String created;
  final Set<Session> subscribers = new LinkedHashSet<>();

  Subscription(long id, String uri, String match, String created) {
    this.id = id;
    this.uri = uri;
    this.match = match;
    this.created = created;
  }

  public long id() { return id; }

  Map<String, Object> details() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("id", id);
    d.put("created", created);
    d.put("uri", uri);
    d.put("match", match);
    return d;
  }
}
