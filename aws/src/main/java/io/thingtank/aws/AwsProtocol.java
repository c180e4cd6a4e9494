package io.thingtank.aws;

/** The AWS wire protocols (Smithy protocol traits); one codec each. */
public enum AwsProtocol {
  /** JSON body, operation in {@code X-Amz-Target}; content type {@code application/x-amz-json-1.0}. */
  AWS_JSON_1_0,
  /** As 1.0 with {@code application/x-amz-json-1.1}; Kinesis also accepts CBOR ({@code application/x-amz-cbor-1.1}). */
  AWS_JSON_1_1,
  /** Form-encoded {@code Action=...&Version=...}, XML responses. */
  AWS_QUERY,
  /** EC2's variant of query: different list serialisation and error envelope. */
  EC2_QUERY,
  /** HTTP method + URI template per operation, XML bodies (S3). */
  REST_XML,
  /** HTTP method + URI template per operation, JSON bodies. */
  REST_JSON,
  /** Smithy RPC v2 CBOR: {@code POST /service/<Service>/operation/<Op>}, header {@code smithy-protocol: rpc-v2-cbor}. */
  RPC_V2_CBOR
}
