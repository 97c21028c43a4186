#!/usr/bin/env bash
# Cross-checks the `bench` pack against benches/bench/oracle.py (an independent implementation of
# benches/bench/RULES.md) on the sets benches/bench/gen_cases.py generates. Needs python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
gen=benches/bench/gen_cases.py
command -v python3 >/dev/null || { echo "crosscheck: python3 not found; skipped"; exit 0; }
bin=${ENTRUST:-target/release/entrust}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for args in "-n 10000" "-n 10000 --missing 0.5 --seed 7"; do
  python3 "$gen" $args -o "$tmp/cases.jsonl"
  python3 benches/bench/oracle.py < "$tmp/cases.jsonl" > "$tmp/oracle.jsonl"
  "$bin" --statutes benches/packs eval --format jsonl "$tmp/cases.jsonl" > "$tmp/entrust.jsonl"
  printf 'gen_cases.py %s: ' "$args"
  python3 benches/bench/compare.py "$tmp/oracle.jsonl" "$tmp/entrust.jsonl"
done
