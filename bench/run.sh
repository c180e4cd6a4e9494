#!/usr/bin/env bash
# Runs a benchmark scenario side by side with its peer:
#   bench/run.sh sqs|startup|wamp-pubsub|wamp-rpc|mqtt|devices|s3-small|s3-large [options]   (options: bench/run.sh <scenario> --help)
# Builds ThingTank and the bench first, and fetches the peer (Maven Central, npm or apt) when missing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scenario=${1:?usage: bench/run.sh sqs|startup [options]}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./thingtank build
case "$scenario" in
  sqs) (cd bench/peers/elasticmq && mvn -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt) ;;
  wamp-pubsub|wamp-rpc)
    [ -d bench/peers/fox-wamp/node_modules/fox-wamp ] \
      || (cd bench/peers/fox-wamp && npm install --no-audit --no-fund --silent) ;;
  s3-small|s3-large)
    [ -s bench/peers/s3proxy/target/classpath.txt ] \
      || (cd bench/peers/s3proxy && mvn -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt) ;;
  mqtt)
    if ! command -v mosquitto >/dev/null && [ ! -x /usr/sbin/mosquitto ]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mosquitto
    fi ;;
esac
# 10,000 idle sessions need as many descriptors in the bench and in the server it starts.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
exec "$JAVA_HOME/bin/java" -cp "bench/target/thingtank-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" \
  io.thingtank.bench.BenchMain --root "$root" "$@"
