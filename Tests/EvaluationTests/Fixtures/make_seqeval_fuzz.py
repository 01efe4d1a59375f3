"""Random tag sequences scored by seqeval 1.2.2 (pip install seqeval==1.2.2), for
EntityF1Tests.testFuzzCasesMatchSeqeval. Usage: python make_seqeval_fuzz.py > seqeval-fuzz.json"""
import json, math, random, warnings
from seqeval.metrics import classification_report, precision_score, recall_score, f1_score
from seqeval.scheme import IOB2, IOBES

warnings.filterwarnings("ignore")
rng = random.Random(20261125)
TYPES = ["A", "B", "LONG-NAME"]

def tags(alphabet, n):
    return [rng.choice(alphabet) for _ in range(n)]

def alphabet(kind):
    if kind == "iob2":
        return ["O", "O", "O"] + [p + "-" + t for p in "BI" for t in TYPES]
    if kind == "bioes":
        return ["O", "O"] + [p + "-" + t for p in "BIES" for t in TYPES]
    return ["O", "B", "I", "I-", "X-A", "E-A", "S-B", "B-A", "I-A", ".", "B-_", "U-A"]

def scores(y_true, y_pred, **kw):
    report = classification_report(y_true, y_pred, output_dict=True, **kw)
    # With no entity at all seqeval's macro average is NaN (np.average of nothing); JSON has no
    # NaN, so that row is left out. LayoutLab reports 0 there.
    per_type = {k: {"precision": v["precision"], "recall": v["recall"], "f1": v["f1-score"],
                    "support": int(v["support"])} for k, v in report.items()
                if not math.isnan(v["f1-score"])}
    return {"precision": precision_score(y_true, y_pred, **kw),
            "recall": recall_score(y_true, y_pred, **kw), "f1": f1_score(y_true, y_pred, **kw),
            "per_type": per_type}

cases = []
for index in range(90):
    kind = ["iob2", "bioes", "odd"][index % 3]
    lengths = [rng.randint(0, 10) for _ in range(rng.randint(1, 5))]
    y_true = [tags(alphabet(kind), n) for n in lengths]
    y_pred = [tags(alphabet(kind), n) for n in lengths]
    case = {"kind": kind, "y_true": y_true, "y_pred": y_pred, "default": scores(y_true, y_pred)}
    if kind == "iob2":
        case["strict"] = scores(y_true, y_pred, mode="strict", scheme=IOB2)
    if kind == "bioes":
        case["strict"] = scores(y_true, y_pred, mode="strict", scheme=IOBES)
    cases.append(case)
print(json.dumps(cases))
