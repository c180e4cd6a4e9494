# SQS interop clients (services/sqs SqsPythonClientsIT): boto3 and the AWS CLI. The machine Python
# usually has them; otherwise Debian's packages serve /usr/bin/python3 (the test falls back to it).
if ! python -c "import boto3" >/dev/null 2>&1 || ! command -v aws >/dev/null 2>&1; then
  apt_install python3-boto3 awscli
fi
