#!/usr/bin/env bash
# ./bench.sh [--quick] [--only REGEX] [--jmh "JMH OPTIONS"] [--startup-runs N]
# Builds the agent, the demo and the benchmarks (tests skipped: ./test.sh runs them), then runs in one go:
#   1. every JMH benchmark, with the GC profiler: the engine on the seed policy and on a generated
#      1,000-rule policy (decision log off/on, 1/2 threads; and by outcome), the agent's added cost (forks with and
#      without -javaagent), and the peers (Cedar, jCasbin, an if chain) on the same refund decision;
#   2. the start-up harness: a hello-world and the demo app started many times with and without the agent.
# A full run (no --quick, no --only) writes benchmarks/results/ (jmh.json, jmh.log, startup.json,
# run.properties) and the results section of BENCHMARKS.md. Other runs write benchmarks/target/bench-run/
# and its results.md, and leave BENCHMARKS.md alone.
#   --quick           a smoke run: one short iteration each, 3 starts (numbers not for reading)
#   --only REGEX      only the JMH benchmarks matching REGEX (e.g. 'Peers|SeedPolicy'); no start-up runs
#   --jmh "OPTIONS"   JMH options instead of the default "-f 1 -wi 3 -w 1s -i 5 -r 1s"
#   --startup-runs N  timed starts per application and mode (default 20)
set -euo pipefail
cd "$(dirname "$0")"

jmh_options="-f 1 -wi 3 -w 1s -i 5 -r 1s"
only=""
startup_runs=20
full=true
command_line="./bench.sh${*:+ $*}"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) jmh_options="-f 1 -wi 1 -w 200ms -i 2 -r 200ms"; startup_runs=3; full=false ;;
    --only) only="${2:?--only needs a regex, e.g. --only Peers}"; full=false; shift ;;
    --jmh) jmh_options="${2:?--jmh needs JMH options in quotes}"; shift ;;
    --startup-runs) startup_runs="${2:?--startup-runs needs a number}"; shift ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench.sh: unknown argument '$1'; see ./bench.sh --help" >&2; exit 2 ;;
  esac
  shift
done

if $full; then
  run_dir=benchmarks/results
  document=BENCHMARKS.md
else
  run_dir=benchmarks/target/bench-run
  document="$run_dir/results.md"
fi
mkdir -p "$run_dir"
rm -f "$run_dir"/jmh.json "$run_dir"/jmh.log "$run_dir"/startup.json "$run_dir"/run.properties

echo "Building the agent, the demo and the benchmarks (mvn -q package, tests skipped)..."
mvn -B -ntp -q -pl agent,demo-app,benchmarks -am package -DskipTests

load() { cut -d' ' -f1 /proc/loadavg; }
# The agent benchmarks and the start-up runs need the -javaagent jar; without it they are left out and
# the results say why, rather than the whole run failing.
agent_jar=agent/target/veto-agent.jar
agent_missing=""
if ! unzip -p "$agent_jar" META-INF/MANIFEST.MF 2>/dev/null | grep -q '^Premain-Class:'; then
  agent_missing="$agent_jar has no Premain-Class on this commit (the agent is not built yet)"
  echo "bench.sh: $agent_missing; the agent benchmarks and start-up runs are left out" >&2
fi
commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ -n "$(git status --porcelain 2>/dev/null | grep -v '^?? ' | grep -v ' benchmarks/results/' | grep -v ' BENCHMARKS.md$' || true)" ]; then
  commit="$commit (with uncommitted changes)"
fi
{
  echo "date=$(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "command=$command_line"
  echo "commit=$commit"
  echo "jmh_options=$jmh_options -prof gc"
  echo "java=$(java -version 2>&1 | sed -n 2p)"
  echo "cpu=$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)"
  echo "cores=$(nproc)"
  echo "memory=$(free -g | awk '/^Mem:/ {print $2 " GB"}')"
  echo "os=$(uname -sr)"
  echo "load_start=$(load)"
  [ -z "$agent_missing" ] || echo "agent_missing=$agent_missing"
} > "$run_dir/run.properties"

echo "Running the JMH benchmarks ($jmh_options -prof gc)${only:+ matching '$only'}..."
# -foe true: a benchmark whose setup refuses to measure (a peer that decides differently, a fork without
# the agent where it should have one) fails the run instead of leaving a hole in the tables.
# shellcheck disable=SC2086 # the options are meant to split into words
if ! java -jar benchmarks/target/benchmarks.jar $jmh_options -foe true -prof gc -rf json -rff "$run_dir/jmh.json" \
    ${agent_missing:+-e AgentBenchmark} ${only:+"$only"} 2>&1 | tee "$run_dir/jmh.log"; then
  echo "bench.sh: a benchmark failed; see $run_dir/jmh.log" >&2
  exit 1
fi

if [ -z "$only" ] && [ -z "$agent_missing" ]; then
  echo "Timing JVM start-up with and without the agent ($startup_runs starts each)..."
  java -cp benchmarks/target/benchmarks.jar dev.veto.bench.startup.StartupHarness \
    --runs "$startup_runs" --agent "$agent_jar" --policy policies/support-agent.yaml \
    --hello-cp benchmarks/target/classes:annotations/target/classes \
    --demo-cp demo-app/target/classes:annotations/target/classes \
    --out "$run_dir/startup.json" > /dev/null
fi
echo "load_end=$(load)" >> "$run_dir/run.properties"

if [ ! -f "$document" ]; then
  printf '%s\n%s\n' "<!-- results:begin (written by ./bench.sh; edits here are overwritten) -->" "<!-- results:end -->" > "$document"
fi
java -cp benchmarks/target/benchmarks.jar dev.veto.bench.report.BenchReport "$run_dir" "$document"
