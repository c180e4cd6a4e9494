"""boto3 (s3transfer) and AWS CLI against ThingTank S3. Usage: s3_clients.py ENDPOINT WORKDIR.

Credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY. Exits non-zero on the first failure.
"""
import hashlib
import os
import subprocess

import boto3
from botocore.config import Config
from botocore.exceptions import MissingDependencyException

from s3_common import endpoint, expect_error, s3, work


def sha(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()



# boto3: upload_file / download_file, multipart above 8 MiB with default checksums
s3.create_bucket(Bucket="py-bucket")
src = os.path.join(work, "src.bin")
with open(src, "wb") as f:
    f.write(os.urandom(19 * 1024 * 1024 + 5))
s3.upload_file(src, "py-bucket", "raw/device-1/data.bin")
head = s3.head_object(Bucket="py-bucket", Key="raw/device-1/data.bin", ChecksumMode="ENABLED")
assert head["ContentLength"] == os.path.getsize(src), head
assert head["ETag"].endswith('-3"'), head["ETag"]
dst = os.path.join(work, "dst.bin")
s3.download_file("py-bucket", "raw/device-1/data.bin", dst)
assert sha(src) == sha(dst), "download differs"
print("boto3 multipart checksum:", {k: v for k, v in head.items() if k.startswith("Checksum")})

# boto3 small objects with explicit checksum algorithms, validated by botocore on GET
for alg in ["CRC32", "CRC32C", "SHA1", "SHA256", "CRC64NVME"]:
    try:
        s3.put_object(Bucket="py-bucket", Key=f"small/{alg}", Body=b"thing tank " + alg.encode(), ChecksumAlgorithm=alg)
    except MissingDependencyException:
        print("botocore without awscrt cannot send", alg)
        continue
    got = s3.get_object(Bucket="py-bucket", Key=f"small/{alg}", ChecksumMode="ENABLED")
    assert got["Body"].read() == b"thing tank " + alg.encode()
    assert got.get("Checksum" + alg), got

# invalid bucket names (botocore lets these through; the server must refuse them)
for bad in ["Upper-Case", "a..b", "192.168.1.1", "ab"]:
    expect_error("InvalidBucketName", lambda: s3.create_bucket(Bucket=bad))
expect_error("NoSuchKey", lambda: s3.get_object(Bucket="py-bucket", Key="missing"))
expect_error("InvalidRange", lambda: s3.get_object(Bucket="py-bucket", Key="small/CRC32", Range="bytes=1000-"))

# browser-style POST form upload: boto3 signs the policy, curl posts the form like a browser would
post = s3.generate_presigned_post("py-bucket", "uploads/${filename}",
                                  Fields={"success_action_status": "201", "Content-Type": "text/plain"},
                                  Conditions=[{"success_action_status": "201"}, {"Content-Type": "text/plain"},
                                              ["content-length-range", 1, 1024]],
                                  ExpiresIn=300)
form_file = os.path.join(work, "reading.txt")
with open(form_file, "w") as f:
    f.write("temperature=21.5")


def curl_post(fields, path):
    args = ["curl", "-s", "-o", "-", "-w", "\n%{http_code}", post["url"]]
    for k, v in fields.items():
        args += ["-F", f"{k}={v}"]
    args += ["-F", f"file=@{path}"]
    out = subprocess.run(args, capture_output=True, text=True, timeout=60).stdout
    body, _, status = out.rpartition("\n")
    return int(status), body


status, body = curl_post(post["fields"], form_file)
assert status == 201, (status, body)
assert "<Key>uploads/reading.txt</Key>" in body, body
# the same with a SigV4-signed policy
s3v4 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1",
                    config=Config(signature_version="s3v4", s3={"addressing_style": "path"}))
