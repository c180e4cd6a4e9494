package io.thingtank.sqs.handler;

import io.thingtank.aws.AwsError;
import io.thingtank.sqs.SqsErrors;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;

/**
 * Rules every *Batch action shares (API reference, e.g. SendMessageBatch): 1 to 10 entries, ids
 * of letters, digits, hyphens and underscores up to 80 long, no id twice. Stateless.
 */
final class BatchChecks {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");

  private BatchChecks() {}

  /** Checks the entries' ids; a missing entry counts as one without a valid id. */
  static <E> void check(String entryShape, List<E> entries, java.util.function.Function<E, String> id) {
    if (entries == null || entries.isEmpty()) throw SqsErrors.emptyBatchRequest(entryShape);
    if (entries.contains(null)) throw SqsErrors.invalidBatchEntryId();
    check(entryShape, entries.stream().map(id).toList());
  }

  private static void check(String entryShape, List<String> ids) {
    if (ids.size() > 10) throw SqsErrors.tooManyEntriesInBatchRequest(ids.size());
    Set<String> seen = new HashSet<>();
    for (String id : ids) {
      if (id == null || !ID.matcher(id).matches()) throw SqsErrors.invalidBatchEntryId();
      if (!seen.add(id)) throw SqsErrors.batchEntryIdsNotDistinct(id);
    }
  }

  static BatchResultErrorEntry failure(String id, AwsError e) {
    return BatchResultErrorEntry.builder().id(id).code(e.code()).message(e.getMessage())
        .senderFault(e.status() < 500).build();
  }
}
