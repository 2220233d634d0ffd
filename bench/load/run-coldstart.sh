#!/usr/bin/env bash
# Fixture cold start (issue 17): a fresh process per run, `new FakeAuthServerFactory()` → first GET /cookies answered,
# against a bare WebApplicationFactory over bench/ReferenceServer; then a second factory in the same process.
# COLDSTART_RUNS (else STARTUP_RUNS, else 9) runs per side, alternating, after one unmeasured run each; medians; ratios.
# 9, not 5: on the Intel machine of 2026-12-02 single runs spread over ±20%, and 5-run medians of one build gave
# 1.23x and then 1.12x. Writes $RESULTS_DIR/coldstart.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
RUNS=${COLDSTART_RUNS:-${STARTUP_RUNS:-9}}
ensure_tools; init_run; target_reset coldstart
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  log "building bench/ColdStart (Release, under $BUILD_LOCK)"
  publish bench/ColdStart/ColdStart.csproj ColdStart
fi
COLD_DLL="$OUT_BIN/ColdStart/ColdStart.dll"
[ -f "$COLD_DLL" ] || die "$COLD_DLL is missing: build first (drop SKIP_BUILD)"
run_one() { (cd "$OUT_BIN/ColdStart" && dotnet ColdStart.dll "$1"); }
for k in fas bare; do run_one "$k" >/dev/null; done # unmeasured: disk cache
LOAD_BEFORE=$(load_note)
declare -A FIRST=([fas]="" [bare]="") SECOND=([fas]="" [bare]="")
for r in $(seq "$RUNS"); do
  order=(fas bare); [ $((r % 2)) = 0 ] && order=(bare fas)
  for k in "${order[@]}"; do
    line=$(run_one "$k"); log "$line"
    FIRST[$k]+=" $(sed -n 's/.*first_ms=\([0-9.]*\).*/\1/p' <<<"$line")"
    SECOND[$k]+=" $(sed -n 's/.*second_ms=\([0-9.]*\).*/\1/p' <<<"$line")"
  done
done
LOAD_AFTER=$(load_note)
# shellcheck disable=SC2086
f1=$(median ${FIRST[fas]}); b1=$(median ${FIRST[bare]}); f2=$(median ${SECOND[fas]}); b2=$(median ${SECOND[bare]})
r1=$(ratio "$f1" "$b1"); r2=$(ratio "$f2" "$b2")
s1=$(met is_ge 1.15 "$r1"); s2=$(met is_ge 1.2 "$r2")
target_row coldstart "Fixture cold start ≤ 1.15× a bare WebApplicationFactory (fresh process → first GET /cookies)" "${r1}× ($(printf '%.0f vs %.0f' "$f1" "$b1") ms)" "$s1"
target_row coldstart "Second factory in the same process ≤ 1.2× the bare second one" "${r2}× ($(printf '%.0f vs %.0f' "$f2" "$b2") ms)" "$s2"
{
  echo "### Fixture cold start: FakeAuthServerFactory vs a bare WebApplicationFactory ($RUNS runs each, medians)"
  echo
  echo "Machine: $(machine_note). Before: $LOAD_BEFORE; after: $LOAD_AFTER."
  echo
  echo "| side | process start → first answer, ms (runs) | median | second factory, ms (runs) | median |"
  echo "|---|---|---|---|---|"
  echo "| FakeAuthServerFactory |${FIRST[fas]} | $f1 |${SECOND[fas]} | $f2 |"
  echo "| bare WebApplicationFactory (ReferenceServer) |${FIRST[bare]} | $b1 |${SECOND[bare]} | $b2 |"
  echo
  echo "Cold start ratio **${r1}×** (target ≤ 1.15×: $s1); second factory **${r2}×** (target ≤ 1.2×: $s2)."
} | tee "$RESULTS_DIR/coldstart.md"
