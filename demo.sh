#!/usr/bin/env bash
# ./demo.sh [--interactive]
# Builds the agent and the demo, then runs the scripted support agent under the Veto agent: once in
# enforce mode and once in shadow mode. The transcript shows each tool request, Veto's decision with its
# rule and reason, and what the tool did or the refusal the model got.
#   --interactive  you are the supervisor: held calls wait for you on the console and the reviewer page
#                  (the policy's own timeouts apply), and only the enforce run is shown.
# Exit code: 0 when every run went through its script, else the first failing run's code.
set -euo pipefail
cd "$(dirname "$0")"

interactive=false
for arg in "$@"; do
  case "$arg" in
    --interactive) interactive=true ;;
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "demo.sh: unknown argument '$arg'; use --interactive or --help" >&2; exit 2 ;;
  esac
done

echo "Building the agent and the demo (mvn -q package, tests skipped; ./test.sh runs them)..."
mvn -B -ntp -q -pl agent,demo-app -am package -DskipTests

work=demo-app/target/demo
mkdir -p "$work"
rm -f "$work"/decisions-*.jsonl
policy="$work/support-agent.demo.yaml"
if $interactive; then
  cp policies/support-agent.yaml "$policy"
else
  # The seed policy holds a $50,000 refund for 5 minutes; nobody reviews in the scripted run, so the
  # demo's copy holds it for 3 seconds before the escalation decides.
  sed -E 's/^( *timeout: )[0-9]+m$/\13s/' policies/support-agent.yaml > "$policy"
fi

if $interactive; then
  # Held calls are asked on this terminal and on the reviewer page (its address is printed at start).
  approvals=(-Dveto.approval.default=console,http)
else
  # Nobody reviews the scripted run: held calls go to the reviewer page only, so no prompt appears on
  # your terminal, and the escalation decides when the 3 seconds are up.
  approvals=(-Dveto.approval.default=http)
fi

run() {
  local mode="$1"; shift
  java -javaagent:agent/target/veto-agent.jar=policy="$policy",mode="$mode",log="$work/decisions-$mode.jsonl" \
       "${approvals[@]}" -Dslf4j.internal.verbosity=ERROR \
       -cp demo-app/target/classes:annotations/target/classes \
       dev.veto.demo.SupportAgentDemo "$@"
}

if $interactive; then
  run enforce --interactive
  exit
fi
status=0
run enforce || status=$?
echo
echo "================ The same run in shadow mode (mode=shadow): nothing is stopped, everything is logged ================"
run shadow || { rc=$?; [ "$status" -ne 0 ] || status=$rc; }
echo
echo "Decision logs: $work/decisions-enforce.jsonl and $work/decisions-shadow.jsonl"
exit "$status"
