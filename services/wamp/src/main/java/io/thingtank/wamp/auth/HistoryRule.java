package io.thingtank.wamp.auth;

/** Event history kept for subscriptions on {@code uri}/{@code match} (Crossbar's event-history), newest {@code limit} events. */
public record HistoryRule(String uri, String match, int limit) {
}
