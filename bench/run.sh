#!/usr/bin/env bash
# Runs a benchmark scenario side by side with its peer: bench/run.sh sqs [--messages N] | startup
# Builds ThingTank and the bench first, and resolves the peer from Maven Central.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scenario=${1:?usage: bench/run.sh sqs|startup [options]}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./thingtank build
case "$scenario" in
  sqs) (cd bench/peers/elasticmq && mvn -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt) ;;
esac
exec "$JAVA_HOME/bin/java" -cp "bench/target/thingtank-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" \
  io.thingtank.bench.BenchMain --root "$root" "$@"
