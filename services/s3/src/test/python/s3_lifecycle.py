"""Lifecycle configuration with boto3 and the AWS CLI against ThingTank S3. Usage: s3_lifecycle.py ENDPOINT WORKDIR.

Credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (see s3_common). Exits non-zero on
the first failure.
"""
import json

from s3_common import aws, code_of, s3


bucket = "py-lifecycle"
s3.create_bucket(Bucket=bucket)
assert code_of(lambda: s3.get_bucket_lifecycle_configuration(Bucket=bucket)) == "NoSuchLifecycleConfiguration"
rules = [{"ID": "raw-data", "Status": "Enabled", "Filter": {"Prefix": "raw/"},
          "Expiration": {"Days": 30},
          "NoncurrentVersionExpiration": {"NoncurrentDays": 7},
          "AbortIncompleteMultipartUpload": {"DaysAfterInitiation": 2}},
         {"ID": "by-date", "Status": "Enabled", "Filter": {"Tag": {"Key": "ttl", "Value": "fixed"}},
          "Expiration": {"Date": "2030-01-01T00:00:00Z"}}]
s3.put_bucket_lifecycle_configuration(Bucket=bucket, LifecycleConfiguration={"Rules": rules})
got = s3.get_bucket_lifecycle_configuration(Bucket=bucket)["Rules"]
assert [r["ID"] for r in got] == ["raw-data", "by-date"], got
assert got[0]["Expiration"] == {"Days": 30} and got[0]["Filter"] == {"Prefix": "raw/"}, got
assert got[1]["Expiration"]["Date"].year == 2030, got

head = s3.put_object(Bucket=bucket, Key="raw/reading.json", Body=b"{}")
assert 'rule-id="raw-data"' in head["Expiration"], head
head = s3.head_object(Bucket=bucket, Key="raw/reading.json")
assert 'rule-id="raw-data"' in head["Expiration"], head
s3.put_object(Bucket=bucket, Key="fixed", Body=b"x", Tagging="ttl=fixed")
assert "2030" in s3.head_object(Bucket=bucket, Key="fixed")["Expiration"]

# a date must be midnight UTC; a rule needs an action
bad = {"ID": "x", "Status": "Enabled", "Filter": {"Prefix": ""}, "Expiration": {"Date": "2030-01-01T10:00:00Z"}}
assert code_of(lambda: s3.put_bucket_lifecycle_configuration(
    Bucket=bucket, LifecycleConfiguration={"Rules": [bad]})) == "InvalidArgument"

cli = json.loads(aws("s3api", "get-bucket-lifecycle-configuration", "--bucket", bucket))
assert len(cli["Rules"]) == 2, cli
aws("s3api", "delete-bucket-lifecycle", "--bucket", bucket)
assert code_of(lambda: s3.get_bucket_lifecycle_configuration(Bucket=bucket)) == "NoSuchLifecycleConfiguration"
assert "Expiration" not in s3.head_object(Bucket=bucket, Key="raw/reading.json")
print("OK")
