#!/usr/bin/env bash
# Redis mode (FakeAuth:Store=redis) against the in-memory default, both FakeAuthServer, side by side, under wrk.
# A throwaway redis-server (Debian's) on a free 127.0.0.1 port, in memory only (no RDB, no AOF), shares the 2 cores.
# GET /protected (cookie from a curl login per server, sent with -H), form POST /api/login (login.lua) and GET /cookies
# at 16 connections: REPS runs of DURATION per server, alternating which goes first; medians. Target (issue 17):
# /protected in Redis mode ≥ 0.5× in memory. Beside it, the same ratio for the bare reference server (in memory, and
# with --Redis: one plain EXISTS per /protected), measured in the same rounds: what one StackExchange.Redis round
# trip costs a server that does nothing else on this machine. Writes $RESULTS_DIR/redis.md and prints it.
#   DURATION=2s REPS=1 bench/load/run-redis.sh     # quick trial
set -euo pipefail
source "$(dirname "$0")/lib.sh"
DURATION=${DURATION:-10s}
REPS=${REPS:-3}
# 10 s, not 3 s: after 3 s of /protected, the tiered JIT's background thread still spent 2.5 s of CPU in the next
# 10 s window in Redis mode (StackExchange.Redis ships as IL only) and 1.3 s in memory (2026-12-01, per-thread CPU
# from /proc), so the first measured run was partly a JIT run, more for Redis than for memory.
WARMUP=${WARMUP:-10s}
THREADS=2
CONNS=16
ENDPOINTS=(/protected /api/login /cookies)

ensure_tools; ensure_wrk; init_run; build_all; target_reset redis
REDIS_SERVER=$(command -v redis-server) || die "redis-server is needed (Debian: apt-get install redis-server)"

REDIS_PORT=$(free_port)
"$REDIS_SERVER" --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --protected-mode yes \
  >>"$RESULTS_TMP/redis-$REDIS_PORT.log" 2>&1 &
STARTED_PIDS+=("$!")
for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$REDIS_PORT") 2>/dev/null && break; sleep 0.1; done

MEM_PORT=$(free_port); start_server fas "$MEM_PORT"
RED_PORT=$(free_port); start_server fas "$RED_PORT" --FakeAuth:Store=redis "--FakeAuth:Redis:Configuration=127.0.0.1:$REDIS_PORT"
wait_200 "http://127.0.0.1:$MEM_PORT/cookies" || die "FakeAuthServer (memory) did not answer on $MEM_PORT"
wait_200 "http://127.0.0.1:$RED_PORT/cookies" || die "FakeAuthServer (redis) did not answer on $RED_PORT"
REF_MEM_PORT=$(free_port); start_server ref "$REF_MEM_PORT"
REF_RED_PORT=$(free_port); start_server ref "$REF_RED_PORT" --Redis "127.0.0.1:$REDIS_PORT"
wait_200 "http://127.0.0.1:$REF_MEM_PORT/cookies" || die "ReferenceServer (memory) did not answer on $REF_MEM_PORT"
wait_200 "http://127.0.0.1:$REF_RED_PORT/cookies" || die "ReferenceServer (redis) did not answer on $REF_RED_PORT"
declare -A PORT=([mem]=$MEM_PORT [redis]=$RED_PORT [refmem]=$REF_MEM_PORT [refredis]=$REF_RED_PORT)
declare -A COOKIE
fresh_cookies() { local s; for s in mem redis refmem refredis; do COOKIE[$s]=$(login_cookie "http://127.0.0.1:${PORT[$s]}"); done; }

# wrk_run server endpoint duration -> "rps p99_ms non2xx socket_errors"
wrk_run() { wrk_endpoint "http://127.0.0.1:${PORT[$1]}" "$2" "$CONNS" "$3" "${COOKIE[$1]}"; }

log "warm-up: $WARMUP of each endpoint on each server (not measured)"
fresh_cookies
for e in "${ENDPOINTS[@]}"; do for s in mem redis; do wrk_run "$s" "$e" "$WARMUP" >/dev/null; done; done
for s in refmem refredis; do wrk_run "$s" /protected "$WARMUP" >/dev/null; done

