#!/usr/bin/env bash
# bench/run.sh — the ombuds performance benchmark.
#
# Usage: bench/run.sh [--docs N] [--runs R] [--keep DIR] [--seed S] [--threads T]
#
#   --docs N     decisions in the large corpus (default 100000); a second corpus of N/10
#                is measured too, to show how ingest scales
#   --runs R     repetitions per measurement (default 5); whole-process search and stats
#                latencies are taken over R x 10 runs, ripgrep over R runs
#   --keep DIR   work in DIR and keep it (corpora, indexes, raw results); corpora already
#                there with the same size, seed and synthesizer source are reused.
#                Without --keep a temporary directory is used and removed at the end.
#   --seed S     synthesizer seed (default 42)
#   --threads T  indexing threads for ingest and the baseline (default 2)
#   --real FILE  real decision pages as JSON Lines with a "text" key (default
#                ../shared/devset/lgo_pages.jsonl when it exists; `none` to skip): the
#                pages are copied under new references until there are N/10, and ingest
#                of those is measured against the baseline like the synthetic corpora.
#                Synthetic sentences repeat far more than real ones, so some costs of
#                real text (a pattern outgrowing its cache) show only here.
#
# What it does, from the repository root of a clean clone:
#   1. installs ripgrep, hyperfine and GNU time with apt-get if they are missing;
#   2. builds the release binary and the synth, baseline and accuracy examples;
#   3. synthesizes N and N/10 decisions (examples/synth, with DIR.truth.jsonl beside each);
#   4. measures, with the page cache warm (the corpus was just written):
#      - ingest (fresh index each run): wall and CPU seconds, decisions/s, MB/s, peak RSS
#        (/usr/bin/time), index size on disk vs the raw text, at N and N/10;
#      - the plain tantivy baseline (examples/baseline: whole text, one field, same
#        threads and heap) and the ratio ingest/baseline;
#      - ingest without its extractors (examples/baseline --ombuds-structure: same
#        decoding, sections, schema, documents and writer), to show what extraction costs;
#      - incremental ingest at N, each run right after a full ingest and as a ratio to it:
#        (a) ingest of the same N files again, all unchanged, into that index, and
#        (b) ingest of the N files plus 1% new decisions (copies of the first N/100 files
#        under unused references, in a folder of their own, so the corpus measured
#        elsewhere stays as it is) into a copy of that index;
#      - search latency of the whole process (p50, p95) for a fixed mix of queries, and
#        stats latency, with hyperfine; ripgrep answering the same questions over the raw
#        files, and the ratio ours/rg; matching-decision counts from both, as a sanity check;
#      - ingest of N/10 real pages (--real) against the baseline, as for the corpora;
#      - extraction accuracy: `ombuds parse` on the N/10 corpus vs its truth.jsonl;
#   5. prints one table (bench/table.py) with medians and the targets.
#
# Not part of any test command: it takes minutes and needs a quiet machine to mean much.
set -euo pipefail

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }

DOCS=100000
RUNS=5
KEEP=""
SEED=42
THREADS=2
REAL=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --docs) DOCS="$2"; shift 2 ;;
        --runs) RUNS="$2"; shift 2 ;;
        --keep) KEEP="$2"; shift 2 ;;
        --seed) SEED="$2"; shift 2 ;;
        --threads) THREADS="$2"; shift 2 ;;
        --real) REAL="$2"; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "bench/run.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
done
for v in DOCS RUNS SEED THREADS; do
    [[ "${!v}" =~ ^[0-9]+$ && "${!v}" -gt 0 ]] || { echo "bench/run.sh: --${v,,} must be a positive integer, got '${!v}'" >&2; exit 2; }
done
SMALL=$(( DOCS / 10 ))
(( SMALL > 0 )) || { echo "bench/run.sh: --docs must be at least 10" >&2; exit 2; }
SEARCH_RUNS=$(( RUNS * 10 ))

cd "$(dirname "$0")/.."
ROOT=$(pwd)
log() { echo "bench: $*" >&2; }

