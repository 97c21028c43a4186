#!/usr/bin/env python3
"""Rebuilds the line of RULES.md section 7 from entrust verdicts and compares with expected lines.

Usage: compare.py EXPECTED.jsonl ENTRUST.jsonl  (exits 1 on any mismatch)
"""
import json, sys
order=["KR-PIPA-26-1","KR-PIPA-26-2","KR-CIA-17-4","KR-PIPA-17-1","KR-CIA-32-1","KR-PIPA-28-8-1"]
exp=[json.loads(l) for l in open(sys.argv[1])]
got=[json.loads(l) for l in open(sys.argv[2])]
assert len(exp)==len(got), (len(exp), len(got))
def line(v):
    p=v["periods"][0]
    codes=sorted({x["code"] for x in v["violations"]}, key=order.index)
    return {"id":v["id"],"under":v["under"],"classification":v["classification"],"lawful":v["lawful"],"violations":codes,"decisive":p["decisive"],"score":p["score"],"factors":p["factors"]}
bad=0
for e,g in zip(exp,got):
    l=line(g)
    if l!=e:
        bad+=1
        if bad<6: print("EXP",json.dumps(e)); print("GOT",json.dumps(l))
print(len(exp),"cases,",bad,"mismatches")
sys.exit(1 if bad else 0)
