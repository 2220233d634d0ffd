# Shared helpers for the load, start-up, client and soak scripts (sourced, not run).
# Everything listens on 127.0.0.1 only; every wait is a bounded loop.

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO_DIR="$(cd "$BENCH_DIR/.." && pwd)"
OUT_BIN="$BENCH_DIR/.build"            # published servers and the client run (git-ignored)
RESULTS_DIR="${RESULTS_DIR:-$BENCH_DIR/results}"
BUILD_LOCK="${BUILD_LOCK:-/tmp/sessionkit-build.lock}"
FAS_DLL="$OUT_BIN/FakeAuthServer/FakeAuthServer.dll"
REF_DLL="$OUT_BIN/ReferenceServer/ReferenceServer.dll"
CLIENT_DLL="$OUT_BIN/ClientRun/ClientRun.dll"
FULLGC_DLL="$OUT_BIN/FullGc/FullGc.dll"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log() { printf '[bench %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "error: $*"; exit 1; }

# wrk from Debian: installed here when root, otherwise a clear message.
ensure_wrk() {
  command -v wrk >/dev/null && return 0
  if [ "$(id -u)" = 0 ]; then
    log "wrk is missing: installing it from Debian (apt-get install wrk)"
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >&2 || die "apt-get install wrk failed"
  else
    die "wrk is missing and this is not root: run 'sudo apt-get install -y wrk' first"
  fi
}

ensure_tools() {
  for t in curl ss dotnet awk; do command -v "$t" >/dev/null || die "$t is needed but missing"; done
}

# Release builds into bench/.build, serialized with the shared build lock; skipped with SKIP_BUILD=1.
publish() { # project-path name
  flock "$BUILD_LOCK" dotnet publish "$REPO_DIR/$1" -c Release -o "$OUT_BIN/$2" --nologo -v quiet >&2 \
    || die "dotnet publish $1 failed"
}
build_all() {
  [ "${SKIP_BUILD:-0}" = 1 ] && { log "SKIP_BUILD=1: using the existing bench/.build"; return 0; }
  log "building FakeAuthServer, ReferenceServer, ClientRun and FullGc (Release, under $BUILD_LOCK)"
  publish src/FakeAuthServer/FakeAuthServer.csproj FakeAuthServer
  publish bench/ReferenceServer/ReferenceServer.csproj ReferenceServer
  publish bench/ClientRun/ClientRun.csproj ClientRun
  publish bench/FullGc/FullGc.csproj FullGc
  publish bench/ColdStart/ColdStart.csproj ColdStart
}

# A free 127.0.0.1 port: random in 20000-59999, not listened on, not in use by any socket.
free_port() {
  local p i
  for i in $(seq 200); do
    p=$((20000 + RANDOM % 40000))
    [ -z "$(ss -Htan "( sport = :$p or dport = :$p )")" ] && { echo "$p"; return 0; }
  done
  die "no free port found"
}

# http_status URL -> the status code, 000 when nothing answers.
http_status() { curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$1" 2>/dev/null || true; }

# Polls URL until 200, at most $2 seconds (default 30); fails otherwise.
wait_200() {
  local url=$1 limit=${2:-30} deadline
  deadline=$(( $(date +%s) + limit ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    [ "$(http_status "$url")" = 200 ] && return 0
    sleep 0.05
  done
  return 1
}

# start_server fas|ref PORT [extra args...]: starts the dll in the background, sets SERVER_PID; logs to $RESULTS_TMP.
# FakeAuthServer runs with its per-request log off (FakeAuth:LogRequests=false); the reference never logs requests.
start_server() {
  local kind=$1 port=$2; shift 2
  local dll=$REF_DLL extra=()
  [ "$kind" = fas ] && { dll=$FAS_DLL; extra=(--FakeAuth:LogRequests=false); }
  [ -f "$dll" ] || die "$dll is missing: build first (drop SKIP_BUILD)"
  dotnet "$dll" --urls "http://127.0.0.1:$port" "${extra[@]}" "$@" >>"$RESULTS_TMP/$kind-$port.log" 2>&1 &
  SERVER_PID=$!
  STARTED_PIDS+=("$SERVER_PID")
}

stop_server() { # PID
  kill "$1" 2>/dev/null || return 0
  local i; for i in $(seq 100); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$1" 2>/dev/null || true
}

STARTED_PIDS=()
cleanup_servers() { local p; for p in "${STARTED_PIDS[@]}"; do stop_server "$p"; done; }

# login_cookie BASE -> "user_id=…" from a form login, or fails.
# wrk_endpoint base_url endpoint connections duration cookie -> "rps p99_ms non2xx socket_errors"
# /api/login runs login.lua (a fresh form login per request); /protected carries the session cookie given; the
# raw wrk output is kept in $RESULTS_TMP/wrk.log. Uses the caller's THREADS.
wrk_endpoint() {
  local base=$1 endpoint=$2 conns=$3 duration=$4 cookie=$5 args=()
  case $endpoint in
    /api/login) args=(-s "$BENCH_DIR/load/login.lua") ;;
    /protected) args=(-H "Cookie: $cookie") ;;
  esac
  wrk -t"$THREADS" -c"$conns" -d"$duration" --latency "${args[@]}" "$base$endpoint" \
    | tee -a "$RESULTS_TMP/wrk.log" | awk -f "$BENCH_DIR/load/wrk_parse.awk"
}

login_cookie() {
  local cookie
  cookie=$(curl -s -D - -o /dev/null --max-time 5 -d 'username=some_name&password=pass' "$1/api/login" \
    | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \(user_id=[^;]*\).*/\1/p' | head -1)
  [ -n "$cookie" ] || die "login at $1/api/login gave no user_id cookie"
  echo "$cookie"
}

# median of the numbers given as arguments.
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {if (NR==0) print "nan"; else if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

# ratio A B (A/B with 2 decimals), and ge/le checks on decimals.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "nan"; else printf "%.2f", a / b }'; }
is_ge() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 >= b + 0) }'; }
met() { if "$@"; then echo "met"; else echo "**not met**"; fi; }

machine_note() {
  local cpu
  cpu=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
  echo "$(nproc) cores, ${cpu:-unknown CPU}, kernel $(uname -r), dotnet $(dotnet --version), $(date -u '+%Y-%m-%d %H:%M UTC')"
}

# The 1-minute load average at the time of a measurement, so a busy machine shows in the results.
load_note() { echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"; }

# "steal total" CPU ticks so far (/proc/stat): steal is time the hypervisor gave to other guests. On the shared
# 2-core machines here it came in bursts of up to 17% of 10 s (2026-12-02), enough to sink one side of a comparison.
cpu_ticks() { awk '/^cpu / { t = 0; for (i = 2; i <= 9; i++) t += $i; print $9, t; exit }' /proc/stat; }
# steal_since "steal total" (from cpu_ticks) -> steal's share of all CPU time since then, e.g. "3.5%".
steal_since() {
  local s0 t0 s1 t1
  read -r s0 t0 <<<"$1"; read -r s1 t1 < <(cpu_ticks)
  awk -v s=$((s1 - s0)) -v t=$((t1 - t0)) 'BEGIN { printf "%.1f%%", t ? 100 * s / t : 0 }'
}

init_run() {
  mkdir -p "$RESULTS_DIR" "$OUT_BIN"
  RESULTS_TMP=$(mktemp -d /tmp/sessionkit-bench.XXXXXX)
  trap 'cleanup_servers' EXIT
  trap 'cleanup_servers; exit 130' INT TERM
}

# Target rows for the summary table of bench/results/latest.md: target_row PART "target" "figure" "status".
target_reset() { mkdir -p "$RESULTS_DIR/targets"; : >"$RESULTS_DIR/targets/$1.md"; }
target_row() { printf '| %s | %s | %s |\n' "$2" "$3" "$4" >>"$RESULTS_DIR/targets/$1.md"; }
