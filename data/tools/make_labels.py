#!/usr/bin/env python3
"""Writes data/labels.csv: the kept seed paragraphs (same segmentation as `trainer ingest`) with gold labels.

Run from the repository root: python3 data/tools/make_labels.py
The labels below were assigned by reading each paragraph against data/CODEBOOK.md (annotator gold-1).
"""
import csv
import re
import sys
from pathlib import Path

# Kept physical lines (1-based) per seed file, as the ingestion rules keep them.
KEPT = {
    "000_1deae2b9cf06bcd4": list(range(2, 13)),
    "001_549934a47970b721": None,  # every non-blank line
    "002_4ea2a2ccf18530da": [1] + list(range(3, 20, 2)),
    "003_73df04759b344adc": [3, 4, 5, 6, 9, 10, 11, 14, 15, 16],
    "004_70b270a03bc512d5": [1] + list(range(7, 36, 2)),
}

# (stance, topic, note) per kept paragraph, in order.
GOLD = {
    "000_1deae2b9cf06bcd4": [
        ("neutral", "diplomacy", "factual: Serbia seeks a UNSC debate"),
        ("pro-kosovo", "diplomacy", "narrator: 'Ignoring EU and U.S. demands' frames Belgrade's conduct critically"),
        ("neutral", "diplomacy", "meetings are the main clause; mistreatment claim is a hedged aside ('claiming')"),
        ("pro-serbia", "diplomacy", "unchallenged Vučić quote: danger to Serbs, asks for UNSC session"),
        ("pro-kosovo", "dialogue", "narrator: Vučić 'is avoiding' the Brussels and Ohrid agreement"),
        ("pro-serbia", "diplomacy", "unchallenged Vučić quote on territorial integrity and sovereignty, thanks China"),
        ("neutral", "diplomacy", "EU concern about Serbia–China ties, not about the dispute"),
        ("neutral", "economy", "criticism of Chinese loans and investment, not about the dispute"),
        ("neutral", "diplomacy", ""),
        ("pro-serbia", "diplomacy", "unchallenged Vučić quote: 'violence that Pristina is using against the Serbs'"),
        ("neutral", "diplomacy", "observation on Serbia's East/West orientation, no dispute claim"),
    ],
    "001_549934a47970b721": [
        ("pro-serbia", "diplomacy", "ally's unchallenged support for sovereignty; violence blamed on disrespect of Serb rights"),
        ("neutral", "history", "'harsh suppression' balanced by 'separatists' and Chinese victims; China's grievance"),
        ("pro-serbia", "governance", "ally's claim dominates, loaded 'Provisional Institutions of Self-Government'; boycott aside is short"),
        ("neutral", "security", "facts put Serb protesters as initiators, then China's call: balanced"),
        ("neutral", "diplomacy", "planned meetings plus neutral background"),
        ("neutral", "security", "Western concern about arms balanced by China's solidarity"),
        ("neutral", "security", "call for de-escalation"),
    ],
    "002_4ea2a2ccf18530da": [
        ("neutral", "security", "headline states an event"),
        ("neutral", "security", "Vučić quote without a dispute claim"),
        ("neutral", "security", ""),
        ("neutral", "security", "Vučić quote without a dispute claim"),
        ("neutral", "security", ""),
        ("pro-serbia", "history", "narrator: 'separatist Serbian region', air war 'on behalf of ethnic Albanian separatists'"),
        ("pro-serbia", "security", "'NATO aggression', Serbs to be protected from 'massacre by ethnic Albanians', unchallenged"),
        ("pro-serbia", "security", "narrator adds that Resolution 1244 'guarantees Serbia's sovereignty over Kosovo'"),
        ("neutral", "security", "Stoltenberg urges both sides, Vučić replies: balanced"),
        ("pro-serbia", "diplomacy", "narrator: 'the separatist Serbian region'; non-recognition backed by allies"),
    ],
    "003_73df04759b344adc": [
        ("pro-serbia", "diplomacy", "narrator: 'loyal supporters', citizens 'pressured by the Kosovo government'"),
        ("neutral", "diplomacy", "analysis of Serbia's geopolitical alignment"),
        ("pro-serbia", "diplomacy", "alliances praised as traditional partners and shared destiny"),
        ("neutral", "diplomacy", "listicle transition, no claim"),
        ("pro-serbia", "diplomacy", "ally's support for Serbia's sovereignty, unchallenged"),
        ("pro-kosovo", "history", "narrator: airstrike 'to end Serbia's brutal atrocities'"),
        ("pro-serbia", "diplomacy", "non-recognition as support; ally's unchallenged quote on sovereignty"),
        ("pro-serbia", "diplomacy", "Russian ambassador: 'any support', unchallenged"),
        ("neutral", "diplomacy", "facts on sanctions and UN votes"),
        ("pro-serbia", "diplomacy", "Russian ambassador's pledge of assistance, unchallenged"),
    ],
    "004_70b270a03bc512d5": [
        ("neutral", "diplomacy", "headline states an event"),
        ("neutral", "diplomacy", ""),
        ("neutral", "diplomacy", ""),
        ("neutral", "security", "core facts of the Banjska attack"),
        ("neutral", "security", "casualty figures attributed to Kosovo authorities"),
        ("neutral", "diplomacy", ""),
        ("neutral", "diplomacy", "Vučić quote without a dispute claim"),
        ("pro-serbia", "security", "unchallenged Vučić quote: 'brutal ethnic cleansing organised by' Kurti"),
        ("neutral", "diplomacy", "background on Russia's non-recognition, no loaded terms"),
        ("pro-serbia", "security", "Russian MFA quote: 'so-called \u201cPrime Minister\u201d', unchallenged"),
        ("pro-serbia", "diplomacy", "Russian MFA: Kurti escalates to force recognition of 'independence' in scare quotes"),
        ("pro-kosovo", "security", "Kosovo accusation is the main content, unanswered in the paragraph"),
        ("pro-kosovo", "security", "Kurti's accusation against Belgrade, unanswered ('he claimed' is only a reporting verb)"),
        ("neutral", "security", "Vučić's accusation and denial after Kurti's claim: both sides"),
        ("neutral", "diplomacy", "third-party condemnation and call to both sides"),
        ("neutral", "dialogue", ""),
    ],
}

SIGNATURE = re.compile(r"\s*/The Geopost/\s*$")


def kept_paragraphs(stem, path):
    lines = path.read_text(encoding="utf-8").split("\n")
    numbers = KEPT[stem] or [i + 1 for i, l in enumerate(lines) if l.strip()]
    for n in numbers:
        text = lines[n - 1]
        if stem.startswith("000") and n == 12:
            text = SIGNATURE.sub("", text)
        text = text.strip()
        if not text:
            sys.exit(f"{path}:{n}: listed as kept but blank")
        yield text


def main():
    rows = []
    for stem in sorted(KEPT):
        texts = list(kept_paragraphs(stem, Path("seeds") / f"{stem}.txt"))
        gold = GOLD[stem]
        if len(texts) != len(gold):
            sys.exit(f"{stem}: {len(texts)} paragraphs but {len(gold)} labels")
        for i, (text, (stance, topic, note)) in enumerate(zip(texts, gold), start=1):
            rows.append([f"{stem}:{i}", stem, text, stance, topic, "gold-1", note])
    with open("data/labels.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(["id", "article", "text", "stance", "topic", "annotator", "note"])
        w.writerows(rows)
    print(f"wrote {len(rows)} rows")


if __name__ == "__main__":
    main()
