#!/usr/bin/env python3
"""Recover development-set paragraphs from the text of a stored page, by hash.

  collect.py OUT.csv < page.txt

Hashes every line of the page text read on standard input (whitespace-normalised SHA-1, as the manifest does),
keeps the lines that are paragraphs of bench/real-dev/labels.csv, and appends them with the manifest's labels to
OUT.csv (created with a header when missing; a paragraph already there is not added twice). Prints each line's
outcome. OUT.csv is other people's writing: keep it outside the repository (README.md here says how to recover the set).
"""
import csv, hashlib, os, sys

MANIFEST = os.path.join(os.path.dirname(os.path.abspath(__file__)), "labels.csv")
FIELDS = ["id", "article", "url", "outlet", "outlet_group", "text", "stance", "topic"]


def sha1(text):
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()


def main(out):
    repo = os.path.normcase(os.path.realpath(os.path.join(os.path.dirname(os.path.realpath(__file__)), "..", "..")))
    target = os.path.normcase(os.path.realpath(out))
    if os.path.commonpath([repo, target]) == repo:
        sys.exit(f"collect.py: {out} is inside the repository; write the recovered text elsewhere (e.g. /work/devset/dev.csv)")
    with open(MANIFEST, encoding="utf-8", newline="") as f:
        want = {r["text_sha1"]: r for r in csv.DictReader(f)}
    have = set()
    if os.path.exists(out):
        with open(out, encoding="utf-8", newline="") as f:
            have = {r["id"] for r in csv.DictReader(f)}
    new = not os.path.exists(out) or os.path.getsize(out) == 0
    with open(out, "a", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=FIELDS, lineterminator="\n")
        if new:
            w.writeheader()
        for line in sys.stdin.read().split("\n"):
            if not line.strip():
                continue
            m = want.get(sha1(line))
            if m is None:
                print("no match:", line[:60])
            elif m["id"] in have:
                print("already:", m["id"])
            else:
                have.add(m["id"])
                w.writerow({k: m[k] for k in FIELDS if k != "text"} | {"text": " ".join(line.split())})
                print("MATCH", m["id"])
    print(f"{out}: {len(have)} paragraphs")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
