#!/usr/bin/env python3
"""Paired bootstrap of one QA cue's ANLS between two variants of an experiment.

Pairs each test question of variant B with the same question of variant A under the same
seed (seeds pooled), resamples questions with replacement, and prints B - A with its 95 %
interval and the share of resamples at or below zero (one-sided p). Reads only the stored
result.json files.

usage: tools/qa_cue_bootstrap.py results/qa-v1-vs-v2 v1 v2 visual [--split test] [--n 10000]
"""
import argparse, glob, json, os, random

parser = argparse.ArgumentParser()
parser.add_argument("folder")
parser.add_argument("a")
parser.add_argument("b")
parser.add_argument("cue")
parser.add_argument("--split", default="test", choices=["dev", "test"])
parser.add_argument("--n", type=int, default=10000)
parser.add_argument("--seed", type=int, default=1)
args = parser.parse_args()


def answers(variant):
    found = {}
    for path in sorted(glob.glob(os.path.join(args.folder, variant, "*", "result.json"))):
        seed = os.path.basename(os.path.dirname(path))
        record = json.load(open(path))
        for item in record["qa"][args.split + "Answers"]:
            if item.get("cue") == args.cue:
                found[(seed, item["questionId"])] = item["anls"]
    return found


a, b = answers(args.a), answers(args.b)
keys = sorted(set(a) & set(b))
if not keys:
    raise SystemExit(f"no {args.cue}-cue {args.split} questions shared by {args.a} and {args.b}")
differences = [b[k] - a[k] for k in keys]
mean = sum(differences) / len(differences)
generator = random.Random(args.seed)
means = []
for _ in range(args.n):
    sample = [differences[generator.randrange(len(differences))] for _ in differences]
    means.append(sum(sample) / len(sample))
means.sort()
low, high = means[int(0.025 * args.n)], means[int(0.975 * args.n) - 1]
p = sum(1 for m in means if m <= 0) / args.n
print(f"{args.cue}-cue {args.split} ANLS, {args.b} - {args.a}: {mean:+.3f} "
      f"[{low:+.3f}, {high:+.3f}] over {len(keys)} question-seed pairs; "
      f"mean {args.a} {sum(a[k] for k in keys) / len(keys):.3f}, {args.b} {sum(b[k] for k in keys) / len(keys):.3f}; "
      f"one-sided p {p:.4f} ({args.n} resamples)")
