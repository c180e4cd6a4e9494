"""What the S3 client scripts share: arguments (ENDPOINT [WORKDIR]), a path-style boto3 S3 client,
the AWS CLI, and S3 error helpers. Credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY.
"""
import subprocess
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

endpoint = sys.argv[1]
work = sys.argv[2] if len(sys.argv) > 2 else None
s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1",
                  config=Config(s3={"addressing_style": "path"}))


def aws(*args):
    """Runs the AWS CLI against the endpoint; its stdout, or an AssertionError with its stderr."""
    out = subprocess.run(["aws", "--endpoint-url", endpoint, "--region", "us-east-1", *args],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return out.stdout


def error_of(fn):
    """The error response of a call that must fail."""
    try:
        fn()
    except ClientError as e:
        return e.response
    raise AssertionError("call succeeded")


def code_of(fn):
    """The S3 error code of a call that must fail."""
    return error_of(fn)["Error"]["Code"]


def expect_error(code, fn):
    got = code_of(fn)
    assert got == code, f"expected {code}, got {got}"
