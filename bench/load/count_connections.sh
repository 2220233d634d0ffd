#!/usr/bin/env bash
# count_connections.sh PORT OUTFILE: until killed, samples every TCP socket with one end on 127.0.0.1:PORT (any state,
# so a closed connection stays visible in TIME-WAIT for 60 s and cannot slip between two samples) every 20 ms, and
# appends the client-side port of each to OUTFILE. The caller counts distinct ports, less those present beforehand.
port=$1 out=$2
while :; do
  ss -Htan "( sport = :$port or dport = :$port )" | awk -v p=":$port" '
    $1 == "LISTEN" { next }
    { split($4, l, ":"); split($5, r, ":"); lp = l[length(l)]; rp = r[length(r)]
      print ((":" lp) == p ? rp : lp) }' >>"$out"
  sleep 0.02
done
