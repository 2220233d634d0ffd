#!/usr/bin/env bash
# Start-up to first 200: launch the published dll (`dotnet X.dll`, no build), poll GET /cookies on 127.0.0.1 every
# 10 ms with curl until it answers 200 (at most 30 s), STARTUP_RUNS times per server, alternating; median; ratio.
# Writes $RESULTS_DIR/startup.md and prints it.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
RUNS=${STARTUP_RUNS:-5}

ensure_tools; init_run; build_all; target_reset startup

# startup_ms fas|ref -> milliseconds from launch to the first 200 on /cookies.
startup_ms() {
  local port start end pid
  port=$(free_port)
  start=$(date +%s%N)
  start_server "$1" "$port"; pid=$SERVER_PID
  local deadline=$(( $(date +%s) + 30 ))
  until [ "$(http_status "http://127.0.0.1:$port/cookies")" = 200 ]; do
    [ "$(date +%s)" -lt "$deadline" ] || { stop_server "$pid"; die "$1 gave no 200 within 30 s"; }
    kill -0 "$pid" 2>/dev/null || die "$1 exited during start-up (see $RESULTS_TMP/$1-$port.log)"
    sleep 0.01
  done
  end=$(date +%s%N)
  stop_server "$pid"
  echo $(( (end - start) / 1000000 ))
}

# One unmeasured start each, so the first measured run does not pay for a cold disk cache alone.
startup_ms fas >/dev/null; startup_ms ref >/dev/null
declare -A T=([fas]="" [ref]="")
for r in $(seq "$RUNS"); do
  order=(fas ref); [ $((r % 2)) = 0 ] && order=(ref fas)
  for s in "${order[@]}"; do ms=$(startup_ms "$s"); T[$s]+=" $ms"; log "start-up $s run $r: $ms ms"; done
done
# shellcheck disable=SC2086
fas=$(median ${T[fas]}); ref=$(median ${T[ref]})
ra=$(ratio "$fas" "$ref")
{
  echo "### Start-up to first 200 (GET /cookies, $RUNS runs each, median)"
  echo
  echo "Machine: $(machine_note); $(load_note)."
  echo
  echo "| server | runs (ms) | median ms |"
  echo "|---|---|---|"
  echo "| FakeAuthServer |${T[fas]} | $fas |"
  echo "| reference |${T[ref]} | $ref |"
  echo
  echo "Ratio FakeAuthServer / reference: **$ra×** — target ≤ 1.2×: $(met is_ge 1.2 "$ra")."
} | tee "$RESULTS_DIR/startup.md"
target_row startup "Start-up to first 200 ≤ 1.2× the reference" "${ra}× ($fas ms vs $ref ms)" "$(met is_ge 1.2 "$ra")"
