#!/usr/bin/env bash
# Build one annotated set with this tree into a temporary store and score it.
# usage: tools/eval/score.sh SET [--details|--json]   (SET: seeds, dev, dev2, ...)
set -euo pipefail
TREE="${KG_TREE:-$(cd "$(dirname "$0")/../.." && pwd)}"
PYTHON="${PYTHON:-$TREE/.venv/bin/python}"
export PYTHONPATH="$TREE" KG_RESOURCES="$TREE" KG_TREE="$TREE"
read -r ARTICLES GOLD < <("$PYTHON" "$TREE/tools/eval/sets.py" "$1")
STORE=$(mktemp -d "${TMPDIR:-/tmp}/kg-score.XXXXXX")
trap 'rm -rf "$STORE"' EXIT
cd "$TREE"
# A set with a bad article still scores: build reports it and exits 1, the rest is stored.
# What it reports goes to stderr ("build: ..."): a file lost to a crash shows up there.
"$PYTHON" -m kg build "$ARTICLES" --store "$STORE/store" --quiet >/dev/null 2>"$STORE/build.err" || true
sed 's/^/build: /' "$STORE/build.err" >&2
"$PYTHON" -m kg eval "$GOLD" --store "$STORE/store" ${2:-}
