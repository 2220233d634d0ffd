#!/usr/bin/env bash
# Bounded soak: FakeAuthServer under SOAK (default 60s) of wrk at 64 connections mixing POST /api/login, GET /protected
# and GET /flaky (soak.lua says what counts as expected), started with short sessions so that expired ones are purged
# within the run: SessionLifetime 5 s, PurgeInterval 1 s. Memory is read from /proc/PID/status (VmRSS, and RssAnon =
# anonymous pages only: GC heap and native allocations, without the mapped dlls) at the same point after the warm-up
# and after the run: load stopped, PURGE_WAIT (lifetime + 2 purge intervals) seconds waited so every session of that
# load has expired and been purged, 2 s of light GET /cookies; read once as the GC left it, then a full blocking GC
# is induced from outside (bench/FullGc: EventPipe's GCHeapCollect, as dotnet-gcdump does) and the managed heap that
# survived it is read from that GC's GCHeapStats event — the fair figure (live data); RSS is read again after it.
# Writes $RESULTS_DIR/soak.md and prints it.   SOAK=10s SOAK_WARMUP=10s bench/load/run-soak.sh   # quick trial
set -euo pipefail
source "$(dirname "$0")/lib.sh"
SOAK=${SOAK:-60s}
SOAK_WARMUP=${SOAK_WARMUP:-60s}
CONNS=64
LIFETIME_S=5
PURGE_S=1
PURGE_WAIT=$((LIFETIME_S + 2 * PURGE_S))
HERE="$BENCH_DIR/load"

ensure_tools; ensure_wrk; init_run; build_all; target_reset soak

PORT=$(free_port)
start_server fas "$PORT" --FakeAuth:SessionLifetime=00:00:$LIFETIME_S --FakeAuth:PurgeInterval=00:00:0$PURGE_S
PID=$SERVER_PID
BASE="http://127.0.0.1:$PORT"
wait_200 "$BASE/cookies" || die "FakeAuthServer did not answer on $PORT"

mem() { awk '/^(VmRSS|RssAnon):/ {printf "%s %d ", $1, $2}' "/proc/$PID/status"; }   # kB
kb() { sed -n "s/.*$1: \([0-9]*\).*/\1/p" <<<"$2"; }
settle_and_measure() {
  log "waiting ${PURGE_WAIT}s for every session of that load to expire and be purged, then 2 s of light GET /cookies"
  sleep "$PURGE_WAIT"
  wrk -t1 -c4 -d2s "$BASE/cookies" >/dev/null
  sleep 1
  local heap
  heap=$(dotnet "$FULLGC_DLL" "$PID") || die "could not induce a GC in the server"
  log "full GC: $heap"
  echo "$(mem)| $(sleep 1; mem) $heap"
}

log "warm-up: $SOAK_WARMUP of the soak mix at $CONNS connections"
WARM=$(wrk -t2 -c"$CONNS" -d"$SOAK_WARMUP" -s "$HERE/soak.lua" "$BASE" | grep '^SOAK')
log "warm-up: $WARM"
M0=$(settle_and_measure); log "after warm-up: $M0"

log "soak: $SOAK at $CONNS connections"
RUN=$(wrk -t2 -c"$CONNS" -d"$SOAK" --timeout 5s -s "$HERE/soak.lua" "$BASE" | grep '^SOAK')
PEAK=$(mem)
log "soak: $RUN; memory at the end of the load: $PEAK"
kill -0 "$PID" 2>/dev/null || die "FakeAuthServer died during the soak (see $RESULTS_TMP)"
M1=$(settle_and_measure); log "after the run: $M1"

