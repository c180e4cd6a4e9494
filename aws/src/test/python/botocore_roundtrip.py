"""botocore as a test client for the ThingTank AWS codecs, with no network.

  botocore_roundtrip.py requests            -> one JSON line per case: the request botocore serialized
  botocore_roundtrip.py responses FILE.json -> one JSON line per case: what botocore parsed from the
                                               {case: {status, headers, body_b64}} answers in FILE.json
A `before-send` hook captures each request and answers it, so botocore's own serializers and
parsers are exercised exactly as boto3 and the AWS CLI use them.
"""
import base64
import datetime
import json
import sys

import botocore.session
from botocore.awsrequest import AWSResponse, HeadersDict
from botocore.config import Config
from botocore.exceptions import ClientError


class _Raw:
    def __init__(self, body):
        self._body = body

    def stream(self, **_):
        yield self._body

    def read(self, *_, **__):
        return self._body


SESSION = botocore.session.get_session()


def client(service):
    config = Config(s3={"addressing_style": "path"}, request_checksum_calculation="when_required",
                    response_checksum_validation="when_required", retries={"max_attempts": 1})
    return SESSION.create_client(service, region_name="us-east-1", endpoint_url="http://localhost:4566",
                                 aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="secret", config=config)


CASES = {
    "sqs-send-message": ("sqs", "send_message", dict(
        QueueUrl="http://localhost:4566/000000000000/q1", MessageBody="hello", DelaySeconds=2,
        MessageAttributes={"color": {"DataType": "String", "StringValue": "red"},
                           "raw": {"DataType": "Binary", "BinaryValue": b"\x00\x01"}})),
    "sqs-receive-message": ("sqs", "receive_message", dict(QueueUrl="http://q", MaxNumberOfMessages=2)),
    "sqs-get-queue-url": ("sqs", "get_queue_url", dict(QueueName="missing")),
    "dynamodb-put-item": ("dynamodb", "put_item", dict(TableName="t", Item={
        "pk": {"S": "k1"}, "n": {"N": "1.5"}, "b": {"B": b"\xff\x00"}, "ss": {"SS": ["a", "b"]},
        "m": {"M": {"l": {"L": [{"BOOL": True}, {"NULL": True}]}}}})),
    "kinesis-put-record": ("kinesis", "put_record", dict(StreamName="s", PartitionKey="p", Data=b"\x01\x02")),
    "kinesis-get-records": ("kinesis", "get_records", dict(ShardIterator="it")),
    "cloudwatch-put-metric-data": ("cloudwatch", "put_metric_data", dict(Namespace="ThingTank", MetricData=[
        {"MetricName": "temp", "Value": 21.5, "Timestamp": datetime.datetime(2024, 6, 1, 10, 0, 0,
                                                                            tzinfo=datetime.timezone.utc),
         "Dimensions": [{"Name": "device", "Value": "d1"}]}])),
    "rds-create-db-instance": ("rds", "create_db_instance", dict(
        DBInstanceIdentifier="db1", DBInstanceClass="db.t3.micro", Engine="postgres", AllocatedStorage=20,
        VpcSecurityGroupIds=["sg-1", "sg-2"], Tags=[{"Key": "k", "Value": "v"}])),
    "ec2-describe-instances": ("ec2", "describe_instances", dict(
        Filters=[{"Name": "instance-state-name", "Values": ["running", "pending"]}], InstanceIds=["i-1"])),
    "s3-put-object": ("s3", "put_object", dict(Bucket="b1", Key="dir/a b.txt", Body=b"hello",
                                               ContentType="text/plain", Metadata={"owner": "alice"})),
    "s3-list-objects-v2": ("s3", "list_objects_v2", dict(Bucket="b1", Prefix="logs/", MaxKeys=10)),
    "s3-put-bucket-tagging": ("s3", "put_bucket_tagging", dict(
        Bucket="b1", Tagging={"TagSet": [{"Key": "env", "Value": "prod"}]})),
    "s3-get-object-tagging": ("s3", "get_object_tagging", dict(Bucket="b1", Key="missing")),
}


def run(case, answer):
    service, operation, params = CASES[case]
    c = client(service)
    captured = {}

    def before_send(request, **_):
        body = request.body
        if hasattr(body, "read"):
            body = body.read()
        if isinstance(body, str):
            body = body.encode("utf-8")
        headers = {k: v.decode("utf-8") if isinstance(v, bytes) else v for k, v in request.headers.items()}
        captured.update(method=request.method, url=request.url, headers=headers,
                        body_b64=base64.b64encode(body or b"").decode("ascii"))
        status, headers, content = answer
        return AWSResponse(request.url, status, HeadersDict(headers), _Raw(content))

    c.meta.events.register("before-send", before_send)
    try:
        result = {"result": getattr(c, operation)(**params)}
    except ClientError as e:
        result = {"error": e.response["Error"], "status": e.response["ResponseMetadata"]["HTTPStatusCode"]}
    except Exception as e:  # the canned answer of "requests" mode may not parse
        result = {"exception": repr(e)}
    result.pop("ResponseMetadata", None)
    if "result" in result:
        result["result"].pop("ResponseMetadata", None)
    return captured, result


def to_json(value):
    if isinstance(value, (bytes, bytearray)):
        return {"b64": base64.b64encode(value).decode("ascii")}
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.timezone.utc).isoformat()
    if hasattr(value, "read"):
        return {"b64": base64.b64encode(value.read()).decode("ascii")}
    raise TypeError(repr(value))


def main():
    if sys.argv[1] == "requests":
        for case in CASES:
            captured, _ = run(case, (500, {}, b""))
            print(json.dumps({"case": case, **captured}))
    else:
        with open(sys.argv[2]) as f:
            answers = json.load(f)
        for case, a in answers.items():
            _, result = run(case, (a["status"], a["headers"], base64.b64decode(a["body_b64"])))
            print(json.dumps({"case": case, **result}, default=to_json))


if __name__ == "__main__":
    main()
