package io.thingtank.aws;

import java.util.Set;

/**
 * How one AWS service is addressed and encoded, as its botocore model's metadata says.
 *
 * @param signingName     SigV4 credential-scope service ({@code sqs}, {@code s3}, {@code dynamodb})
 * @param targetPrefix    {@code X-Amz-Target} prefix for JSON protocols ({@code AmazonSQS}); null if none
 * @param protocols       the protocols the service accepts (SQS: JSON 1.0 and query)
 * @param apiVersion      the {@code Version} form value for query protocols ({@code 2012-11-05})
 * @param xmlNamespace    namespace of query/XML responses
 * @param modelPackage    package of the AWS SDK for Java v2 model classes
 *                        ({@code software.amazon.awssdk.services.sqs.model})
 * @param queryCompatible JSON errors carry the legacy query code in {@code x-amzn-query-error}
 * @param smithyService   service shape name for rpc-v2-cbor paths; null if not offered
 */
public record AwsServiceModel(
    String signingName,
    String targetPrefix,
    Set<AwsProtocol> protocols,
    String apiVersion,
    String xmlNamespace,
    String modelPackage,
    boolean queryCompatible,
    String smithyService) {
}