LOAD_BEFORE=$(load_note)
: >"$RESULTS_TMP/medians.txt"
for e in "${ENDPOINTS[@]}"; do
  declare -A RPS=([mem]="" [redis]="" [refmem]="" [refredis]="") P99=([mem]="" [redis]="" [refmem]="" [refredis]="")
  declare -A ERR=([mem]=0 [redis]=0 [refmem]=0 [refredis]=0)
  servers=(mem redis)
  [ "$e" = /protected ] && { fresh_cookies; servers=(mem redis refmem refredis); }
  for r in $(seq "$REPS"); do
    order=("${servers[@]}"); [ $((r % 2)) = 0 ] && order=($(printf '%s\n' "${servers[@]}" | tac))
    for s in "${order[@]}"; do
      read -r rps p99 non2xx sock < <(wrk_run "$s" "$e" "$DURATION")
      log "$s $e rep $r: $rps req/s, p99 $p99 ms, non-2xx $non2xx, socket errors $sock"
      RPS[$s]+=" $rps"; P99[$s]+=" $p99"; ERR[$s]=$(( ${ERR[$s]} + non2xx + sock ))
    done
  done
  # shellcheck disable=SC2086
  printf '%s %s %s %s %s %s %s %s %s\n' "$e" "$(median ${RPS[redis]})" "$(median ${RPS[mem]})" "$(median ${P99[redis]})" \
    "$(median ${P99[mem]})" "${ERR[redis]}" "${ERR[mem]}" "$(echo ${RPS[redis]} | tr ' ' ',')" "$(echo ${RPS[mem]} | tr ' ' ',')" \
    >>"$RESULTS_TMP/medians.txt"
  # shellcheck disable=SC2086
  [ "$e" = /protected ] && printf '%s %s %s %s %s %s %s %s\n' "$(median ${RPS[refredis]})" "$(median ${RPS[refmem]})" \
    "$(median ${P99[refredis]})" "$(median ${P99[refmem]})" "${ERR[refredis]}" "${ERR[refmem]}" \
    "$(echo ${RPS[refredis]} | tr ' ' ',')" "$(echo ${RPS[refmem]} | tr ' ' ',')" >"$RESULTS_TMP/reference.txt"
done
read -r REF_RR REF_MR REF_RP REF_MP REF_RE REF_ME REF_RRUNS REF_MRUNS <"$RESULTS_TMP/reference.txt"
REF_RATIO=$(ratio "$REF_RR" "$REF_MR")
LOAD_AFTER=$(load_note)

# Commands per request, as the redis-server counts them (MONITOR; what a Lua script runs inside is not a command of
# its own, and connection housekeeping is left out): a deterministic figure beside the timings. Ten requests each.
REDIS_CLI=$(command -v redis-cli) || die "redis-cli is needed (Debian: redis-tools, installed with redis-server)"
commands_per_request() { # label curl-args...
  local out="$RESULTS_TMP/monitor-$1.txt" n
  # One request first, uncounted: a script's first use loads it (EVALSHA, NOSCRIPT, SCRIPT LOAD, EVAL).
  curl -s -o /dev/null --max-time 5 "${@:2}"
  "$REDIS_CLI" -p "$REDIS_PORT" monitor >"$out" & local monitor=$!
  sleep 0.5
  for _ in $(seq 10); do curl -s -o /dev/null --max-time 5 "${@:2}"; done
  sleep 0.5
  kill "$monitor"; wait "$monitor" 2>/dev/null || true
  n=$(grep -F ' [0 127.0.0.1:' "$out" | grep -cviE '"(ping|echo|info|client|cluster|config|subscribe|command|hello|select)"' || true)
  awk -v n="$n" 'BEGIN { printf "%.1f", n / 10 }'
}
RED="http://127.0.0.1:$RED_PORT"
CMD_PROTECTED=$(commands_per_request protected -H "Cookie: $(login_cookie "$RED")" "$RED/protected")
CMD_LOGIN_OK=$(commands_per_request login-ok -d 'username=some_name&password=pass' "$RED/api/login")
CMD_LOGIN_BAD=$(commands_per_request login-bad -d 'username=nobody&password=wrong' "$RED/api/login")
CMD_COOKIES=$(commands_per_request cookies "$RED/cookies")
# The token login: the lockout check and both tokens in one script.
CMD_TOKEN_LOGIN=$(commands_per_request token-login -d 'username=some_name&password=pass' "$RED/api/auth/login")
target_row redis "Redis mode: one command per request for \`/protected\`, \`/api/login\` and \`/api/auth/login\` (issue 17; MONITOR, 10 requests each; \`/api/me\` and the form \`/login\` are pinned at 1 by RoundTripsTests)" \
  "\`/protected\` $CMD_PROTECTED, \`/api/login\` success $CMD_LOGIN_OK, wrong password $CMD_LOGIN_BAD, \`/api/auth/login\` $CMD_TOKEN_LOGIN, \`/cookies\` $CMD_COOKIES" \
  "$(if [ "$CMD_PROTECTED" = 1.0 ] && [ "$CMD_LOGIN_OK" = 1.0 ] && [ "$CMD_LOGIN_BAD" = 1.0 ] && [ "$CMD_TOKEN_LOGIN" = 1.0 ]; then echo met; else echo "**not met**"; fi)"

