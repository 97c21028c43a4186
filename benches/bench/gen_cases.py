#!/usr/bin/env python3
"""Synthetic cases for the benchmark rule set KR-outsourcing-v0 (pack `bench`).

Writes N cases as JSON Lines in the case shape of docs/cases.md, with the fact
names of docs/facts.md (see RULES.md beside this file):

    {"id":"c0000001","under":"bench","date":"2024-01-01","facts":{...}}

Usage: gen_cases.py [-n N] [--missing P] [--seed S] [-o OUT.jsonl]

Each case is drawn from one of three archetypes (outsourcing-like,
provision-like, mixed) so that every classification occurs. Then each of the
16 facts is left out of "facts" independently with probability P (default
0.10); a fact that is left out is unknown. The same arguments always give a
byte-identical file; with the default seed the draws are the ones the
harness has used since its first version.
"""
import argparse
import json
import random
import sys

# The facts, in the order their "left out?" draws are made (and written).
FACTS = [
    "purpose_within_original_collection",
    "processing_serves",
    "recipient_own_use",
    "consideration",
    "supervision",
    "written_contract",
    "outsourcing_disclosed",
    "subjects_limited_to_relevant",
    "data_items_necessary",
    "consent_provision",
    "recipient_country",
    "consent_cross_border",
    "cross_border_disclosed",
    "cross_border_necessary_for_contract",
    "data_categories",
    "protection_measure",
]

SERVES = ["transferor", "recipient", "third_party", "shared"]
CONSIDERATION = ["transferor_pays_fee", "recipient_pays", "none", "in_kind_benefit"]
# True = only the people the task concerns; False = e.g. every user of the service.
LIMITED = [True, False]
COUNTRIES = ["KR", "US", "CN", "SG", "JP", "VN", "DE"]
COUNTRY_W = [60, 12, 8, 6, 6, 4, 4]
SUPERVISION = {True: "active", False: "none"}
CONSENT = {True: "valid_separate", False: "none"}
CATEGORIES = {True: ["ordinary", "personal_credit"], False: ["ordinary"]}
PROTECTION = {True: "encryption_key_withheld", False: "none"}

# Per archetype: probability of True for booleans, weights for enums (in the
# order of the lists above).
ARCHETYPES = {
    "outsourcing": dict(
        purpose=0.85, serves=[75, 5, 5, 15], own=0.10, consid=[70, 10, 10, 10],
        superv=0.80, written=0.75, disclosed=0.70, limited=[80, 20], consent=0.30),
    "provision": dict(
        purpose=0.30, serves=[10, 50, 20, 20], own=0.80, consid=[10, 45, 20, 25],
        superv=0.20, written=0.30, disclosed=0.40, limited=[40, 60], consent=0.60),
    "mixed": dict(
        purpose=0.50, serves=[30, 25, 15, 30], own=0.45, consid=[30, 25, 20, 25],
        superv=0.50, written=0.50, disclosed=0.50, limited=[55, 45], consent=0.45),
}
ARCH_NAMES = ["outsourcing", "provision", "mixed"]
ARCH_W = [45, 35, 20]


def make_case(rng, i, missing):
    """Case number i. The order of the rng calls is fixed: changing it changes every file."""
    a = ARCHETYPES[rng.choices(ARCH_NAMES, ARCH_W)[0]]

    def b(p):
        return rng.random() < p

    full = {}
    full["purpose_within_original_collection"] = b(a["purpose"])
    full["processing_serves"] = rng.choices(SERVES, a["serves"])[0]
    full["recipient_own_use"] = b(a["own"])
    full["consideration"] = rng.choices(CONSIDERATION, a["consid"])[0]
    full["supervision"] = SUPERVISION[b(a["superv"])]
    full["written_contract"] = b(a["written"])
    full["outsourcing_disclosed"] = b(a["disclosed"])
    full["subjects_limited_to_relevant"] = rng.choices(LIMITED, a["limited"])[0]
    full["data_items_necessary"] = b(0.6)
    full["consent_provision"] = CONSENT[b(a["consent"])]
    full["recipient_country"] = rng.choices(COUNTRIES, COUNTRY_W)[0]
    full["consent_cross_border"] = CONSENT[b(0.5)]
    full["cross_border_disclosed"] = b(0.6)
    full["cross_border_necessary_for_contract"] = b(0.4)
    full["data_categories"] = CATEGORIES[b(0.25)]
    full["protection_measure"] = PROTECTION[b(0.7)]
    facts = {f: full[f] for f in FACTS if rng.random() >= missing}
    return {"id": "c%07d" % i, "under": "bench", "date": "2024-01-01", "facts": facts}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", "--cases", type=int, default=10000, metavar="N",
                    help="number of cases (default 10000)")
    ap.add_argument("--missing", type=float, default=0.10, metavar="P",
                    help="probability that a fact is left out, i.e. unknown (default 0.10)")
    ap.add_argument("--seed", type=int, default=2016013263, help="random seed (default 2016013263)")
    ap.add_argument("-o", "--out", metavar="OUT.jsonl", help="output file (default: standard output)")
    args = ap.parse_args()
    if args.cases < 0:
        ap.error("-n must not be negative")
    if not 0.0 <= args.missing <= 1.0:
        ap.error("--missing must lie between 0 and 1")
    rng = random.Random(args.seed)
    fh = open(args.out, "w", encoding="ascii", newline="\n") if args.out else sys.stdout
    try:
        for i in range(1, args.cases + 1):
            fh.write(json.dumps(make_case(rng, i, args.missing), separators=(",", ":")))
            fh.write("\n")
    finally:
        if fh is not sys.stdout:
            fh.close()


if __name__ == "__main__":
    main()
