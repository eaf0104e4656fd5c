#!/usr/bin/env python3
"""Check the article-structured synthetic supplement (data/articles/*.csv) against the format and the house rules.

Usage: python3 data/tools/check_articles.py [FILE ...]   (default: every data/articles/*.csv)
Exit 1 with one line per problem; otherwise prints counts per stance x topic, per outlet style and hard case.
"""
import csv, glob, hashlib, os, re, sys, unicodedata
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
COLUMNS = ["id", "article", "outlet_style", "hard_case", "text", "stance", "topic", "source"]
STANCES = ["pro-serbia", "pro-kosovo", "neutral"]
TOPICS = ["diplomacy", "security", "dialogue", "governance", "history", "economy", "other"]
STYLES = ["serbian-state", "russian-chinese-state", "kosovo-albanian", "regional", "wire", "western"]
HARD = ["", "quote-unanswered", "quote-answered", "hedged-aside", "allied-support", "bare-meeting",
        "loaded-in-quote", "loaded-narrator", "both-sides-calm", "one-sided-history", "neutral-history",
        "headline", "selection-of-facts", "mixed", "not-about-dispute", "scare-quotes"]
WINDOW = 12

CYR = dict(zip("абвгдђежзијклљмнњопрстћуфхцчџшАБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШ",
               ["a","b","v","g","d","dj","e","z","z","i","j","k","l","lj","m","n","nj","o","p","r","s","t","c","u","f","h","c","c","dz","s"] * 2))

def normalise(text):
    text = "".join(CYR.get(ch, ch) for ch in text)
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).replace("đ", "dj")
    return re.findall(r"\w+", text)

def windows(text):
    words = normalise(text)
    return {" ".join(words[i:i + WINDOW]) for i in range(len(words) - WINDOW + 1)}

def sha(text):
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()

def main(paths):
    paths = paths or sorted(glob.glob(os.path.join(ROOT, "data", "articles", "*.csv")))
    problems = []
    seed_windows = set()
    with open(os.path.join(ROOT, "data", "labels.csv"), encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            seed_windows |= windows(row["text"])
    held = set()
    hold_path = os.path.join(ROOT, "..", "shared", "holdout-paragraphs.sha1")
    if os.path.exists(hold_path):
        held = {l.strip() for l in open(hold_path) if l.strip() and not l.startswith("#")}
    seen_ids, seen_windows, cells, styles, hard = {}, {}, Counter(), Counter(), Counter()
    total = 0
    for path in paths:
        name = os.path.relpath(path, ROOT)
        with open(path, encoding="utf-8", newline="") as f:
            reader = csv.reader(f)
            header = next(reader, None)
            if header != COLUMNS:
                problems.append(f"{name}: header is {header}, expected {','.join(COLUMNS)}")
                continue
            per_article = Counter()
            for line, cells_row in enumerate(reader, start=2):
                where = f"{name}:{line}"
                if len(cells_row) != len(COLUMNS):
                    problems.append(f"{where}: {len(cells_row)} fields, expected {len(COLUMNS)}"); continue
                row = dict(zip(COLUMNS, cells_row))
                total += 1
                per_article[row["article"]] += 1
                if row["id"] != f"{row['article']}:{per_article[row['article']]}":
                    problems.append(f"{where}: id {row['id']!r} should be {row['article']}:{per_article[row['article']]}")
                if row["id"] in seen_ids:
                    problems.append(f"{where}: id {row['id']} also at {seen_ids[row['id']]}")
                seen_ids[row["id"]] = where
                if row["stance"] not in STANCES: problems.append(f"{where}: stance {row['stance']!r}")
                if row["topic"] not in TOPICS: problems.append(f"{where}: topic {row['topic']!r}")
                if row["outlet_style"] not in STYLES: problems.append(f"{where}: outlet_style {row['outlet_style']!r}")
                if row["hard_case"] not in HARD: problems.append(f"{where}: hard_case {row['hard_case']!r}")
                if row["source"] != "synthetic": problems.append(f"{where}: source must be 'synthetic'")
                text = row["text"]
                if text != text.strip() or not text or "\n" in text:
                    problems.append(f"{where}: text must be one trimmed line")
                if sha(text) in held:
                    problems.append(f"{where}: paragraph is in the held-out set; remove it")
                own = windows(text)
                for w in own:
                    if w in seed_windows: problems.append(f"{where}: shares 12 words with a seed paragraph: {w!r}"); break
                # Stock phrases ("sovereignty and territorial integrity", a list of defendants) recur across writers;
                # a paragraph most of whose windows occur elsewhere is a near-copy, which would overweight it.
                shared = [seen_windows[w] for w in own if w in seen_windows and seen_windows[w] != row["id"]]
                if own and len(shared) > len(own) / 2:
                    problems.append(f"{where}: near-copy of {shared[0]} ({len(shared)} of {len(own)} 12-word windows shared)")
                for w in own: seen_windows.setdefault(w, row["id"])
                cells[(row["stance"], row["topic"])] += 1
                styles[row["outlet_style"]] += 1
                hard[row["hard_case"] or "(none)"] += 1
            for article, n in per_article.items():
                if not 5 <= n <= 10: problems.append(f"{name}: article {article} has {n} paragraphs (5-10 expected)")
    print(f"{total} paragraphs in {len(paths)} files")
    print("stance x topic:")
    for s in STANCES:
        print(f"  {s:11}", " ".join(f"{t}={cells[(s, t)]}" for t in TOPICS))
    print("outlet styles:", dict(styles))
    hard_n = total - hard["(none)"]
    print(f"hard cases: {hard_n} ({hard_n / max(total, 1):.0%})", dict(hard))
    for p in problems: print("PROBLEM", p)
    return 1 if problems else 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
