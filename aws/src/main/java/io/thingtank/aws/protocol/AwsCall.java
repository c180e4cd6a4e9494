package io.thingtank.aws.protocol;

import software.amazon.awssdk.core.SdkRequest;

/** A decoded request: the operation name ({@code SendMessage}) and its typed SDK request. */
public record AwsCall(String operation, SdkRequest request) {
}
