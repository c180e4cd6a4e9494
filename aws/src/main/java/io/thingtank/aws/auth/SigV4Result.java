package io.thingtank.aws.auth;

/**
 * A verified (or, in dev mode, well-formed) SigV4 request. {@code signingKey} and
 * {@code signature} seed the verification of streaming chunk signatures (S3).
 * {@link #ANONYMOUS} stands for a request that carried no signature at all.
 */
public record SigV4Result(SigV4Credential credential, String amzDate, byte[] signingKey, String signature,
    String payloadHash, boolean presigned) {

  public static final SigV4Result ANONYMOUS = new SigV4Result(null, null, null, null, null, false);

  public boolean anonymous() { return credential == null; }

  public String accessKeyId() { return credential == null ? null : credential.accessKeyId(); }
}
