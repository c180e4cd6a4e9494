package io.thingtank.aws;

/**
 * An AWS error as the service documents it: a code (the error shape name, e.g.
 * {@code QueueDoesNotExist}), a message and an HTTP status. {@code queryCode} is the legacy
 * query-protocol code where it differs ({@code AWS.SimpleQueueService.NonExistentQueue}).
 * Codecs render it in each protocol's own error shape. Services fail their futures with it.
 */
public class AwsError extends RuntimeException {
  private final String code;
  private final int status;
  private final String queryCode;
  private final boolean senderFault;

  public AwsError(String code, String message, int status) {
    this(code, message, status, null);
  }

  public AwsError(String code, String message, int status, String queryCode) {
    super(message, null, false, false);
    this.code = code;
    this.status = status;
    this.queryCode = queryCode;
    this.senderFault = status < 500;
  }

  /** The error shape name, e.g. {@code InvalidParameterValue}. */
  public String code() { return code; }

  /** The code query clients see: {@link #queryCode} if set, else {@link #code}. */
  public String queryCode() { return queryCode != null ? queryCode : code; }

  public boolean hasQueryCode() { return queryCode != null; }

  public int status() { return status; }

  /** "Sender" for 4xx, "Receiver" for 5xx, as query error envelopes say. */
  public String faultType() { return senderFault ? "Sender" : "Receiver"; }

  /** Turns any failure into an AwsError: AwsErrors pass through, anything else is an InternalFailure. */
  public static AwsError from(Throwable t) {
    if (t instanceof AwsError e) return e;
    if (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) return from(t.getCause());
    return AwsErrors.internalFailure(t);
  }
}
