package io.thingtank.sqs.handler;

import io.thingtank.sqs.SqsErrors;
import io.thingtank.sqs.model.Queue;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Paging of ListQueues and ListDeadLetterSourceQueues: MaxResults 1-1000; NextToken is the last
 * queue name returned, Base64-encoded; without MaxResults up to 1000 queues and no token. Stateless.
 */
final class Pages {
  private Pages() {}

  /** The page of {@code sorted} (by name) after the token. */
  record Page(List<Queue> queues, String nextToken) {}

  static Page page(List<Queue> sorted, Integer maxResults, String nextToken) {
    if (maxResults != null && (maxResults < 1 || maxResults > 1000)) {
      throw SqsErrors.invalidParameter("MaxResults", maxResults, "MaxResults must be an integer between 1 and 1000.");
    }
    int from = 0;
    if (nextToken != null && !nextToken.isEmpty()) {
      String after;
      try {
        after = new String(Base64.getUrlDecoder().decode(nextToken), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw SqsErrors.invalidParameterValue("Invalid or expired next token.");
      }
      while (from < sorted.size() && sorted.get(from).name().compareTo(after) <= 0) from++;
    }
    int max = maxResults == null ? 1000 : maxResults;
    int to = Math.min(sorted.size(), from + max);
    List<Queue> page = sorted.subList(from, to);
    String token = maxResults != null && to < sorted.size()
        ? Base64.getUrlEncoder().encodeToString(page.getLast().name().getBytes(StandardCharsets.UTF_8)) : null;
    return new Page(page, token);
  }
}
