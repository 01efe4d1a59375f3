#!/usr/bin/env python3
"""Mutation fuzzing of LayoutLab's file readers through the CLI (issue 33).

Seeds come from ../shared/data (and one committed TSV); each input is a mutated copy of one
seed file placed in a small dataset folder, read with `layoutlab data stats`. A run counts as
a trap when the process dies of a signal, as slow past 10 s, as big past 1 GB peak RSS.

  tools/fuzz_readers.py [--count N] [--seed S] [--binary .build/debug/layoutlab]

Prints counts per reader and keeps every trap/slow/big input under /tmp/fuzz-readers/findings.
"""
import argparse, os, random, resource, shutil, signal, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "data")
TOKENS = [b"9223372036854775807", b"-9223372036854775808", b"18446744073709551616", b"-1",
          b"0", b"1e400", b"-1e308", b"NaN", b".", b"..", b"/", b"images", b"documents",
          b"\xff", b"\xc3(", b"\t", b"\n", b" ", b"{", b"[", b"\"", b"null", b"4294967295",
          b"65535", b"x" * 5000]


def mutate(data, rng):
    data = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(6)
        at = rng.randrange(len(data) + 1) if data else 0
        if op == 0 and data:  # flip a byte
            data[min(at, len(data) - 1)] = rng.randrange(256)
        elif op == 1:  # insert a token
            data[at:at] = rng.choice(TOKENS)
        elif op == 2 and data:  # replace a digit run with a token
            start = at
            while start < len(data) and not chr(data[start]).isdigit():
                start += 1
            end = start
            while end < len(data) and chr(data[end]).isdigit():
                end += 1
            data[start:end] = rng.choice(TOKENS[:12])
        elif op == 3 and data:  # truncate
            del data[at:]
        elif op == 4 and data:  # duplicate a slice
            end = min(len(data), at + rng.randint(1, 200))
            data[at:at] = data[at:end]
        else:  # delete a slice
            del data[at:at + rng.randint(1, 50)]
    return bytes(data)


def rvl_setup(folder, mutated, which):
    """RVL-CDIP: label list, a page TSV or a TIFF header is the mutated file."""
    src = os.path.join(SHARED, "rvl-cdip-sample")
    os.makedirs(os.path.join(folder, "images"))
    for name in os.listdir(os.path.join(src, "images")):
        shutil.copy(os.path.join(src, "images", name), os.path.join(folder, "images", name))
    lines = open(os.path.join(src, "train.txt"), "rb").read()
    if which == "list":
        lines = mutated
    elif which == "tsv":
        open(os.path.join(folder, "images", "80035521.tsv"), "wb").write(mutated)
    elif which == "tiff":
        open(os.path.join(folder, "images", "80035521.tif"), "wb").write(mutated)
    open(os.path.join(folder, "train.txt"), "wb").write(lines)
    return ["data", "stats", os.path.join(folder, "train.txt"), "--format", "rvlcdip"]


def docvqa_setup(folder, mutated, which):
    src = os.path.join(SHARED, "docvqa-sample")
    shutil.copytree(os.path.join(src, "documents"), os.path.join(folder, "documents"))
    questions = open(os.path.join(src, "val_v1.0.json"), "rb").read()
    os.makedirs(os.path.join(folder, "ocr_results"))
    if which == "docvqa":
        questions = mutated
    elif which == "readocr":
        open(os.path.join(folder, "ocr_results", "ffhx0227_1.json"), "wb").write(mutated)
    elif which == "png":
        open(os.path.join(folder, "documents", "ffjw0228_11.png"), "wb").write(mutated)
    open(os.path.join(folder, "val_v1.0.json"), "wb").write(questions)
    return ["data", "stats", os.path.join(folder, "val_v1.0.json"), "--format", "docvqa"]


def funsd_setup(folder, mutated, which):
    src = os.path.join(SHARED, "funsd", "training_data")
    os.makedirs(os.path.join(folder, "annotations"))
    os.makedirs(os.path.join(folder, "images"))
    name = sorted(os.listdir(os.path.join(src, "annotations")))[0]
    open(os.path.join(folder, "annotations", name), "wb").write(mutated)
    stem = name[:-5]
    image = os.path.join(src, "images", stem + ".png")
    if os.path.exists(image):
        shutil.copy(image, os.path.join(folder, "images", stem + ".png"))
    return ["data", "stats", folder, "--format", "funsd"]


