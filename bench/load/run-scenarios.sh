#!/usr/bin/env bash
# The whole scenario set in-process: `dotnet run --project src/ScenarioRunner -c Release -- scenarios/` (built first,
# then run with --no-build), SCENARIO_REPS times; the figure is the runner's own "… in X s wall time" line (from its
# Main to the summary: every scenario parsed and run, each on a fresh in-process server), median.
# Writes $RESULTS_DIR/scenarios.md and prints it.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
REPS=${SCENARIO_REPS:-3}

ensure_tools; init_run; target_reset scenarios
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  flock "$BUILD_LOCK" dotnet build "$REPO_DIR/src/ScenarioRunner" -c Release --nologo -v quiet >&2 || die "ScenarioRunner build failed"
fi
times="" summary=""
for r in $(seq "$REPS"); do
  out="$RESULTS_TMP/scenarios-$r.txt"
  # The lock keeps other builds off the 2 cores while the set runs; the runner times itself, so waiting is not counted.
  (cd "$REPO_DIR" && flock "$BUILD_LOCK" dotnet run --no-build --project src/ScenarioRunner -c Release -- scenarios/) >"$out" 2>&1 \
    || { tail -20 "$out" >&2; die "the scenario set failed (run $r); output above"; }
  summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped in [0-9.]+ s wall time' "$out" | tail -1)
  [ -n "$summary" ] || die "no summary line in the runner's output ($out)"
  t=$(sed -n 's/.* in \([0-9.]*\) s wall time/\1/p' <<<"$summary")
  times+=" $t"; log "scenario set run $r: $summary"
done
# shellcheck disable=SC2086
m=$(median $times)
{
  echo "### Scenario set in-process (src/ScenarioRunner, Release, $REPS runs, median)"
  echo
  echo "Machine: $(machine_note); $(load_note)."
  echo
  echo "Runs (s):$times; last summary: \`$summary\`."
  echo
  echo "Whole set: **$m s** — target ≤ 3 s: $(met is_ge 3 "$m")."
} | tee "$RESULTS_DIR/scenarios.md"
target_row scenarios "The whole scenario set in-process ≤ 3 s" "$m s (median of$times)" "$(met is_ge 3 "$m")"
