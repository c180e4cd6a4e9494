#!/usr/bin/env bash
# Runs ceph/s3-tests (s3tests/functional/test_s3.py) against a ThingTank S3 node and prints the
# pass/fail counts. Usage: run-s3-tests.sh S3_TESTS_CHECKOUT [pytest args...]
# The checkout is fetched at test time and never committed. Needs Debian's python3 with
# python3-boto3 python3-munch python3-isodate python3-lxml python3-tz python3-pytest
# python3-requests python3-httplib2 python3-yaml python3-gevent, and `mvn install` of this module.
set -euo pipefail
checkout=$(cd "$1" && pwd); shift
module=$(cd "$(dirname "$0")/../../.." && pwd)
work=$(mktemp -d /tmp/s3-tests-run.XXXXXX)
mvn -q -o ${MVN_REPO:+-Dmaven.repo.local=$MVN_REPO} -f "$module/pom.xml" dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >/dev/null
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
# s3-tests' lifecycle tests take a day to be lc_debug_interval (default 10) seconds, as RGW's debug mode does.
"${JAVA_HOME:-/usr}/bin/java" -Dthingtank.s3.lifecycleDayMillis=10000 -Dthingtank.s3.lifecyclePeriodMillis=1000 -cp "$module/target/test-classes:$module/target/classes:$(cat "$work/cp.txt")" \
  io.thingtank.s3.S3Main "$work/data" "$port" keys > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do grep -q READY "$work/server.log" && break; sleep 0.5; done
read -r _ main_id main_secret main_user main_name < <(grep '^KEY' "$work/server.log" | sed -n 1p)
read -r _ alt_id alt_secret alt_user alt_name < <(grep '^KEY' "$work/server.log" | sed -n 2p)
section() { printf '[%s]\ndisplay_name = %s\nuser_id = %s\nemail = %s@example.com\naccess_key = %s\nsecret_key = %s\n%s\n' "$@"; }
{
  printf '[DEFAULT]\nhost = 127.0.0.1\nport = %s\nis_secure = False\nssl_verify = False\n' "$port"
  printf '[fixtures]\nbucket prefix = tt-{random}-\n'
  section "s3 main" "$main_name" "$main_user" main "$main_id" "$main_secret" "api_name = us-east-1"
  section "s3 alt" "$alt_name" "$alt_user" alt "$alt_id" "$alt_secret" ""
  section "s3 tenant" tenant tenant tenant "$alt_id" "$alt_secret" "tenant = none"
  for s in "iam" "iam root" "iam alt root"; do section "$s" iam iam iam "$alt_id" "$alt_secret" ""; done
} > "$work/s3tests.conf"
cd "$checkout"
S3TEST_CONF="$work/s3tests.conf" timeout 1800 /usr/bin/python3 -m pytest -p no:cacheprovider -q -rN \
  s3tests/functional/test_s3.py "$@" > "$work/pytest.log" 2>&1 || true
tail -n 3 "$work/pytest.log"
echo "log: $work/pytest.log"
