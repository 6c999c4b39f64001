#!/usr/bin/env bash
# bench/serve-load.sh — load test of `ombuds serve`.
#
# Usage: bench/serve-load.sh INDEX [CLIENTS] [SECONDS] [URLS]
#
#   INDEX    an ombuds index (e.g. one ingested from `examples/synth --docs 100000`:
#              cargo run --release --example synth -- --docs 100000 --out /tmp/c --seed 42
#              target/release/ombuds ingest /tmp/c --index /tmp/c-index)
#   CLIENTS  concurrent clients (default 32)
#   SECONDS  how long they send requests (default 20)
#   URLS     distinct (default): mostly URLs not asked for before, so that the
#            server renders the pages it is asked for (examples/load --distinct);
#            repeat: a few hundred URLs asked for again and again, which the
#            server's page cache answers after their first request
#
# Builds the release binary and examples/load, starts `ombuds serve --port 0` on
# INDEX, runs examples/load against the URL it prints (a mix of search, facet,
# decision and statistics pages; see examples/load.rs), prints throughput,
# p50/p99 latency per kind of page and the errors, and stops the server.
set -euo pipefail
cd "$(dirname "$0")/.."
usage="usage: bench/serve-load.sh INDEX [CLIENTS] [SECONDS] [distinct|repeat]"
index=${1:?$usage}
clients=${2:-32}
seconds=${3:-20}
case ${4:-distinct} in
  distinct) urls=(--distinct) ;;
  repeat) urls=() ;;
  *) echo "$usage" >&2; exit 2 ;;
esac
cargo build --release --locked --bin ombuds --example load
out=$(mktemp)
target/release/ombuds serve --index "$index" --port 0 >"$out" &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -f "$out"' EXIT
url=
for _ in $(seq 100); do
  url=$(grep -o 'http://[^ ]*' "$out" || true)
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { echo "serve-load: the server printed no URL" >&2; exit 2; }
echo "index: $index ($(nproc) cores); server: $url"
target/release/examples/load --url "$url" --clients "$clients" --seconds "$seconds" "${urls[@]}"
