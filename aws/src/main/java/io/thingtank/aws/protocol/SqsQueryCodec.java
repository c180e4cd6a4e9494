package io.thingtank.aws.protocol;

import java.util.Map;
import software.amazon.awssdk.core.SdkField;

/**
 * SQS over awsQuery. The SDK v2 SQS classes come from the JSON model, which lost the query
 * names of the 2012-11-05 query API ({@code MessageAttribute.N.Name}, {@code Attribute.N.Value},
 * {@code SendMessageBatchRequestEntry.N.Id}, flattened {@code <Message>} in results); this codec
 * restores them from a table, keyed by {@code Owner.Member} or {@code *.Member}.
 * Stateless and thread-safe.
 */
public final class SqsQueryCodec extends AwsQueryCodec {
  private static final Map<String, QueryMemberName> NAMES = Map.ofEntries(
      Map.entry("*.Attributes", QueryMemberName.flatMap("Attribute", "Name", "Value")),
      Map.entry("*.MessageAttributes", QueryMemberName.flatMap("MessageAttribute", "Name", "Value")),
      Map.entry("*.MessageSystemAttributes", QueryMemberName.flatMap("MessageSystemAttribute", "Name", "Value")),
      Map.entry("*.Tags", QueryMemberName.flatMap("Tag", "Key", "Value")),
      Map.entry("*.AttributeNames", QueryMemberName.flatList("AttributeName")),
      Map.entry("*.MessageAttributeNames", QueryMemberName.flatList("MessageAttributeName")),
      Map.entry("*.MessageSystemAttributeNames", QueryMemberName.flatList("MessageSystemAttributeName")),
      Map.entry("*.TagKeys", QueryMemberName.flatList("TagKey")),
      Map.entry("*.AWSAccountIds", QueryMemberName.flatList("AWSAccountId")),
      Map.entry("*.Actions", QueryMemberName.flatList("ActionName")),
      Map.entry("*.QueueUrls", QueryMemberName.flatList("QueueUrl")),
      Map.entry("*.Messages", QueryMemberName.flatList("Message")),
      Map.entry("*.StringListValues", QueryMemberName.flatList("StringListValue")),
      Map.entry("*.BinaryListValues", QueryMemberName.flatList("BinaryListValue")),
      Map.entry("*.Failed", QueryMemberName.flatList("BatchResultErrorEntry")),
      Map.entry("*.Results", QueryMemberName.flatList("ListMessageMoveTasksResultEntry")),
      Map.entry("SendMessageBatchRequest.Entries", QueryMemberName.flatList("SendMessageBatchRequestEntry")),
      Map.entry("DeleteMessageBatchRequest.Entries", QueryMemberName.flatList("DeleteMessageBatchRequestEntry")),
      Map.entry("ChangeMessageVisibilityBatchRequest.Entries",
          QueryMemberName.flatList("ChangeMessageVisibilityBatchRequestEntry")),
      Map.entry("SendMessageBatchResponse.Successful", QueryMemberName.flatList("SendMessageBatchResultEntry")),
      Map.entry("DeleteMessageBatchResponse.Successful", QueryMemberName.flatList("DeleteMessageBatchResultEntry")),
      Map.entry("ChangeMessageVisibilityBatchResponse.Successful",
          QueryMemberName.flatList("ChangeMessageVisibilityBatchResultEntry")));
  private static final SqsQueryCodec INSTANCE = new SqsQueryCodec();

  private SqsQueryCodec() { super(false, SqsQueryCodec::nameOf); }

  public static SqsQueryCodec sqsInstance() { return INSTANCE; }

  /**
   * Query clients may address the queue by the request path ({@code POST /123456789012/name})
   * instead of a {@code QueueUrl} parameter; the path then stands for the queue URL.
   */
  @Override
  public AwsCall decode(io.thingtank.aws.AwsServiceModel service, AwsHttpRequest request) {
    String path = request.rawPath();
    if (path != null && QUEUE_PATH.matcher(path).matches() && !new QueryParams(request).has("QueueUrl")) {
      String host = request.header("host");
      String url = "http://" + (host == null ? "localhost" : host) + path;
      String extra = "QueueUrl=" + java.net.URLEncoder.encode(url, java.nio.charset.StandardCharsets.UTF_8);
      String query = request.rawQuery() == null || request.rawQuery().isEmpty() ? extra : request.rawQuery() + "&" + extra;
      request = new AwsHttpRequest(request.method(), path, query, request.headers(), request.body());
    }
    return super.decode(service, request);
  }

  private static final java.util.regex.Pattern QUEUE_PATH = java.util.regex.Pattern.compile("/\\d{12}/[A-Za-z0-9_.-]{1,80}");

  private static QueryMemberName nameOf(Class<?> owner, SdkField<?> field) {
    QueryMemberName exact = NAMES.get(owner.getSimpleName() + "." + field.memberName());
    return exact != null ? exact : NAMES.get("*." + field.memberName());
  }
}
