#!/usr/bin/env bash
# Seeds the fuzz targets' corpora (fuzz/corpus/<target>/, not kept in git) from the repository's
# own files: cases, statutes, test fixtures and the bench inputs. A JSON Lines file also seeds
# each of its lines alone. Running it again only adds files.
set -euo pipefail
cd "$(dirname "$0")/.."

seed() { # target, files...
  local dir="fuzz/corpus/$1"; shift
  mkdir -p "$dir"
  for f in "$@"; do
    [ -f "$f" ] && cp "$f" "$dir/$(echo "$f" | tr '/' '_')"
  done
}

shopt -s nullglob
CASES=(cases/*/*.case tests/fixtures/*.case)
YAML=(cases/*/*.yaml cases/*/*.yml tests/training/*.yaml)
LAWS=(statutes/*/*.law benches/packs/*/*.law)
JSONL=(benches/bench/*.jsonl tests/fixtures/*.jsonl)

seed case_language "${CASES[@]}"
seed yaml_cases "${YAML[@]}"
seed statute "${LAWS[@]}"
seed formatter "${CASES[@]}" "${LAWS[@]}"
seed jsonl_fast_path "${JSONL[@]}"
for f in "${JSONL[@]}"; do
  n=0
  while IFS= read -r line; do
    n=$((n + 1))
    printf '%s\n' "$line" > "fuzz/corpus/jsonl_fast_path/$(echo "$f" | tr '/' '_').$n"
  done < "$f"
done

for t in case_language yaml_cases statute formatter jsonl_fast_path; do
  echo "$t: $(ls "fuzz/corpus/$t" | wc -l) seeds"
done