{
  echo "### Redis mode vs in memory (FakeAuthServer both; wrk, $THREADS threads, $CONNS connections, $DURATION × $REPS, medians)"
  echo
  echo "Machine: $(machine_note); $("$REDIS_SERVER" --version | cut -d' ' -f1-3) on 127.0.0.1. Before: $LOAD_BEFORE; after: $LOAD_AFTER."
  echo
  echo "| endpoint | Redis req/s | in-memory req/s | ratio | Redis p99 ms | memory p99 ms | errors Redis/memory | runs req/s (Redis; memory) | target | status |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  while read -r e rr mr rp mp re me rruns mruns; do
    ra=$(ratio "$rr" "$mr") target="—" status="(figure only)"
    if [ "$e" = /protected ]; then
      target="≥0.5×"; status=$(met is_ge "$ra" 0.5)
      target_row redis "Redis mode \`/protected\` ≥ 0.5× in memory (16 connections)" \
        "${ra}× ($(printf '%.0f vs %.0f' "$rr" "$mr") req/s); the bare reference, one plain EXISTS per request: ${REF_RATIO}×" "$status"
    fi
    [ "$re" != 0 ] || [ "$me" != 0 ] && status+=", errors!"
    printf '| %s | %.0f | %.0f | %s | %.2f | %.2f | %s/%s | %s; %s | %s | %s |\n' "$e" "$rr" "$mr" "$ra" "$rp" "$mp" "$re" "$me" \
      "$rruns" "$mruns" "$target" "$status"
  done <"$RESULTS_TMP/medians.txt"
  status="(reference)"; [ "$REF_RE" != 0 ] || [ "$REF_ME" != 0 ] && status+=", errors!"
  printf '| %s | %.0f | %.0f | %s | %.2f | %.2f | %s/%s | %s; %s | %s | %s |\n' "/protected, bare reference (ReferenceServer --Redis: one EXISTS)" \
    "$REF_RR" "$REF_MR" "$REF_RATIO" "$REF_RP" "$REF_MP" "$REF_RE" "$REF_ME" "$REF_RRUNS" "$REF_MRUNS" "—" "$status"
  echo
  echo "The reference row is bench/ReferenceServer in memory and with \`--Redis\` (a session is a string key with a TTL;"
  echo "\`/protected\` is one \`EXISTS\`, with the client settings FakeAuthServer uses), in the same rounds as the"
  echo "FakeAuthServer rows: the cost of one StackExchange.Redis round trip to a server that does nothing else. FakeAuthServer's"
  echo "one command is a Lua script (the shared-clock check, the lookup and the sliding touch, atomically)."
  echo
  echo "Redis commands per request, counted by the redis-server (MONITOR, 10 requests each, this run): \`/protected\`"
  echo "$CMD_PROTECTED, \`/api/login\` $CMD_LOGIN_OK for a success (lockout check, carried sessions and new session in one script) and"
  echo "$CMD_LOGIN_BAD for a wrong password, \`/cookies\` $CMD_COOKIES; the token login \`/api/auth/login\` $CMD_TOKEN_LOGIN (lockout check and"
  echo "both tokens in one script). \`/api/me\` and the form \`/login\` are 1 (tests/Integration/Redis/RoundTripsTests, which pins all of these)."
} | tee "$RESULTS_DIR/redis.md"
