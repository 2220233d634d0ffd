# Reads wrk --latency output; prints "rps p99_ms non2xx socket_errors" (latency converted to milliseconds).
function ms(v) {
  if (v ~ /us$/) return substr(v, 1, length(v) - 2) / 1000
  if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0
  if (v ~ /s$/)  return substr(v, 1, length(v) - 1) * 1000
  return v + 0
}
/^ +99% / { p99 = ms($2) }
/^Requests\/sec:/ { rps = $2 }
/Non-2xx or 3xx responses:/ { non2xx = $NF }
/Socket errors:/ { gsub(",", ""); sock = $4 + $6 + $8 + $10 }
END { printf "%s %s %d %d\n", (rps == "" ? "nan" : rps), (p99 == "" ? "nan" : p99), non2xx, sock }
