#!/usr/bin/env bash
# Reads BenchmarkDotNet's github-markdown reports (bench/results/bdn, copied there by run-all.sh) and writes the target rows
# for the jar, in-process HttpSession and the one-scenario benchmark. Columns are found by their header names.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
REPORTS=${BDN_RESULTS:-$RESULTS_DIR/bdn}
target_reset bdn

# row FILE METHOD [COUNT LAYOUT] -> the Mean of that row (markdown bold stripped).
row() {
  awk -F'|' -v m="$2" -v n="${3:-}" -v l="${4:-}" '
    function t(s) { gsub(/\*|^ +| +$/, "", s); return s }
    /^\| *Method/ { for (i = 2; i < NF; i++) h[t($i)] = i; next }
    h["Method"] && t($h["Method"]) == m && (n == "" || t($h["CookieCount"]) == n) && (l == "" || t($h["Layout"]) == l) {
      print t($h["Mean"]); exit }' "$1"
}

# time_ratio MEAN_A MEAN_B -> A's time / B's time, from two Means ("1,063.0 ns", "60.98 μs", "1.2 ms"); a throughput
# ratio is the baseline's time over the other's. Every ratio here comes from the Means, not BenchmarkDotNet's Ratio
# column: that is a mean of per-iteration ratios, which on a noisy run strays even for the baseline itself (1.18 for
# the in-process HttpClient row on 2026-12-02, against its own mean).
time_ratio() {
  awk -v a="$1" -v b="$2" 'function ns(s,  n) { n = s; gsub(/[^0-9.]/, "", n); return n * (s ~ /ms/ ? 1e6 : s ~ /μs|us/ ? 1e3 : 1) }
    BEGIN { printf "%.2f", ns(a) / ns(b) }'
}

jar="$REPORTS/SessionKit.Benchmarks.CookieJarBenchmarks-report-github.md"
if [ -f "$jar" ]; then
  mean=$(row "$jar" GetCookieHeader_CookieJar 10000 SharedSite)
  cmean=$(row "$jar" GetCookieHeader_CookieContainer 10000 SharedSite)
  ratio=$(time_ratio "$mean" "$cmean")
  target_row bdn "Jar GetCookieHeader at 10k cookies no slower than CookieContainer (issue layout)" \
    "${ratio}× time ($mean vs $cmean)" "$(met is_ge 1.0 "$ratio")"
  figures="" ok=1
  for n in 10 1000 10000; do
    mean=$(row "$jar" SetCookies_CookieJar "$n" SharedSite)
    ratio=$(time_ratio "$mean" "$(row "$jar" SetCookies_CookieContainer "$n" SharedSite)")
    figures+="$n: ${ratio}× ($mean); "; is_ge 1.5 "$ratio" || ok=0
  done
  target_row bdn "Jar SetCookies within 1.5× of CookieContainer (issue layout)" "${figures%; }" "$([ $ok = 1 ] && echo met || echo "**not met**")"
else
  target_row bdn "Jar targets" "no CookieJarBenchmarks report in $REPORTS" "not measured"
fi

session="$REPORTS/SessionKit.Benchmarks.SessionBenchmarks-report-github.md"
if [ -f "$session" ]; then
  mean=$(row "$session" HttpSession_Get)
  bmean=$(row "$session" HttpClient_CookieContainer)
  thr=$(time_ratio "$bmean" "$mean")
  target_row bdn "HttpSession ≥ 0.8× raw HttpClient, in-process (TestServer handler)" "${thr}× throughput ($mean vs $bmean)" "$(met is_ge "$thr" 0.8)"
fi

loopback="$REPORTS/SessionKit.Benchmarks.LoopbackSessionBenchmarks-report-github.md"
if [ -f "$loopback" ]; then
  # alloc METHOD -> that row's Allocated column.
  alloc() {
    awk -F'|' -v m="$1" 'function t(s) { gsub(/\*|^ +| +$/, "", s); return s }
      /^\| *Method/ { for (i = 2; i < NF; i++) h[t($i)] = i; next }
      h["Method"] && t($h["Method"]) == m { print t($h["Allocated"]); exit }' "$loopback"
  }
  mean=$(row "$loopback" HttpSession_Get)
  bmean=$(row "$loopback" HttpClient_CookieContainer)
  thr=$(time_ratio "$bmean" "$mean")
  target_row bdn "HttpSession ≥ 0.9× raw HttpClient, one GET over loopback (Kestrel on 127.0.0.1, issue 17)" \
    "${thr}× throughput ($mean vs $bmean); allocated per GET $(alloc HttpSession_Get) vs $(alloc HttpClient_CookieContainer) (server share included)" \
    "$(met is_ge "$thr" 0.9)"
fi

scenario="$REPORTS/SessionKit.Benchmarks.ScenarioBenchmarks-report-github.md"
if [ -f "$scenario" ]; then
  mean=$(row "$scenario" RunOneScenarioInProcess)
  target_row bdn "One scenario in-process (03, fresh server included): figure only" "$mean per scenario" "(no target)"
fi
tokens="$REPORTS/SessionKit.Benchmarks.TokenEndpointBenchmarks-report-github.md"
if [ -f "$tokens" ]; then
  # format FORMAT -> the Mean of the row with that Format parameter.
  format() {
    awk -F'|' -v f="$1" 'function t(s) { gsub(/\*|^ +| +$/, "", s); return s }
      /^\| *Method/ { for (i = 2; i < NF; i++) h[t($i)] = i; next }
      h["Format"] && t($h["Format"]) == f { print t($h["Mean"]); exit }' "$tokens"
  }
  target_row bdn "/oauth/token client_credentials: RS256 JWT vs opaque access token, in-process (figure only, issue 19)" \
    "$(format jwt) vs $(format opaque) per token" "(no target)"
fi
stubs="$REPORTS/SessionKit.Benchmarks.StubBenchmarks-report-github.md"
if [ -f "$stubs" ]; then
  pmean=$(row "$stubs" Protected)
  omean=$(row "$stubs" OwnRoute_RequireSession) smean=$(row "$stubs" WireMockStub_BehindSessionGuard)
  oratio=$(time_ratio "$omean" "$pmean") sratio=$(time_ratio "$smean" "$pmean")
  target_row bdn "A route of your own behind RequireSession, and a guarded WireMock stub, vs GET /protected, in-process (figure only, issue 20)" \
    "own route ${oratio}× ($omean), stub ${sratio}× ($smean), /protected $pmean" "(no target)"
fi
cat "$RESULTS_DIR/targets/bdn.md"
