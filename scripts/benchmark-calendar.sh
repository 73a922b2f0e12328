#!/usr/bin/env bash
# JMH benchmark of the working-time arithmetic (issue: >= 1,000,000 deadline computations per second
# on one core for spans up to 60 working days). Not a test: it measures, it does not assert.
# Usage: scripts/benchmark-calendar.sh [extra JMH options, e.g. -wi 5 -i 10]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/benchmark.classpath)" org.openjdk.jmh.Main \
    WorkingTimeBenchmark -f 1 -t 1 -wi 3 -i 5 -w 2s -r 2s "$@"
