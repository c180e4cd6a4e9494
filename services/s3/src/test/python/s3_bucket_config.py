"""boto3 and the AWS CLI against ThingTank's S3 bucket configuration: notifications to SQS, object
ACLs, ownership controls and the public access block. Usage: s3_bucket_config.py ENDPOINT.

Credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY. Exits non-zero on the first failure.
"""
import json
import os
import subprocess
import urllib.error
import urllib.request

import boto3

from s3_common import endpoint, expect_error, s3

sqs = boto3.client("sqs", endpoint_url=endpoint, region_name="us-east-1")


def receive(url, count):
    out = []
    for _ in range(15):
        if len(out) >= count:
            break
        for m in sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, WaitTimeSeconds=1).get("Messages", []):
            out.append(json.loads(m["Body"]))
            sqs.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])
    return out


def anonymous_status(path):
    try:
        return urllib.request.urlopen(endpoint + path, timeout=10).status
    except urllib.error.HTTPError as e:
        return e.code


# notifications: boto3 puts the configuration, SQS receives the test event and an object event
url = sqs.create_queue(QueueName="py-events")["QueueUrl"]
arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
s3.create_bucket(Bucket="py-config")
config = {"QueueConfigurations": [{"Id": "uploads", "QueueArn": arn, "Events": ["s3:ObjectCreated:*"],
                                   "Filter": {"Key": {"FilterRules": [{"Name": "suffix", "Value": ".csv"}]}}}]}
expect_error("InvalidArgument", lambda: s3.put_bucket_notification_configuration(
    Bucket="py-config", NotificationConfiguration={"QueueConfigurations": [dict(config["QueueConfigurations"][0],
                                                                               QueueArn=arn + "-gone")]}))
s3.put_bucket_notification_configuration(Bucket="py-config", NotificationConfiguration=config)
got = s3.get_bucket_notification_configuration(Bucket="py-config")["QueueConfigurations"]
assert got[0]["Id"] == "uploads" and got[0]["Events"] == ["s3:ObjectCreated:*"], got
assert [m.get("Event") for m in receive(url, 1)] == ["s3:TestEvent"]
s3.put_object(Bucket="py-config", Key="skip.txt", Body=b"no")
put = s3.put_object(Bucket="py-config", Key="day 1.csv", Body=b"a,b\n")
events = receive(url, 1)
record = events[0]["Records"][0]
assert record["eventName"] == "ObjectCreated:Put", record
assert record["s3"]["object"]["key"] == "day+1.csv" and record["s3"]["object"]["size"] == 4, record
assert record["s3"]["configurationId"] == "uploads"
# who, from where, in which request: the ids boto3 sees in the ACL and in the PUT's response
owner_id = s3.get_bucket_acl(Bucket="py-config")["Owner"]["ID"]
assert record["userIdentity"]["principalId"] == owner_id, record
assert record["requestParameters"]["sourceIPAddress"] == "127.0.0.1", record
assert record["responseElements"]["x-amz-request-id"] == put["ResponseMetadata"]["RequestId"], record
assert record["responseElements"]["x-amz-id-2"] == put["ResponseMetadata"]["HostId"], record
assert record["s3"]["bucket"]["ownerIdentity"]["principalId"] == owner_id, record
# a browser-style POST upload: its principal is the key that signed the policy
post = s3.generate_presigned_post("py-config", "posted.csv", ExpiresIn=300)
form = ["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", post["url"]]
for k, v in post["fields"].items():
    form += ["-F", f"{k}={v}"]
status = subprocess.run(form + ["-F", "file=@-;filename=posted.csv"], input="x,y\n", capture_output=True, text=True,
                        timeout=60).stdout
assert status == "204", status
record = receive(url, 1)[0]["Records"][0]
assert record["eventName"] == "ObjectCreated:Post", record
assert record["userIdentity"]["principalId"] == owner_id, record

# object ACLs
s3.put_object_acl(Bucket="py-config", Key="day 1.csv", ACL="public-read")
grants = s3.get_object_acl(Bucket="py-config", Key="day 1.csv")["Grants"]
assert {g["Permission"] for g in grants} == {"FULL_CONTROL", "READ"}, grants
assert anonymous_status("/py-config/day%201.csv") == 200
assert anonymous_status("/py-config/skip.txt") == 403

# public access block and ownership controls
s3.put_public_access_block(Bucket="py-config", PublicAccessBlockConfiguration={"IgnorePublicAcls": True})
assert s3.get_public_access_block(Bucket="py-config")["PublicAccessBlockConfiguration"]["IgnorePublicAcls"]
assert anonymous_status("/py-config/day%201.csv") == 403
s3.delete_public_access_block(Bucket="py-config")
expect_error("NoSuchPublicAccessBlockConfiguration", lambda: s3.get_public_access_block(Bucket="py-config"))
s3.put_bucket_ownership_controls(Bucket="py-config", OwnershipControls={"Rules": [{"ObjectOwnership": "ObjectWriter"}]})

# the AWS CLI reads the same settings
env = dict(os.environ, AWS_DEFAULT_REGION="us-east-1")
out = subprocess.run(["aws", "--endpoint-url", endpoint, "s3api", "get-bucket-ownership-controls", "--bucket",
                      "py-config"], env=env, capture_output=True, text=True, timeout=120)
assert out.returncode == 0 and "ObjectWriter" in out.stdout, out.stderr
out = subprocess.run(["aws", "--endpoint-url", endpoint, "s3api", "get-bucket-notification-configuration",
                      "--bucket", "py-config"], env=env, capture_output=True, text=True, timeout=120)
assert out.returncode == 0 and json.loads(out.stdout)["QueueConfigurations"][0]["QueueArn"] == arn, out
print("OK")
