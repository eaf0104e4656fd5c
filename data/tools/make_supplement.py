#!/usr/bin/env python3
"""Writes data/supplement.csv: synthetic training paragraphs in the registers of the outlets covering the dispute.

Run from the repository root: python3 data/tools/make_supplement.py
Deterministic (fixed seed). Each paragraph is a hand-written lead sentence plus 0-3 hand-written follow sentences
from the same (stance, topic) bucket, with names, places and numbers filled per paragraph. Labels follow
data/CODEBOOK.md. The script refuses to write a paragraph that shares a 12-word window with a seed paragraph.
"""
import csv
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from supplement_pools_serbia import POOLS as SERBIA  # noqa: E402
from supplement_pools_kosovo import POOLS as KOSOVO  # noqa: E402
from supplement_pools_neutral import POOLS as NEUTRAL  # noqa: E402

SEED = 20260123
WINDOW = 12

# Paragraphs per (stance, topic).
TARGETS = {
    "pro-serbia": {"diplomacy": 24, "security": 24, "dialogue": 18, "governance": 19, "history": 19, "economy": 18},
    "pro-kosovo": {"diplomacy": 24, "security": 24, "dialogue": 18, "governance": 19, "history": 19, "economy": 18},
    "neutral": {"diplomacy": 22, "security": 22, "dialogue": 18, "governance": 17, "history": 16, "economy": 16, "other": 20},
}

COMMON = {
    "weekday": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "crossing": ["Jarinje", "Merdare", "Brnjak"],
    "monastery": ["Visoki Dečani", "the Gračanica monastery", "the Patriarchate of Peć", "the Devič monastery", "the Banjska monastery"],
    "ru_off": ["Russian Foreign Ministry spokeswoman Maria Zakharova", "Russian Foreign Minister Sergei Lavrov",
               "Russia's ambassador in Belgrade, Aleksandr Botsan-Kharchenko,", "Russia's UN envoy Vasily Nebenzya"],
    "srb_off": ["Foreign Minister Marko Đurić", "Ivica Dačić", "Prime Minister Miloš Vučević",
                "Petar Petković, head of the Office for Kosovo and Metohija,", "Defence Minister Bratislav Gašić"],
    "petkovic": ["Petar Petković", "Petković", "the head of the Office for Kosovo and Metohija, Petar Petković,"],
    "kos_off": ["Foreign Minister Donika Gërvalla", "President Vjosa Osmani", "Deputy Prime Minister Besnik Bislimi",
                "Interior Minister Xhelal Sveçla"],
    "eu_envoy": ["EU envoy Miroslav Lajčák", "EU special representative Peter Sørensen", "the EU's special envoy, Miroslav Lajčák,"],
    "eu_chief": ["EU foreign policy chief Josep Borrell", "EU foreign policy chief Kaja Kallas", "The EU's top diplomat, Kaja Kallas,"],
    "eu_city": ["Brussels", "Tirana", "Skopje", "Athens", "Berlin", "Ohrid"],
    "ally_country": ["China", "Russia", "Belarus", "Indonesia", "India", "Brazil", "Spain", "Slovakia"],
    "derecog_country": ["Togo", "Suriname", "Sierra Leone", "Papua New Guinea", "Grenada", "Ghana"],
    "review_country": ["Togo", "Suriname", "Sierra Leone", "Papua New Guinea", "Ghana", "Nauru"],
    "recog_country": ["Kenya", "Chile", "Bahrain", "Japan", "Israel", "Portugal"],
}

# Spelling and naming varies by register.
BY_STANCE = {
    "pro-serbia": {
        "vucic": ["Vučić", "Aleksandar Vučić"],
        "kurti": ["Kurti", "Albin Kurti"],
        "pristina": ["Priština"],
        "north": ["Zvečan", "Leposavić", "Zubin Potok", "Kosovska Mitrovica", "Severna Mitrovica"],
        "town": ["Gračanica", "Štrpce", "Zvečan", "Leposavić", "Zubin Potok", "Kosovska Mitrovica", "Ranilug"],
        "datelines": [("BELGRADE – ", ""), ("BELGRADE (Tanjug) – ", ""),
                      ("KOSOVSKA MITROVICA – ", "Kosovska Mitrovica|Severna Mitrovica|Zvečan|Leposavić|Zubin Potok"),
                      ("MOSCOW (TASS) – ", "Moscow|Russia|Lavrov|Zakharova|Nebenzya|Botsan|TASS")],
    },
    "pro-kosovo": {
        "vucic": ["Vučić", "Vucic", "Aleksandar Vučić"],
        "kurti": ["Kurti", "Albin Kurti"],
        "pristina": ["Prishtina", "Pristina"],
        "north": ["Zvečan", "Leposavić", "Zubin Potok", "North Mitrovica", "Mitrovica North"],
        "town": ["Zvečan", "Leposavić", "Zubin Potok", "North Mitrovica", "Gračanica"],
        "datelines": [("PRISHTINA – ", ""), ("PRISHTINA (Koha) – ", "")],
    },
    "neutral": {
        "vucic": ["Vucic", "Vučić", "Aleksandar Vucic"],
        "kurti": ["Kurti", "Albin Kurti"],
        "pristina": ["Pristina", "Priština", "Pristina"],
        "north": ["Zvecan", "Leposavic", "Zubin Potok", "North Mitrovica", "Zvečan", "Leposavić"],
        "town": ["Zvecan", "Gracanica", "Zubin Potok", "North Mitrovica", "Strpce"],
        "datelines": [("PRISTINA, Kosovo (AP) — ", ""), ("BELGRADE, Serbia (AP) — ", ""), ("BELGRADE (Reuters) - ", ""),
                      ("MITROVICA, Kosovo (AP) — ", "Mitrovica|Zvecan|Zvečan|Leposavic|Leposavić|Zubin Potok"),
                      ("BRUSSELS (AFP) - ", "Brussels|EU")],
    },
}
# Named speakers a follow's pronoun ("he said") may refer to.
MACROS = {
    "@SRB_M": "Vučić|Đurić|Dačić|Vučević|Petković|Gašić",
    "@RU_M": "Lavrov|Nebenzya|Botsan",
    "@KOS_M": "Bislimi|Sveçla|Kurti",
    "@KOS_F": "Osmani|Gërvalla",
}
NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven"]
DATELINE_RATE = {"pro-serbia": 0.15, "pro-kosovo": 0.10, "neutral": 0.12}


