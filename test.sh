#!/usr/bin/env bash
# The one command that runs every test: ./test.sh
# Builds every module and runs the unit tests and the forked-JVM agent tests (Java 17, and Java 25 when
# installed). Benchmarks are compiled here but run by ./bench.sh.
set -euo pipefail
cd "$(dirname "$0")"
# The reviewer page is tested in headless chromium and the console prompt through tmux: install them where
# apt-get can (always tried under CI=true); where it cannot, those tests skip and say why.
scripts/install-test-deps.sh
exec mvn -B -ntp verify "$@"
