#!/usr/bin/env python3
"""Competitors on the same files: scikit-learn TF-IDF (word 1-2 + char n-grams) + LinearSVC, and fastText.

Prints one JSON line per tool: seconds to featurize+train, prediction throughput, peak memory (MiB), accuracy,
macro-F1. Peak memory of each tool is measured in a child process (resource.getrusage of children).
Usage: baselines.py CORPUS_DIR
"""
import json, os, resource, subprocess, sys, time

def sklearn_run(corpus):
    import csv
    import numpy as np
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.svm import LinearSVC
    from sklearn.metrics import accuracy_score, f1_score
    def load(name):
        with open(os.path.join(corpus, name), encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        return [r["text"] for r in rows], [r["label"] for r in rows]
    xtr, ytr = load("train.csv"); xte, yte = load("test.csv")
    t0 = time.perf_counter()
    word = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True, min_df=2)
    Xtr = hstack([char.fit_transform(xtr), word.fit_transform(xtr)]).tocsr()
    clf = LinearSVC(C=0.5).fit(Xtr, ytr)
    train_s = time.perf_counter() - t0
    t1 = time.perf_counter()
    pred = clf.predict(hstack([char.transform(xte), word.transform(xte)]).tocsr())
    pred_s = time.perf_counter() - t1
    return dict(tool="scikit-learn TF-IDF(word1-2,char2-4)+LinearSVC", train_seconds=round(train_s, 2),
                predict_per_second=round(len(xte) / pred_s), accuracy=round(accuracy_score(yte, pred), 4),
                macro_f1=round(f1_score(yte, pred, average="macro"), 4))

def fasttext_run(corpus):
    exe = "fasttext"
    model = os.path.join(corpus, "ft_model")
    t0 = time.perf_counter()
    subprocess.run([exe, "supervised", "-input", os.path.join(corpus, "train.ft"), "-output", model,
                    "-wordNgrams", "2", "-epoch", "5", "-thread", "2", "-verbose", "0"], check=True)
    train_s = time.perf_counter() - t0
    t1 = time.perf_counter()
    out = subprocess.run([exe, "predict", model + ".bin", os.path.join(corpus, "test.ft")], check=True,
                         capture_output=True, text=True).stdout.split()
    pred_s = time.perf_counter() - t1
    truth = [l.split(" ", 1)[0] for l in open(os.path.join(corpus, "test.ft"), encoding="utf-8")]
    acc = sum(p == t for p, t in zip(out, truth)) / len(truth)
    from sklearn.metrics import f1_score
    return dict(tool="fastText supervised (wordNgrams 2, epoch 5, 2 threads)", train_seconds=round(train_s, 2),
                predict_per_second=round(len(truth) / pred_s), accuracy=round(acc, 4),
                macro_f1=round(f1_score(truth, out, average="macro"), 4))

if __name__ == "__main__":
    if len(sys.argv) == 3:  # child: run one tool, print its JSON
        r = {"sklearn": sklearn_run, "fasttext": fasttext_run}[sys.argv[2]](sys.argv[1])
        r["peak_mib"] = round(max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                                  resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024)
        print(json.dumps(r)); sys.exit(0)
    for tool in ("fasttext", "sklearn"):
        subprocess.run(["/usr/bin/python3", __file__, sys.argv[1], tool], check=True)
