#!/usr/bin/env python3
"""An independent implementation of benches/bench/RULES.md, to cross-check entrust's `bench` pack.

Reads JSON Lines cases on standard input and prints the line of RULES.md section 7 for each.
Written from the rules' text alone (not from entrust's code), in the plainest way: it enumerates
every completion of the unknown scoring facts.
"""
import itertools
import json
import sys

T, F, U = "T", "F", "U"
CONTRIB = {
    "purpose_within_original_collection": {True: -1, False: 1},
    "processing_serves": {"transferor": -3, "recipient": 3, "third_party": 3, "shared": 0},
    "recipient_own_use": {True: 3, False: 0},
    "consideration": {"recipient_pays": 2, "transferor_pays_fee": -1, "in_kind_benefit": 0, "none": 0},
    "supervision": {"active": -1, "paper_only": 1, "none": 1},
    "written_contract": {True: -1, False: 0},
    "subjects_limited_to_relevant": {False: 1, True: 0},
}
SCORING = list(CONTRIB)
FACTORS = [
    ("provision:recipient_own_use:3", "recipient_own_use", {True}),
    ("provision:serves_recipient_or_third_party:3", "processing_serves", {"recipient", "third_party"}),
    ("provision:recipient_pays:2", "consideration", {"recipient_pays"}),
    ("provision:purpose_outside_original_collection:1", "purpose_within_original_collection", {False}),
    ("provision:no_active_supervision:1", "supervision", {"none", "paper_only"}),
    ("provision:subjects_not_limited:1", "subjects_limited_to_relevant", {False}),
    ("outsourcing:serves_transferor:3", "processing_serves", {"transferor"}),
    ("outsourcing:transferor_pays_fee:1", "consideration", {"transferor_pays_fee"}),
    ("outsourcing:active_supervision:1", "supervision", {"active"}),
    ("outsourcing:written_contract:1", "written_contract", {True}),
    ("outsourcing:purpose_within_original_collection:1", "purpose_within_original_collection", {True}),
]
ORDER = ["KR-PIPA-26-1", "KR-PIPA-26-2", "KR-CIA-17-4", "KR-PIPA-17-1", "KR-CIA-32-1", "KR-PIPA-28-8-1"]


def known(facts, name):
    v = facts.get(name)
    return not (v is None or v == "unknown")


def cond(facts, name, pred):
    if not known(facts, name):
        return U
    return T if pred(facts[name]) else F


def AND(*xs):
    return F if F in xs else (T if all(x == T for x in xs) else U)


def OR(*xs):
    return T if T in xs else (F if all(x == F for x in xs) else U)


def NOT(x):
    return {T: F, F: T, U: U}[x]


def classify(d):
    return "provision" if d > 0 else ("outsourcing" if d < 0 else "undecided")


def judge(case):
    facts = case["facts"]
    choices = [[CONTRIB[n][facts[n]]] if known(facts, n) else sorted(set(CONTRIB[n].values())) for n in SCORING]
    sums = [sum(c) for c in itertools.product(*choices)]
    dmin, dmax = min(sums), max(sums)
    cls = "provision" if dmin > 0 else ("outsourcing" if dmax < 0 else "undecided")
    decisive = []
    if dmin <= 0 <= dmax and dmin < dmax:
        for i, n in enumerate(SCORING):
            if known(facts, n):
                continue
            lo, hi = min(CONTRIB[n].values()), max(CONTRIB[n].values())
            others = [c for j, c in enumerate(choices) if j != i]
            if any(-hi <= sum(r) <= -lo for r in itertools.product(*others)):
                decisive.append(n)
    fired = [s for s, n, vals in FACTORS if known(facts, n) and facts[n] in vals]

    written = cond(facts, "written_contract", lambda v: v is True)
    disclosed = cond(facts, "outsourcing_disclosed", lambda v: v is True)
    credit = cond(facts, "data_categories", lambda v: "personal_credit" in v)
    encrypted = cond(facts, "protection_measure", lambda v: v == "encryption_key_withheld")
    consented = cond(facts, "consent_provision", lambda v: v == "valid_separate")
    domestic = cond(facts, "recipient_country", lambda v: v == "KR")
    abroad_ok = cond(facts, "consent_cross_border", lambda v: v == "valid_separate")
    necessary = cond(facts, "cross_border_necessary_for_contract", lambda v: v is True)
    published = cond(facts, "cross_border_disclosed", lambda v: v is True)

    lawful_o = AND(written, disclosed, OR(NOT(credit), encrypted))
    viol_o = [c for c, x in [("KR-PIPA-26-1", written == F), ("KR-PIPA-26-2", disclosed == F),
                             ("KR-CIA-17-4", credit == T and encrypted == F)] if x]
    lawful_p = consented
    viol_p = [c for c, x in [("KR-PIPA-17-1", consented == F), ("KR-CIA-32-1", consented == F and credit == T)] if x]
    if cls == "outsourcing":
        base, base_v = lawful_o, viol_o
    elif cls == "provision":
        base, base_v = lawful_p, viol_p
    else:
        base = T if (lawful_o == T and lawful_p == T) else (F if (lawful_o == F and lawful_p == F) else U)
        base_v = viol_o + viol_p if base == F else []
    overlay = OR(domestic, abroad_ok, AND(necessary, published))
    lawful = AND(base, overlay)
    viols = base_v + (["KR-PIPA-28-8-1"] if overlay == F else [])
    viols = [c for c in ORDER if c in viols]
    out = {"id": case["id"], "under": "bench", "classification": cls,
           "lawful": {T: True, F: False, U: None}[lawful], "violations": viols,
           "decisive": decisive, "score": [dmin, dmax], "factors": fired}
    return json.dumps(out, separators=(",", ":"))


for line in sys.stdin:
    if line.strip():
        print(judge(json.loads(line)))