def seeds():
    rvl = os.path.join(SHARED, "rvl-cdip-sample")
    dq = os.path.join(SHARED, "docvqa-sample")
    funsd = os.path.join(SHARED, "funsd", "training_data", "annotations")
    tsv = os.path.join(ROOT, "Tests/LayoutDataTests/Fixtures/docvqa-ocr/ffhx0227_1.tsv")
    read_ocr = os.path.join(ROOT, "Tests/LayoutDataTests/Fixtures/docvqa-ocr")
    return {
        "rvlcdip-list": (open(os.path.join(rvl, "train.txt"), "rb").read(), rvl_setup, "list"),
        "tesseract-tsv": (open(tsv, "rb").read(), rvl_setup, "tsv"),
        "tiff-header": (open(os.path.join(rvl, "images", "80035521.tif"), "rb").read(),
                        rvl_setup, "tiff"),
        "docvqa-json": (open(os.path.join(dq, "val_v1.0.json"), "rb").read(), docvqa_setup,
                        "docvqa"),
        "read-ocr-json": (read_ocr_seed(), docvqa_setup, "readocr"),
        "png-header": (open(os.path.join(dq, "documents", "ffjw0228_11.png"), "rb").read(),
                       docvqa_setup, "png"),
        "funsd-json": (open(os.path.join(funsd, sorted(os.listdir(funsd))[0]), "rb").read(),
                       funsd_setup, "funsd"),
    }


def read_ocr_seed():
    return (b'{"status": "Succeeded", "recognitionResults": [{"page": 1, "width": 1000, '
            b'"height": 800, "unit": "pixel", "lines": [{"boundingBox": [10, 10, 90, 10, 90, '
            b'30, 10, 30], "text": "Total 12", "words": [{"boundingBox": [10, 10, 50, 10, 50, '
            b'30, 10, 30], "text": "Total"}, {"boundingBox": [55, 10, 90, 10, 90, 30, 55, 30], '
            b'"text": "12"}]}]}]}')


def run_one(binary, arguments):
    start = time.time()
    process = subprocess.Popen([binary] + arguments, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    deadline = start + 10
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if time.time() > deadline:
            process.kill()
            pid, status, usage = os.wait4(process.pid, 0)
            break
        time.sleep(0.005)
    elapsed = time.time() - start
    err = process.stderr.read()
    return status, elapsed, usage.ru_maxrss, err


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=33)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/layoutlab"))
    args = parser.parse_args()
    rng = random.Random(args.seed)
    table = seeds()
    findings = "/tmp/fuzz-readers/findings"
    os.makedirs(findings, exist_ok=True)
    counts = {name: {"runs": 0, "ok": 0, "exit1": 0, "other": 0, "trap": 0, "slow": 0, "big": 0}
              for name in table}
    names = sorted(table)
    for index in range(args.count):
        name = names[index % len(names)]
        data, setup, which = table[name]
        mutated = mutate(data, rng)
        folder = tempfile.mkdtemp(prefix="fuzz-", dir="/tmp/fuzz-readers")
        try:
            arguments = setup(folder, mutated, which)
            status, elapsed, rss_kb, err = run_one(args.binary, arguments)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        c = counts[name]
        c["runs"] += 1
        bad = []
        if os.WIFSIGNALED(status):
            c["trap"] += 1
            bad.append("trap")
        elif os.WEXITSTATUS(status) == 0:
            c["ok"] += 1
        elif os.WEXITSTATUS(status) == 1:
            c["exit1"] += 1
        else:
            c["other"] += 1
            bad.append("exit%d" % os.WEXITSTATUS(status))
        if elapsed > 10:
            c["slow"] += 1
            bad.append("slow")
        if rss_kb > 1024 * 1024:
            c["big"] += 1
            bad.append("big")
        if bad:
            base = os.path.join(findings, "%s-%d-%s" % (name, index, "-".join(bad)))
            open(base + ".input", "wb").write(mutated)
            open(base + ".stderr", "wb").write(err[:4000])
        if (index + 1) % 500 == 0:
            print("%d inputs" % (index + 1), flush=True)
    print("reader           runs   ok  exit1 other trap slow big")
    for name in names:
        c = counts[name]
        print("%-15s %5d %5d %5d %5d %4d %4d %3d" % (
            name, c["runs"], c["ok"], c["exit1"], c["other"], c["trap"], c["slow"], c["big"]))
    return 1 if any(c["trap"] or c["slow"] or c["big"] or c["other"] for c in counts.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
