#!/usr/bin/env python3
"""Deterministic synthetic news-like corpus for the bench: N labelled paragraphs in K classes.

Each class has its own topical vocabulary; every paragraph mixes topical words of its class, topical words of
other classes (confusers), and Zipf-distributed function/common words, with 8% label noise, so no trainer
reaches 100% and the ranking of trainers means something. Same seed -> byte-identical files.
Usage: make_corpus.py OUT_DIR [--train 120000] [--test 20000] [--classes 5] [--seed 7]
Writes OUT_DIR/train.csv, OUT_DIR/test.csv (columns id,text,label) and fastText files train.ft/test.ft.
"""
import argparse, csv, os, random

SYLLABLES = ["ba", "ko", "ser", "pri", "na", "to", "vi", "lo", "ra", "mi", "du", "sha", "ne", "tri", "go", "ve",
             "li", "ka", "mo", "ze", "stan", "vo", "ri", "pe", "da", "ju", "ci", "an", "or", "el"]

def word(rng):
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 4)))

def vocabulary(rng, size):
    seen, out = set(), []
    while len(out) < size:
        w = word(rng)
        if w not in seen:
            seen.add(w); out.append(w)
    return out

def zipf_sampler(rng, words, s=1.1):
    weights = [1.0 / (r + 1) ** s for r in range(len(words))]
    cum, total = [], 0.0
    for w in weights:
        total += w; cum.append(total)
    import bisect
    return lambda: words[bisect.bisect_left(cum, rng.random() * total)]

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--train", type=int, default=120000)
    ap.add_argument("--test", type=int, default=20000)
    ap.add_argument("--classes", type=int, default=5)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    common = vocabulary(rng, 20000)
    topical = [vocabulary(rng, 600) for _ in range(a.classes)]
    labels = [f"class-{c}" for c in range(a.classes)]
    common_word = zipf_sampler(rng, common)
    topic_word = [zipf_sampler(rng, t, 0.9) for t in topical]
    os.makedirs(a.out, exist_ok=True)

    def paragraph(c):
        n = rng.randint(30, 90)
        words = []
        for _ in range(n):
            r = rng.random()
            if r < 0.10: words.append(topic_word[c]())
            elif r < 0.16: words.append(topic_word[rng.randrange(a.classes)]())
            else: words.append(common_word())
        sentences, i = [], 0
        while i < len(words):
            k = rng.randint(8, 20)
            s = " ".join(words[i:i + k])
            sentences.append(s[:1].upper() + s[1:] + rng.choice([".", ".", ".", ",", "!"]))
            i += k
        return " ".join(sentences)

    for name, count in (("train", a.train), ("test", a.test)):
        with open(os.path.join(a.out, f"{name}.csv"), "w", newline="", encoding="utf-8") as f, \
             open(os.path.join(a.out, f"{name}.ft"), "w", encoding="utf-8") as ft:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["id", "text", "label"])
            for i in range(count):
                c = rng.randrange(a.classes) if rng.random() < 0.6 else rng.randrange(2)  # imbalanced: classes 0,1 common
                text = paragraph(c)
                shown = rng.randrange(a.classes) if rng.random() < 0.08 else c
                w.writerow([f"{name}-{i}", text, labels[shown]])
                ft.write(f"__label__{labels[shown]} {text.lower()}\n")

if __name__ == "__main__":
    main()
