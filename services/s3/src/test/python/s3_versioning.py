"""Versioning with boto3 and the AWS CLI against ThingTank S3. Usage: s3_versioning.py ENDPOINT WORKDIR.

Credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (see s3_common). Exits non-zero on
the first failure.
"""
import json

from s3_common import aws, error_of, s3


bucket = "py-versions"
key = "raw/device 1/ünïcode.bin"
s3.create_bucket(Bucket=bucket)
s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Enabled"})
assert s3.get_bucket_versioning(Bucket=bucket)["Status"] == "Enabled"
v1 = s3.put_object(Bucket=bucket, Key=key, Body=b"one")["VersionId"]
v2 = s3.put_object(Bucket=bucket, Key=key, Body=b"two")["VersionId"]
assert v1 != v2

# boto3 asks for encoding-type=url and decodes the keys itself
listed = s3.list_object_versions(Bucket=bucket)
assert [(v["Key"], v["VersionId"], v["IsLatest"]) for v in listed["Versions"]] == [(key, v2, True), (key, v1, False)], listed

deleted = s3.delete_object(Bucket=bucket, Key=key)
assert deleted["DeleteMarker"] is True, deleted
err = error_of(lambda: s3.get_object(Bucket=bucket, Key=key))
assert err["Error"]["Code"] == "NoSuchKey", err
assert s3.get_object(Bucket=bucket, Key=key, VersionId=v1)["Body"].read() == b"one"
assert "Contents" not in s3.list_objects_v2(Bucket=bucket)

# DeleteObjects with version ids: the marker goes, so the newest version is current again
res = s3.delete_objects(Bucket=bucket, Delete={"Objects": [{"Key": key, "VersionId": deleted["VersionId"]}]})
assert res["Deleted"][0]["DeleteMarker"] is True, res
assert s3.get_object(Bucket=bucket, Key=key)["Body"].read() == b"two"

# AWS CLI: s3 rm adds a delete marker, s3api lists and removes versions
aws("s3", "rm", f"s3://{bucket}/{key}")
versions = json.loads(aws("s3api", "list-object-versions", "--bucket", bucket))
assert len(versions["Versions"]) == 2 and len(versions["DeleteMarkers"]) == 1, versions
assert json.loads(aws("s3api", "get-bucket-versioning", "--bucket", bucket))["Status"] == "Enabled"
first, *rest = versions["Versions"] + versions["DeleteMarkers"]
aws("s3api", "delete-object", "--bucket", bucket, "--key", first["Key"], "--version-id", first["VersionId"])
for v in rest:
    s3.delete_object(Bucket=bucket, Key=v["Key"], VersionId=v["VersionId"])
assert "Versions" not in s3.list_object_versions(Bucket=bucket)
aws("s3api", "put-bucket-versioning", "--bucket", bucket, "--versioning-configuration", "Status=Suspended")
assert "VersionId" not in s3.put_object(Bucket=bucket, Key="k", Body=b"x")
assert s3.head_object(Bucket=bucket, Key="k", VersionId="null")["VersionId"] == "null"
aws("s3", "rm", f"s3://{bucket}/k")
err = error_of(lambda: s3.delete_bucket(Bucket=bucket))
assert err["Error"]["Code"] == "BucketNotEmpty", err
print("OK")
