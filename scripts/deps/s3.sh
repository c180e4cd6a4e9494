# S3 tests: the machine python's boto3 and AWS CLI (preinstalled), curl for browser-style POST uploads.
apt_install curl
