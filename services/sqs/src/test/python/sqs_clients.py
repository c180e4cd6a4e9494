"""SQS flows with boto3, botocore-signed query-protocol requests and the AWS CLI.

Usage: python sqs_clients.py ENDPOINT  (credentials and region from the AWS_* environment).
Prints one "ok <step>" line per passed step; any failure raises (non-zero exit).
"""
import hashlib
import json
import os
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

import boto3
import botocore.exceptions
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

ENDPOINT = sys.argv[1]
NS = "{http://queue.amazonaws.com/doc/2012-11-05/}"


def ok(step):
    print("ok " + step, flush=True)


def boto3_flow():
    sqs = boto3.client("sqs", endpoint_url=ENDPOINT)
    url = sqs.create_queue(QueueName="py-seed")["QueueUrl"]
    assert url in sqs.list_queues().get("QueueUrls", []), url
    sent = sqs.send_message(QueueUrl=url, MessageBody="hello from boto3",
                            MessageAttributes={"k": {"DataType": "String", "StringValue": "v"}})
    assert sent["MD5OfMessageBody"] == hashlib.md5(b"hello from boto3").hexdigest()
    entries = [{"Id": f"e{i}", "MessageBody": f"batch {i}"} for i in range(5)]
    assert len(sqs.send_message_batch(QueueUrl=url, Entries=entries)["Successful"]) == 5
    count = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["ApproximateNumberOfMessages"])
    assert count["Attributes"]["ApproximateNumberOfMessages"] == "6", count
    got = []
    for _ in range(5):
        msgs = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, MessageAttributeNames=["All"],
                                   WaitTimeSeconds=1).get("Messages", [])
        for m in msgs:
            got.append(m["Body"])
            sqs.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])
        if len(got) == 6:
            break
    assert sorted(got) == sorted(["hello from boto3"] + [f"batch {i}" for i in range(5)]), got
    ok("boto3 seed flow")
    try:
        sqs.get_queue_url(QueueName="missing")
        raise AssertionError("no error")
    except sqs.exceptions.QueueDoesNotExist as e:
        assert e.response["Error"].get("QueryErrorCode") in (None, "QueueDoesNotExist"), e.response
        ok("boto3 QueueDoesNotExist")
    fifo = sqs.create_queue(QueueName="py.fifo", Attributes={"FifoQueue": "true", "ContentBasedDeduplication": "true"})["QueueUrl"]
    a = sqs.send_message(QueueUrl=fifo, MessageBody="x", MessageGroupId="g")
    b = sqs.send_message(QueueUrl=fifo, MessageBody="x", MessageGroupId="g")
    assert a["MessageId"] == b["MessageId"] and "SequenceNumber" in a
    ok("boto3 fifo dedup")


def query(params):
    """A query-protocol call signed by botocore's SigV4 signer; returns (status, XML root)."""
    body = urllib.parse.urlencode(dict(params, Version="2012-11-05"))
    req = AWSRequest(method="POST", url=ENDPOINT + "/", data=body,
                     headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"})
    creds = Credentials(os.environ["AWS_ACCESS_KEY_ID"], os.environ["AWS_SECRET_ACCESS_KEY"])
    SigV4Auth(creds, "sqs", os.environ["AWS_DEFAULT_REGION"]).add_auth(req)
    http = urllib.request.Request(ENDPOINT + "/", data=body.encode(), method="POST", headers=dict(req.headers.items()))
    try:
        with urllib.request.urlopen(http) as r:
            return r.status, ET.fromstring(r.read())
    except urllib.error.HTTPError as e:
        return e.code, ET.fromstring(e.read())


def query_flow():
    status, root = query({"Action": "CreateQueue", "QueueName": "query-q"})
    assert status == 200, ET.tostring(root)
    url = root.find(f"{NS}CreateQueueResult/{NS}QueueUrl").text
    status, root = query({"Action": "SendMessage", "QueueUrl": url, "MessageBody": "via query",
                          "MessageAttribute.1.Name": "n", "MessageAttribute.1.Value.DataType": "Number",
                          "MessageAttribute.1.Value.StringValue": "42"})
    assert status == 200, ET.tostring(root)
    assert root.find(f"{NS}SendMessageResult/{NS}MD5OfMessageBody").text == hashlib.md5(b"via query").hexdigest()
    status, root = query({"Action": "ReceiveMessage", "QueueUrl": url, "MessageAttributeName.1": "All",
                          "AttributeName.1": "All"})
    assert status == 200, ET.tostring(root)
    msg = root.find(f"{NS}ReceiveMessageResult/{NS}Message")
    assert msg.find(f"{NS}Body").text == "via query", ET.tostring(root)
    assert msg.find(f"{NS}MessageAttribute/{NS}Name").text == "n", ET.tostring(root)
    ok("query send/receive")
    status, root = query({"Action": "GetQueueUrl", "QueueName": "does-not-exist"})
    code = root.find(f".//{NS}Code")
    code = code if code is not None else root.find(".//Code")
    assert status == 400 and code.text == "AWS.SimpleQueueService.NonExistentQueue", (status, ET.tostring(root))
    ok("query error code")


def cli_flow():
    env = dict(os.environ)
    env.pop("AWS_CA_BUNDLE", None)

    def aws(*args):
        out = subprocess.run(["aws", "--endpoint-url", ENDPOINT, "--output", "json", "sqs", *args],
                             env=env, capture_output=True, text=True, timeout=60)
        assert out.returncode == 0, out.stderr
        return json.loads(out.stdout) if out.stdout.strip() else {}

    url = aws("create-queue", "--queue-name", "cli-q")["QueueUrl"]
    aws("send-message", "--queue-url", url, "--message-body", "from the cli")
    attrs = aws("get-queue-attributes", "--queue-url", url, "--attribute-names", "ApproximateNumberOfMessages")
    assert attrs["Attributes"]["ApproximateNumberOfMessages"] == "1", attrs
    msgs = aws("receive-message", "--queue-url", url)["Messages"]
    assert msgs[0]["Body"] == "from the cli"
    aws("delete-message", "--queue-url", url, "--receipt-handle", msgs[0]["ReceiptHandle"])
    assert url in aws("list-queues")["QueueUrls"]
    ok("cli flow")


if __name__ == "__main__":
    boto3_flow()
    query_flow()
    cli_flow()
