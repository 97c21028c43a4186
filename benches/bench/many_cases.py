#!/usr/bin/env python3
"""Writes N cases for the benchmark pack as JSON Lines to a file (or stdout), streaming: for
measuring a batch run's memory on any number of cases (every id distinct, some facts varied).

    python3 benches/bench/many_cases.py 10000000 /tmp/many.jsonl
    /usr/bin/time -v entrust --statutes benches/packs eval --format jsonl /tmp/many.jsonl >/dev/null

With a third argument `--repeat-first`, the last line repeats the first case's id (so the run
must report exactly one repeated id, first used at line 1).
"""
import sys

# Every fact given (small verdicts, as a real export's would mostly be); a few varied.
SUPERVISION = ("active", "paper_only", "none")
CONTRACT = ("true", "false")
COUNTRY = ("SG", "KR", "US", "JP")

def main():
    n = int(sys.argv[1])
    out = open(sys.argv[2], "w", buffering=1 << 20) if len(sys.argv) > 2 and sys.argv[2] != "-" else sys.stdout
    for i in range(n):
        out.write(
            '{"id":"case-%010d","under":"bench","date":"2024-01-01","facts":{'
            '"purpose_within_original_collection":true,"processing_serves":"transferor",'
            '"recipient_own_use":false,"consideration":"transferor_pays_fee",'
            '"supervision":"%s","written_contract":%s,"outsourcing_disclosed":true,'
            '"subjects_limited_to_relevant":true,"recipient_country":"%s",'
            '"consent_cross_border":"none","cross_border_necessary_for_contract":true,'
            '"cross_border_disclosed":true,"data_categories":["ordinary"]}}\n'
            % (i, SUPERVISION[i % 3], CONTRACT[(i // 3) % 2], COUNTRY[(i // 6) % 4])
        )
    if len(sys.argv) > 3 and sys.argv[3] == "--repeat-first":
        out.write('{"id":"case-%010d","under":"bench","date":"2024-01-01","facts":{}}\n' % 0)
    out.close()


if __name__ == "__main__":
    main()
