package io.thingtank.aws.protocol;

import io.thingtank.aws.AwsProtocol;
import io.thingtank.aws.AwsServiceModel;
import java.util.Set;

/** Service models as their botocore metadata says, for codec tests (services define their own). */
final class TestModels {
  private TestModels() {}

  static final AwsServiceModel SQS = new AwsServiceModel("sqs", "AmazonSQS",
      Set.of(AwsProtocol.AWS_JSON_1_0, AwsProtocol.AWS_QUERY), "2012-11-05",
      "http://queue.amazonaws.com/doc/2012-11-05/", "software.amazon.awssdk.services.sqs.model", true, null);
  static final AwsServiceModel DYNAMODB = new AwsServiceModel("dynamodb", "DynamoDB_20120810",
      Set.of(AwsProtocol.AWS_JSON_1_0), "2012-08-10", null,
      "software.amazon.awssdk.services.dynamodb.model", false, null);
  static final AwsServiceModel KINESIS = new AwsServiceModel("kinesis", "Kinesis_20131202",
      Set.of(AwsProtocol.AWS_JSON_1_1), "2013-12-02", null,
      "software.amazon.awssdk.services.kinesis.model", false, null);
  static final AwsServiceModel CLOUDWATCH = new AwsServiceModel("monitoring", "GraniteServiceVersion20100801",
      Set.of(AwsProtocol.RPC_V2_CBOR, AwsProtocol.AWS_JSON_1_0, AwsProtocol.AWS_QUERY), "2010-08-01",
      "http://monitoring.amazonaws.com/doc/2010-08-01/", "software.amazon.awssdk.services.cloudwatch.model",
      true, "GraniteServiceVersion20100801");
  static final AwsServiceModel EC2 = new AwsServiceModel("ec2", null, Set.of(AwsProtocol.EC2_QUERY),
      "2016-11-15", "http://ec2.amazonaws.com/doc/2016-11-15/", "software.amazon.awssdk.services.ec2.model",
      false, null);
  static final AwsServiceModel AUTOSCALING = new AwsServiceModel("autoscaling", null, Set.of(AwsProtocol.AWS_QUERY),
      "2011-01-01", "http://autoscaling.amazonaws.com/doc/2011-01-01/",
      "software.amazon.awssdk.services.autoscaling.model", false, null);
  static final AwsServiceModel RDS = new AwsServiceModel("rds", null, Set.of(AwsProtocol.AWS_QUERY),
      "2014-10-31", "http://rds.amazonaws.com/doc/2014-10-31/", "software.amazon.awssdk.services.rds.model",
      false, null);
  static final AwsServiceModel S3 = new AwsServiceModel("s3", null, Set.of(AwsProtocol.REST_XML),
      "2006-03-01", "http://s3.amazonaws.com/doc/2006-03-01/", "software.amazon.awssdk.services.s3.model",
      false, null);
}