# --- tools -------------------------------------------------------------------------------
missing=()
command -v rg >/dev/null || missing+=(ripgrep)
command -v hyperfine >/dev/null || missing+=(hyperfine)
[[ -x /usr/bin/time ]] || missing+=(time)
command -v python3 >/dev/null || missing+=(python3)
if (( ${#missing[@]} )); then
    SUDO=""
    [[ $(id -u) -eq 0 ]] || SUDO="sudo"
    log "installing ${missing[*]}"
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# --- build -------------------------------------------------------------------------------
log "building (release)"
cargo build --release --locked --bin ombuds --example synth --example baseline --example accuracy >&2
BIN="$ROOT/target/release"
OMBUDS="$BIN/ombuds"

# --- work dir ----------------------------------------------------------------------------
if [[ -n "$KEEP" ]]; then
    WORK="$KEEP"
    mkdir -p "$WORK"
else
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/ombuds-bench.XXXXXX")
    trap 'rm -rf "$WORK"' EXIT
fi
WORK=$(cd "$WORK" && pwd)
RES="$WORK/results"
rm -rf "$RES"
mkdir -p "$RES"

# --- corpora -----------------------------------------------------------------------------
SYNTH_HASH=$(cat examples/synth/*.rs | sha256sum | cut -c1-16)
corpus() { # corpus N -> prints the directory, synthesizing it unless an identical one exists
    local n=$1 dir="$WORK/corpus-$1-seed$SEED"
    local stamp="docs=$n seed=$SEED synth=$SYNTH_HASH"
    if [[ -f "$dir/.synth-stamp" && "$(cat "$dir/.synth-stamp")" == "$stamp" ]]; then
        log "reusing $dir"
    else
        rm -rf "$dir" "$dir.truth.jsonl"
        log "synthesizing $n decisions into $dir"
        "$BIN/examples/synth" --docs "$n" --out "$dir" --seed "$SEED" >&2
        echo "$stamp" >"$dir/.synth-stamp"
    fi
    echo "$dir"
}
BIG=$(corpus "$DOCS")
LITTLE=$(corpus "$SMALL")

# 1% new decisions for the incremental ingest: copies of the first N/100 files of the N
# corpus (at least one) that hold a reference in UTF-8, each under the reference the
# synthesizer would give decision N+k (its serials never repeat below a million
# decisions), with the same complaint year.
extra_corpus() { # extra_corpus SRC N -> prints the directory
    local src=$1 n=$2 dir="$WORK/extra-$2-seed$SEED"
    local stamp="docs=$n seed=$SEED synth=$SYNTH_HASH"
    if [[ -f "$dir/.synth-stamp" && "$(cat "$dir/.synth-stamp")" == "$stamp" ]]; then
        log "reusing $dir"
    else
        rm -rf "$dir" "$dir.truth.jsonl"
        log "copying $(( n / 100 > 0 ? n / 100 : 1 )) decisions under new references into $dir"
        python3 - "$src" "$dir" "$n" <<'PY' || exit 1
import os, re, sys
src, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
wanted = max(1, n // 100)
reference = re.compile(rb"(?<![0-9])([0-9]{2}) ([0-9]{3}) ([0-9]{3})(?![0-9])")
os.makedirs(out)
k = 0
for name in sorted(f for f in os.listdir(src) if f.endswith(".txt")):
    if k == wanted:
        break
    text = open(os.path.join(src, name), "rb").read()
    found = reference.search(text)
    if not found:
        continue  # another encoding, or no reference: take the next file
    serial = ((n + k) * 387_493 + 12_345) % 1_000_000
    new = b"%s %03d %03d" % (found.group(1), serial // 1000, serial % 1000)
    with open(os.path.join(out, f"extra-{k:06d}.txt"), "wb") as f:
        f.write(text.replace(found.group(0), new))
    k += 1
if k < wanted:
    sys.exit(f"bench: only {k} of {wanted} files of {src} hold a reference to rewrite")
PY
        echo "$stamp" >"$dir/.synth-stamp"
    fi
    echo "$dir"
}
EXTRA=$(extra_corpus "$BIG" "$DOCS")

# Real pages, copied under new references (`YY NNN NNN` from 50 000 000 up, which the
# sources do not use) until there are N/10: the same texts many times over, so this
# measures what real sentences cost to read, not how a larger real corpus would differ.
[[ -n "$REAL" ]] || { REAL="$ROOT/../shared/devset/lgo_pages.jsonl"; [[ -f "$REAL" ]] || REAL=none; }
if [[ "$REAL" != none ]]; then
    [[ -f "$REAL" ]] || { echo "bench/run.sh: --real: no file $REAL" >&2; exit 2; }
    REAL_DIR="$WORK/real-$SMALL"
    stamp="docs=$SMALL source=$(sha256sum "$REAL" | cut -c1-16)"
    if [[ -f "$REAL_DIR/.synth-stamp" && "$(cat "$REAL_DIR/.synth-stamp")" == "$stamp" ]]; then
        log "reusing $REAL_DIR"
    else
        rm -rf "$REAL_DIR"
        log "copying the pages of $REAL into $REAL_DIR"
        python3 - "$REAL" "$REAL_DIR" "$SMALL" <<'PY' || exit 1
import json, os, re, sys
src, out, wanted = sys.argv[1], sys.argv[2], int(sys.argv[3])
pages = [json.loads(line)["text"] for line in open(src, encoding="utf-8") if line.strip()]
if not pages:
    sys.exit(f"bench: no pages in {src}")
reference = re.compile(r"\(\d{2} ?\d{3} ?\d{3}\)")
os.makedirs(out)
for k in range(wanted):
    serial = 50_000_000 + k
    new = f"({serial // 1_000_000:02d} {serial // 1000 % 1000:03d} {serial % 1000:03d})"
    with open(os.path.join(out, f"real-{k:06d}.txt"), "w", encoding="utf-8") as f:
        f.write(reference.sub(new, pages[k % len(pages)], count=1))
PY
        echo "$stamp" >"$REAL_DIR/.synth-stamp"
    fi
fi

raw_bytes() { find "$1" -name '*.txt' -printf '%s\n' | awk '{s+=$1} END {print s+0}'; }

# --- ingest and baseline -----------------------------------------------------------------
# Before each timed run the earlier runs' writes are flushed (`sync`), so that no run is
# throttled by the kernel writing back another's index (hundreds of MB dirty at 100k):
# without it, single runs of either program took up to twice their time, depending only
# on what ran before them. The page cache is kept, so the corpus stays warm.
settle() { sync; }
# One line per run: wall user sys maxrss_kb
timed_ingest() { # timed_ingest NAME PATH... -- INDEX: appends a line to $RES/NAME.tsv
    local name=$1; shift
    local paths=()
    while [[ "$1" != "--" ]]; do paths+=("$1"); shift; done
    local rc=0
    settle
    /usr/bin/time -f '%e %U %S %M' -o "$RES/time.tmp" \
        "$OMBUDS" ingest "${paths[@]}" --index "$2" --threads "$THREADS" --json >"$RES/$name.out" 2>"$RES/$name.err" || rc=$?
    # 3 = finished, some files skipped: still a complete run to time
    if (( rc != 0 && rc != 3 )); then
        log "ingest failed (exit $rc):"; cat "$RES/$name.err" >&2; exit 1
    fi
    tail -n1 "$RES/time.tmp" >>"$RES/$name.tsv"
}

measure_ingest() { # measure_ingest N DIR [EXTRA]: with EXTRA, also incremental ingest
    local n=$1 dir=$2 extra=${3:-} idx="$WORK/index-$1" bidx="$WORK/baseline-$1"
    : >"$RES/ingest-$n.tsv"
    : >"$RES/baseline-$n.tsv"
    : >"$RES/structure-$n.tsv"
    : >"$RES/reingest-$n.tsv"
    : >"$RES/addone-$n.tsv"
    for ((r = 1; r <= RUNS; r++)); do
        log "ingest $n, run $r/$RUNS"
        rm -rf "$idx"
        timed_ingest "ingest-$n" "$dir" -- "$idx"

        if [[ -n "$extra" ]]; then
            # Right after the full ingest it is compared with; the index stays
            # exactly the N decisions, for the latency measurements below.
            log "re-ingest $n unchanged, run $r/$RUNS"
            timed_ingest "reingest-$n" "$dir" -- "$idx"
            log "ingest $n + 1% new, run $r/$RUNS"
            rm -rf "$idx-grown"
            cp -r "$idx" "$idx-grown"
            timed_ingest "addone-$n" "$dir" "$extra" -- "$idx-grown"
            rm -rf "$idx-grown"
        fi

        log "baseline $n, run $r/$RUNS"
        rm -rf "$bidx"
        settle
        /usr/bin/time -f '%e %U %S %M' -o "$RES/time.tmp" \
            "$BIN/examples/baseline" "$dir" "$bidx" --threads "$THREADS" >"$RES/baseline-$n.out"
        tail -n1 "$RES/time.tmp" >>"$RES/baseline-$n.tsv"

        log "ingest without extractors $n, run $r/$RUNS"
        rm -rf "$bidx"
        settle
        /usr/bin/time -f '%e %U %S %M' -o "$RES/time.tmp" \
            "$BIN/examples/baseline" "$dir" "$bidx" --threads "$THREADS" --ombuds-structure >"$RES/structure-$n.out"
        tail -n1 "$RES/time.tmp" >>"$RES/structure-$n.tsv"
    done
    echo "$(find "$dir" -name '*.txt' | wc -l) $(raw_bytes "$dir") $(du -sb "$idx" | cut -f1) $(du -sb "$bidx" | cut -f1)" >"$RES/sizes-$n"
    rm -rf "$bidx"
}
measure_ingest "$SMALL" "$LITTLE"
measure_ingest "$DOCS" "$BIG" "$EXTRA"
[[ "$REAL" == none ]] || measure_ingest real "$REAL_DIR"
IDX="$WORK/index-$DOCS"

# --- search and stats latency, with ripgrep doing the same work --------------------------
# name | ombuds arguments (after the subcommand) | ripgrep pipeline over $D
QUERIES=(
    "common term|search council|rg -l -i -w council \$D | wc -l"
    "phrase|search '\"stage three panel\"'|rg -l -i -F 'stage three panel' \$D | wc -l"
    "boolean|search 'delay AND apology NOT closed'|rg -l -i -w delay \$D | xargs -r rg -l -i -w apology | xargs -r rg --files-without-match -i -w closed | wc -l"
    "filtered|search complaint --category \"Children's care services\"|rg -l \"^Category : Children's care services >\" \$D | xargs -r rg -l -i -w complaint | wc -l"
    "date range|search fault --from 2020-01-01 --to 2021-12-31|rg -l '^Decision date : [0-9]{1,2} [A-Za-z]+ 202[01]\$' \$D | xargs -r rg -l -i -w fault | wc -l"
    "stats payments by organisation|stats payments --by organisation|rg -o --no-filename '£[0-9,]+(\\.[0-9]{2})?' \$D | awk '{gsub(/[£,]/, \"\"); s += \$0; n++} END {print n, s}'"
    "stats outcomes by year|stats outcomes --by year|rg -N --no-filename -e '^Decision : ' -e '^Decision date : ' \$D | awk '/^Decision : /{o=\$0} /^Decision date/{c[\$NF\" \"o]++} END {for (k in c) print k, c[k]}' | wc -l"
    "stats faults|stats faults|rg -o -i -w --no-filename -e delay -e 'did not keep' -e 'record keeping' -e 'failed to follow' -e 'took too long' \$D | sort | uniq -c"
)
export D="$BIG"
i=0
for entry in "${QUERIES[@]}"; do
    i=$((i + 1))
    IFS='|' read -r name args pipeline <<<"$entry"
    echo "$name" >"$RES/q$i.name"
    ours="$OMBUDS $args --index $IDX --format json"
    [[ "$args" == search* ]] && ours="$ours --limit 10"
    log "latency: $name"
    rc=0
    (eval "$ours" >/dev/null 2>"$RES/q$i.err") || rc=$?
    # search exits 1 for "no hits", which is a valid answer to time
    if (( rc != 0 )) && [[ "$args" != search* || $rc -ne 1 ]]; then
        echo "exit $rc: $(head -c 200 "$RES/q$i.err" | tr '\n' ' ')" >"$RES/q$i.na"
        continue
    fi
    hyperfine -N -i --style none --warmup 3 --runs "$SEARCH_RUNS" --export-json "$RES/q$i.ours.json" "$ours" >/dev/null 2>&1
    hyperfine -i --style none --warmup 1 --runs "$RUNS" --export-json "$RES/q$i.rg.json" "$pipeline" >/dev/null 2>&1
    # in-process latency: the binary's own --timings line (after start-up, before exit)
    for _ in $(seq 1 "$SEARCH_RUNS"); do
        (eval "$ours --timings" 2>&1 >/dev/null || true) | sed -n 's/^timing: \([0-9.]*\) ms.*/\1/p'
    done >"$RES/q$i.inproc"
    if [[ "$args" == search* ]]; then
        # how many decisions match: ours via stats (no --limit), rg via the pipeline
        stats_args="stats outcomes ${args#search }"
        (eval "$OMBUDS $stats_args --index $IDX --format json" 2>/dev/null || true) \
            | python3 -c 'import json,sys; print(json.load(sys.stdin).get("n_decisions", "?"))' >"$RES/q$i.hits.ours" 2>/dev/null || echo "?" >"$RES/q$i.hits.ours"
        (eval "$pipeline") >"$RES/q$i.hits.rg" 2>/dev/null || echo "?" >"$RES/q$i.hits.rg"
    fi
done

# --- accuracy ----------------------------------------------------------------------------
log "accuracy on $SMALL decisions"
"$OMBUDS" parse "$LITTLE" --format jsonl 2>/dev/null \
    | "$BIN/examples/accuracy" --truth "$LITTLE.truth.jsonl" --parsed - --json >"$RES/accuracy.json" 2>"$RES/accuracy.err" \
    || echo '{"error": "accuracy failed"}' >"$RES/accuracy.json"

# --- report ------------------------------------------------------------------------------
cat >"$RES/meta" <<EOF
docs=$DOCS
small=$SMALL
runs=$RUNS
search_runs=$SEARCH_RUNS
seed=$SEED
threads=$THREADS
cpus=$(nproc)
load=$(cut -d' ' -f1-3 /proc/loadavg)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
rg=$(rg --version | sed -n 1p)
hyperfine=$(hyperfine --version)
EOF
python3 bench/table.py "$RES"
