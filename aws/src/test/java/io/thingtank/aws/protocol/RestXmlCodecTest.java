package io.thingtank.aws.protocol;

import static io.thingtank.aws.protocol.AwsJsonCodecTest.callIgnoringResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingtank.aws.AwsError;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.GetBucketTaggingResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectStorageClass;
import software.amazon.awssdk.services.s3.model.Owner;
import software.amazon.awssdk.services.s3.model.PutBucketTaggingRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.StorageClass;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.Tagging;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/** Round trips of restXml against the real SDK v2 S3 client (path-style addressing). */
class RestXmlCodecTest {
  private static final OperationTable S3_TABLE = OperationTable.load("s3");
  private final CapturingHttpClient http = new CapturingHttpClient();
  private final RestXmlCodec codec = new RestXmlCodec(S3_TABLE);
  private final S3Client s3 = http.client(S3Client.builder().forcePathStyle(true)
      .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED));

  @Test
  void putObjectWithMetadataHeadersDecodesToAnEqualRequest() {
    PutObjectRequest sent = PutObjectRequest.builder().bucket("b1").key("dir/a b+c.txt")
        .contentType("text/plain").storageClass(StorageClass.STANDARD_IA).cacheControl("no-cache")
        .metadata(Map.of("owner", "alice", "device-id", "d1")).tagging("k=v")
        .expires(Instant.parse("2030-01-01T00:00:00Z"))
        .build();

    callIgnoringResponse(() -> s3.putObject(sent, RequestBody.fromString("hello")));

    // the SDK sends a signed aws-chunked body: the generic codec sees the wire headers as they are,
    assertThat(((PutObjectRequest) codec.decode(TestModels.S3, http.last()).request()).contentEncoding())
        .isEqualTo("aws-chunked");
    // and an S3 subclass restores the object's own length and encoding through the header hook
    AwsCall call = new DecodedLengthCodec().decode(TestModels.S3, http.last());
    assertThat(call.operation()).isEqualTo("PutObject");
    assertThat(call.request()).isEqualTo(sent.toBuilder().contentLength(5L).build());
  }

  @Test
  void uploadPartIsToldFromPutObjectByItsRequiredQueryMembers() {
    UploadPartRequest sent = UploadPartRequest.builder().bucket("b1").key("k").uploadId("u-1").partNumber(3)
        .contentLength(2L).build();

    callIgnoringResponse(() -> s3.uploadPart(sent, RequestBody.fromString("hi")));

    AwsCall call = new DecodedLengthCodec().decode(TestModels.S3, http.last());
    assertThat(call.operation()).isEqualTo("UploadPart");
    assertThat(call.request()).isEqualTo(sent);
  }

  @Test
  void listObjectsV2QueryParametersDecodeToAnEqualRequest() {
    ListObjectsV2Request sent = ListObjectsV2Request.builder().bucket("b1").prefix("logs/").delimiter("/")
        .maxKeys(100).continuationToken("t=1&x").startAfter("logs/a").fetchOwner(true).build();

    callIgnoringResponse(() -> s3.listObjectsV2(sent));

    AwsCall call = codec.decode(TestModels.S3, http.last());
    assertThat(call.operation()).isEqualTo("ListObjectsV2");
    assertThat(call.request()).isEqualTo(sent);
  }

  @Test
  void putBucketTaggingXmlPayloadDecodesToAnEqualRequest() {
    PutBucketTaggingRequest sent = PutBucketTaggingRequest.builder().bucket("b1")
        .tagging(Tagging.builder().tagSet(Tag.builder().key("env").value("prod").build(),
            Tag.builder().key("team").value("<iot & co>").build()).build())
        .build();

    callIgnoringResponse(() -> s3.putBucketTagging(sent));

    PutBucketTaggingRequest decoded = (PutBucketTaggingRequest) codec.decode(TestModels.S3, http.last()).request();
    assertThat(decoded.tagging()).isEqualTo(sent.tagging());
    assertThat(decoded.bucket()).isEqualTo("b1");
    // the SDK adds the checksum it computed (the operation requires one) as a header member
    assertThat(decoded.toBuilder().checksumAlgorithm((String) null).contentMD5(null).build()).isEqualTo(sent);
  }

  @Test
  void listObjectsV2ResponseIsParsedIntoAnEqualResponse() {
    ListObjectsV2Response ours = ListObjectsV2Response.builder().name("b1").prefix("logs/").delimiter("/")
        .maxKeys(100).keyCount(2).isTruncated(true).nextContinuationToken("next")
        .contents(S3Object.builder().key("logs/a.txt").size(12L).eTag("\"abc\"")
                .lastModified(Instant.parse("2024-07-01T08:09:10.123Z")).storageClass(ObjectStorageClass.STANDARD)
                .owner(Owner.builder().id("o1").displayName("alice").build()).build(),
            S3Object.builder().key("logs/b.txt").size(0L).eTag("\"d41d\"")
                .lastModified(Instant.parse("2024-07-01T08:09:11Z")).build())
        .commonPrefixes(CommonPrefix.builder().prefix("logs/2024/").build())
        .build();
    http.respond(r -> codec.encode(TestModels.S3, "ListObjectsV2", ours, "req-1"));

    ListObjectsV2Response parsed = s3.listObjectsV2(b -> b.bucket("b1").prefix("logs/").delimiter("/"));

    SdkAssertions.assertSameFields(parsed, ours);
  }

  @Test
  void getBucketTaggingResponseIsParsedIntoAnEqualResponse() {
    GetBucketTaggingResponse ours = GetBucketTaggingResponse.builder()
        .tagSet(Tag.builder().key("env").value("prod").build()).build();
    http.respond(r -> codec.encode(TestModels.S3, "GetBucketTagging", ours, "req-2"));

    SdkAssertions.assertSameFields(s3.getBucketTagging(b -> b.bucket("b1")), ours);
  }

  @Test
  void headObjectResponseHeadersAreParsedIntoAnEqualResponse() {
    HeadObjectResponse ours = HeadObjectResponse.builder().contentLength(42L).contentType("text/plain")
        .eTag("\"e1\"").lastModified(Instant.parse("2024-07-01T08:09:10Z"))
        .metadata(Map.of("owner", "alice")).versionId("v1").build();
    http.respond(r -> codec.encode(TestModels.S3, "HeadObject", ours, "req-3"));

    HeadObjectResponse parsed = s3.headObject(b -> b.bucket("b1").key("k"));

    SdkAssertions.assertSameFields(parsed, ours);
  }

  @Test
  void errorSurfacesAsTheModelledException() {
    http.respond(r -> codec.encodeError(TestModels.S3, "GetObjectTagging",
        new AwsError("NoSuchKey", "The specified key does not exist.", 404), "req-4"));

    assertThatThrownBy(() -> s3.getObjectTagging(b -> b.bucket("b1").key("missing")))
        .isInstanceOfSatisfying(NoSuchKeyException.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchKey");
          assertThat(e.statusCode()).isEqualTo(404);
          assertThat(e.requestId()).isEqualTo("req-4");
        });
  }

  @Test
  void routesPickTheMostSpecificOperation() {
    assertThat(route("PUT", "/b/k", "partNumber=1&uploadId=u", Map.of())).isEqualTo("UploadPart");
    assertThat(route("PUT", "/b/k", null, Map.of())).isEqualTo("PutObject");
    assertThat(route("PUT", "/b/k", null, Map.of("x-amz-copy-source", List.of("/a/b")))).isEqualTo("CopyObject");
    assertThat(route("GET", "/b", "list-type=2", Map.of())).isEqualTo("ListObjectsV2");
    assertThat(route("GET", "/b", null, Map.of())).isEqualTo("ListObjects");
    assertThat(route("GET", "/b/", "tagging", Map.of())).isEqualTo("GetBucketTagging");
    assertThat(route("GET", "/b/k/deep/", "tagging", Map.of())).isEqualTo("GetObjectTagging");
    assertThat(route("POST", "/b/k", "uploads", Map.of())).isEqualTo("CreateMultipartUpload");
    assertThat(route("GET", "/", null, Map.of())).isEqualTo("ListBuckets");
    assertThatThrownBy(() -> route("PATCH", "/b", null, Map.of())).isInstanceOf(AwsError.class);
  }

  /** What the S3 module's codec does with aws-chunked uploads, to prove the extension point. */
  private static final class DecodedLengthCodec extends RestXmlCodec {
    DecodedLengthCodec() { super(S3_TABLE); }

    @Override
    protected String header(AwsHttpRequest request, String name) {
      boolean chunked = "aws-chunked".equals(request.header("content-encoding"));
      if (chunked && name.equals("content-length")) return request.header("x-amz-decoded-content-length");
      if (chunked && name.equals("content-encoding")) return null;
      return request.header(name);
    }
  }

  private String route(String method, String path, String query, Map<String, List<String>> headers) {
    AwsHttpRequest request = new AwsHttpRequest(method, path, query, headers, null);
    return S3_TABLE.match(method, path, request.queryParams(), request).route().operation();
  }
}
