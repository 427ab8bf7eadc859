#!/usr/bin/env bash
# Similar-posts speed on a big collection: imports at least ARTICLES (default 50,000) real corpus articles
# in English, Turkish and Russian into a fresh Galley on the embedded database, then measures a full
# recomputation, single recomputations (median, p99) and similar-posts reads under load.
#
#   src/test/bench/similar-speed.sh                  # 50,000 articles; about 25 minutes here
#   ARTICLES=5000 src/test/bench/similar-speed.sh    # a quick look
source "$(dirname "$0")/lib.sh"
[ -f "$shared/corpus/reuters21578.jsonl.gz" ] || { echo "needs ../shared/corpus" >&2; exit 2; }
build_galley
trap stop_galley EXIT
# A bigger collection needs a bigger heap: the engine caches a vector of a few kilobytes per article.
BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:--Xms1g -Xmx1g}
start_galley "${PORT:-8092}" GALLEY_DIAGNOSTICS_SQL_STATEMENTS=true
/usr/bin/env java -cp "$bench_cp" galley.bench.SimilarSpeed --url "http://localhost:${PORT:-8092}" \
  --user "$bench_user" --password "$bench_password" --corpus "$shared/corpus" \
  --articles "${ARTICLES:-50000}" --seconds "${SECONDS_OF_LOAD:-20}"
echo "galley RSS: $(ps -o rss= -p "$(pgrep -f "galley-bench" | head -1)" 2>/dev/null | awk '{printf "%.0f MiB", $1/1024}')"