def words(text):
    return re.findall(r"[^\W_]+", text.lower())


def windows(text):
    w = words(text)
    return {" ".join(w[i:i + WINDOW]) for i in range(len(w) - WINDOW + 1)}


def seed_windows():
    found = set()
    with open("data/labels.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            found |= windows(row["text"])
    return found


def fill(sentence, values):
    return re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], sentence)


def choose_values(rng, stance):
    values = {k: rng.choice(v) for k, v in COMMON.items()}
    values.update({k: rng.choice(v) for k, v in BY_STANCE[stance].items() if k != "datelines"})
    values["n_small_word"] = rng.choice(NUMBER_WORDS)
    values["n_mid"] = str(rng.randint(12, 48))
    values["n_thousands"] = str(rng.randint(5, 10))
    return values


def follow_text(item):
    return item if isinstance(item, str) else item[0]


def eligible(item, lead):
    """A follow given as (text, pattern) only continues a lead (filled in) that matches the pattern."""
    if isinstance(item, str):
        return True
    pattern = item[1]
    for name, expansion in MACROS.items():
        pattern = pattern.replace(name, expansion)
    return re.search(pattern, lead) is not None


def capitalise(sentence):
    return sentence[:1].upper() + sentence[1:]


def build_bucket(rng, stance, topic, pool, count, used, usage):
    leads = list(pool["lead"])
    rng.shuffle(leads)
    out = []
    attempts = 0
    while len(out) < count:
        attempts += 1
        if attempts > count * 50:
            sys.exit(f"{stance}/{topic}: cannot make {count} distinct paragraphs")
        lead = leads[len(out) % len(leads)] if attempts <= count else rng.choice(leads)
        values = choose_values(rng, stance)
        first = capitalise(fill(lead, values))
        follows = [f for f in pool["follow"] if eligible(f, first)]
        k = rng.choices([0, 1, 2, 3], weights=[2, 5, 3, 1] if topic != "other" else [6, 3, 0, 0])[0]
        k = min(k, len(follows))
        # Least-used follows first (random among equals) so no sentence dominates its bucket.
        follows.sort(key=lambda f: (usage.get(follow_text(f), 0), rng.random()))
        chosen = follows[:k]
        rng.shuffle(chosen)
        key = (lead, tuple(sorted(follow_text(f) for f in chosen)))
        if key in used:
            continue
        used.add(key)
        for f in chosen:
            usage[follow_text(f)] = usage.get(follow_text(f), 0) + 1
        text = " ".join([first] + [capitalise(fill(follow_text(f), values)) for f in chosen])
        if rng.random() < DATELINE_RATE[stance] and topic != "other":
            datelines = [d for d, need in BY_STANCE[stance]["datelines"] if not need or re.search(need, first)]
            text = rng.choice(datelines) + text
        out.append(text)
    return out


def main():
    rng = random.Random(SEED)
    pools = {**SERBIA, **KOSOVO, **NEUTRAL}
    forbidden = seed_windows()
    rows = []
    used = set()
    usage = {}
    for stance, topics in TARGETS.items():
        for topic, count in topics.items():
            for text in build_bucket(rng, stance, topic, pools[(stance, topic)], count, used, usage):
                clash = windows(text) & forbidden
                if clash:
                    sys.exit(f"{stance}/{topic}: shares a {WINDOW}-word window with a seed: '{sorted(clash)[0]}'")
                rows.append((text, stance, topic))
    rng.shuffle(rows)
    with open("data/supplement.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(["id", "text", "stance", "topic", "source"])
        for i, (text, stance, topic) in enumerate(rows, start=1):
            w.writerow([f"syn-{i:04d}", text, stance, topic, "synthetic"])
    print(f"wrote {len(rows)} rows")


if __name__ == "__main__":
    main()
