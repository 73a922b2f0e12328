#!/usr/bin/env bash
# JMH benchmark of the working-time arithmetic (target: >= 1,000,000 deadline computations per second
# on one core for spans up to 60 working days). Not a test: it measures, it does not assert.
# Usage: scripts/benchmark-calendar.sh [JMH options; default -f 1 -t 1 -wi 3 -i 5 -w 2s -r 2s]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=test
[ $# -gt 0 ] || set -- -f 1 -t 1 -wi 3 -i 5 -w 2s -r 2s
java -cp "target/test-classes:target/classes:$(cat target/benchmark.classpath)" org.openjdk.jmh.Main WorkingTimeBenchmark "$@"