field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" <<<" $RUN"; }
total=$(field total); ok=$(field ok); f500=$(field flaky500); unexp=$(field unexpected); sock=$(field socket_errors)
bad=$((unexp + sock))
# Before "|": as the GC left it; after: after the induced full GC.
rss0=$(kb VmRSS "${M0%%|*}"); rss1=$(kb VmRSS "${M1%%|*}"); anon0=$(kb RssAnon "${M0%%|*}"); anon1=$(kb RssAnon "${M1%%|*}")
grss0=$(kb VmRSS "${M0#*|}"); grss1=$(kb VmRSS "${M1#*|}"); ganon0=$(kb RssAnon "${M0#*|}"); ganon1=$(kb RssAnon "${M1#*|}")
heap0=$(sed -n 's/.*gc_heap_bytes=\([0-9]*\).*/\1/p' <<<"$M0"); heap1=$(sed -n 's/.*gc_heap_bytes=\([0-9]*\).*/\1/p' <<<"$M1")
hr=$(ratio "$heap1" "$heap0"); mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }
rr=$(ratio "$rss1" "$rss0"); ar=$(ratio "$anon1" "$anon0"); grr=$(ratio "$grss1" "$grss0"); gar=$(ratio "$ganon1" "$ganon0")
# The target is about growth (a leak, sessions never purged): at most 10% above the warm-up figure; less is fine.
within() { awk -v r="$1" 'BEGIN { exit !(r <= 1.1) }'; }
{
  echo "### Soak: $SOAK at $CONNS connections, login / protected / flaky in turn (after $SOAK_WARMUP warm-up)"
  echo
  echo "Machine: $(machine_note); $(load_note). Server: SessionLifetime ${LIFETIME_S}s, PurgeInterval ${PURGE_S}s, LogRequests off."
  echo
  echo "| figure | value | target | status |"
  echo "|---|---|---|---|"
  echo "| requests (answered: 200 / designed /flaky 500) | $total ($ok / $f500) | | |"
  echo "| unexpected answers + socket errors | $unexp + $sock | 0 | $( [ "$bad" = 0 ] && echo met || echo "**not met**") |"
  echo "| managed heap after a full GC, after warm-up → after run (MB) | $(mb "$heap0") → $(mb "$heap1") (×$hr) | ≤ 1.1× | $(met within "$hr") |"
  echo "| after a full GC: RssAnon after warm-up → after run (MB) | $((ganon0 / 1024)) → $((ganon1 / 1024)) (×$gar) | ≤ 1.1× | $(met within "$gar") |"
  echo "| after a full GC: VmRSS after warm-up → after run (MB) | $((grss0 / 1024)) → $((grss1 / 1024)) (×$grr) | ≤ 1.1× | $(met within "$grr") |"
  echo "| as the GC left it: RssAnon (MB) | $((anon0 / 1024)) → $((anon1 / 1024)) (×$ar) | (info) | |"
  echo "| as the GC left it: VmRSS (MB) | $((rss0 / 1024)) → $((rss1 / 1024)) (×$rr) | (info) | |"
  echo "| VmRSS at the end of the load (MB) | $(( $(kb VmRSS "$PEAK") / 1024 )) | | |"
  echo
  echo "Managed heap after the induced GC (bytes), after warm-up: \`${M0#*gc_heap_bytes=}\`; after the run: \`${M1#*gc_heap_bytes=}\`."
  echo
  echo "Expected answers: any 200, and 500 \`{\"detail\":\"Server error\"}\` (/flaky's designed failure). Everything else is"
  echo "unexpected, 401 included: every /protected carries the cookie of a login answered milliseconds before, well"
  echo "inside the ${LIFETIME_S} s lifetime. wrk line: \`$RUN\`"
} | tee "$RESULTS_DIR/soak.md"
target_row soak "Soak ($SOAK, 64 connections): 0 unexpected errors" "$unexp unexpected answers + $sock socket errors in $total requests" "$( [ "$bad" = 0 ] && echo met || echo "**not met**")"
target_row soak "Soak: memory after the run at most 10% above after warm-up (sessions purged)" "managed heap after a full GC ×$hr ($(mb "$heap0")→$(mb "$heap1") MB); RssAnon after it ×$gar ($((ganon0 / 1024))→$((ganon1 / 1024)) MB); VmRSS ×$grr; without the GC: RssAnon ×$ar, VmRSS ×$rr" "$(met within "$hr") (heap), $(met within "$gar") (RssAnon), $(met within "$grr") (VmRSS)"
