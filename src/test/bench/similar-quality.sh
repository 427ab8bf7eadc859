#!/usr/bin/env bash
# Similar-posts quality: precision@5 of Galley's engine on the BBC News and BBC Sport development splits
# (../shared/corpus), and of two simple engines on the same texts in the same run.
#
#   src/test/bench/similar-quality.sh            # the whole development split (about 4 minutes)
#   SLICE=300 src/test/bench/similar-quality.sh  # the first 300 articles of each corpus
source "$(dirname "$0")/lib.sh"
[ -f "$shared/corpus/bbc-news.jsonl.gz" ] || { echo "needs ../shared/corpus (the labelled corpora)" >&2; exit 2; }
build_galley
trap stop_galley EXIT
start_galley "${PORT:-8091}"
/usr/bin/env java -cp "$bench_cp" galley.bench.SimilarQuality --url "http://localhost:${PORT:-8091}" \
  --user "$bench_user" --password "$bench_password" --corpus "$shared/corpus" --slice "${SLICE:-0}"