post4 = s3v4.generate_presigned_post("py-bucket", "uploads/v4-${filename}", ExpiresIn=300)
assert "x-amz-signature" in post4["fields"], post4
status, body = curl_post(post4["fields"], form_file)
assert status == 204, (status, body)
assert s3.get_object(Bucket="py-bucket", Key="uploads/v4-reading.txt")["Body"].read() == b"temperature=21.5"
got = s3.get_object(Bucket="py-bucket", Key="uploads/reading.txt")
assert got["Body"].read() == b"temperature=21.5" and got["ContentType"] == "text/plain", got
bad = dict(post4["fields"], **{"x-amz-signature": "0" * 64})
status, body = curl_post(bad, form_file)
assert status == 403 and "SignatureDoesNotMatch" in body, (status, body)
big = os.path.join(work, "big.txt")
with open(big, "w") as f:
    f.write("x" * 2048)
status, body = curl_post(post["fields"], big)
assert status == 400 and "EntityTooLarge" in body, (status, body)
extra = dict(post["fields"], **{"x-amz-meta-sneaky": "1"})
status, body = curl_post(extra, form_file)
assert status == 403 and "Extra input fields" in body, (status, body)
# python-requests with every field as a file part (`files=`, as ceph/s3-tests and many device
# scripts send them): the fields are still fields; only the part named "file" is the content, and
# a part after it is ignored, as S3 does
import requests
parts = [(k, (None, v) if k == "success_action_status" else v) for k, v in post["fields"].items()]
parts += [("file", ("reading.txt", b"humidity=40")), ("x-amz-meta-after", "ignored")]
r = requests.post(post["url"], files=parts, timeout=60)
assert r.status_code == 201 and "<Key>uploads/reading.txt</Key>" in r.text, (r.status_code, r.text)
got = s3.get_object(Bucket="py-bucket", Key="uploads/reading.txt")
assert got["Body"].read() == b"humidity=40" and "after" not in got["Metadata"], got
# a form's tagging field is a <Tagging> document; ${filename} is the file's name without its path
tagged = s3.generate_presigned_post("py-bucket", "tagged/${filename}",
                                    Fields={"tagging": "<Tagging><TagSet><Tag><Key>site</Key><Value>roof</Value></Tag>"
                                                       "</TagSet></Tagging>"},
                                    Conditions=[["starts-with", "$tagging", ""]], ExpiresIn=300)
r = requests.post(tagged["url"], data=tagged["fields"], files={"file": ("C:\\readings\\t1.txt", b"21.5")}, timeout=60)
assert r.status_code == 204, (r.status_code, r.text)
assert s3.get_object_tagging(Bucket="py-bucket", Key="tagged/t1.txt")["TagSet"] == [{"Key": "site", "Value": "roof"}]

# the AWS CLI: s3 cp / ls / sync / rm and s3api
env = dict(os.environ, AWS_DEFAULT_REGION="us-east-1")


def aws(*args):
    out = subprocess.run(["aws", "--endpoint-url", endpoint, *args], env=env, capture_output=True, text=True, timeout=120)
    if out.returncode != 0:
        raise AssertionError(f"aws {' '.join(args)} failed: {out.stderr}")
    return out.stdout


aws("s3", "mb", "s3://cli-bucket")
aws("s3", "cp", src, "s3://cli-bucket/big.bin")
aws("s3", "cp", "s3://cli-bucket/big.bin", os.path.join(work, "cli.bin"))
assert sha(src) == sha(os.path.join(work, "cli.bin"))
tree = os.path.join(work, "tree")
os.makedirs(os.path.join(tree, "sub"), exist_ok=True)
for name in ["a.txt", "b.txt", "sub/c.txt"]:
    with open(os.path.join(tree, name), "w") as f:
        f.write(name)
aws("s3", "sync", tree, "s3://cli-bucket/tree")
listing = aws("s3", "ls", "--recursive", "s3://cli-bucket/tree/")
for name in ["tree/a.txt", "tree/b.txt", "tree/sub/c.txt"]:
    assert name in listing, listing
assert "PRE sub/" in aws("s3", "ls", "s3://cli-bucket/tree/")
aws("s3", "rm", "--recursive", "s3://cli-bucket/tree")
assert "tree/" not in aws("s3", "ls", "--recursive", "s3://cli-bucket/")
assert '"ContentLength": 11' in aws("s3api", "head-object", "--bucket", "cli-bucket", "--key", "big.bin").replace(
    str(os.path.getsize(src)), "11")
print("OK")
