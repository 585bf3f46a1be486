"""Benchmark the extractor on hostile text: how many random texts it survives, and what
1 MB of the worst shapes costs in time and memory.

    .venv/bin/python -m bench.bench_robust [--texts 4000] [--mb 1] [--seed 0]

Prints, for `--texts` random texts (words, numbers of every shape, punctuation, in the
headline and the body), how many extract without raising and give a valid facts table;
then, each in a fresh process, the seconds and peak memory to extract an article of `--mb`
MB of each hostile shape (one long headline, `1,1,1`, numbers and cues packed together,
plain prose), and the peak of the memory reading and extracting it allocate (tracemalloc, in
a second run), beside the article's size; and the size of the facts table those facts make
(which grows with the facts, not the text). Targets: every text survives; 1 MB of any shape
in under 5 s; peak memory under 20 times the article plus the interpreter's own.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
import traceback
import tracemalloc

WORDS = ["killed", "wounded", "drones", "missiles", "shot down", "more than", "minus", "-17",
         "1,170", "a", "an", "of", "out of", "all", "Kyiv", "the capital", "without heating",
         "(", ")", ",", ".", "\n\n", "square kilometres", "degrees Celsius", "Fahrenheit",
         "hundreds of thousands", "said", "according to", "on Tuesday", "yesterday",
         "in January", "2025", "Kh-101", "38-year-old", "twenty-five", "a dozen", "restored",
         "%", "’s", "—", "5,6", "1.2.3", "14:13 01.07.2022", "9" * 309, "9" * 400 + " square miles",
         "dozens degrees Fahrenheit", "1,1,1,1", "İ", "\u200b", "\t", "?", "!", "\"", "'"]
PROSE = ("Russia launched 71 missiles and 450 drones overnight, of which 38 missiles and 412 "
         "drones were shot down, the air force said on Tuesday. Two people were killed and "
         "11 wounded in Kyiv, where 1,170 apartment blocks were left without heating at "
         "minus 17 degrees Celsius. ")


def random_text(rng: random.Random) -> tuple[str, str]:
    """Give a random (headline, body)."""
    def words(n: int) -> str:
        out = []
        for _ in range(n):
            r = rng.random()
            if r < 0.6:
                out.append(rng.choice(WORDS))
            elif r < 0.9:
                out.append(str(rng.randint(-50, 100_000)))
            else:
                out.append("".join(chr(rng.randint(32, 0x2FFF)) for _ in range(rng.randint(1, 8))))
        return " ".join(out)
    return words(rng.randint(0, 15)).replace("\n", " "), words(rng.randint(0, 120)) + rng.choice(["", ".", "\n"])


def survive(n: int, seed: int) -> None:
    from analysis.extraction.extractor import extract_article
    from analysis.reading.articles import ArticleError, parse_article
    from analysis.reading.fact_table import facts_frame
    rng = random.Random(seed)
    ok = rejected = 0
    failures: dict[str, int] = {}
    for _ in range(n):
        headline, body = random_text(rng)
        data = f" date 2026-02-03 {headline or 'Headline'}\n\n{body}".encode("utf-8", "replace")
        try:
            article = parse_article("random.txt", data)
        except ArticleError:
            rejected += 1                       # a clear one-line error, as for any bad file
            continue
        try:
            facts_frame(extract_article(article))
            ok += 1
        except Exception as err:                # noqa: BLE001 - counting what goes wrong
            kind = f"{type(err).__name__} at {traceback.extract_tb(err.__traceback__)[-1].name}"
            failures[kind] = failures.get(kind, 0) + 1
    print(f"random texts: {n:,}, extracted {ok:,}, refused as articles {rejected:,}, "
          f"failed {sum(failures.values()):,} {failures or ''}")


def hostile(shape: str, mb: float) -> str:
    """Give an article of about `mb` MB of one hostile shape."""
    size = int(mb * 1024 * 1024)
    if shape == "long headline":
        return f" date 2026-02-03 {(PROSE.replace('. ', ', ') * (size // len(PROSE) + 1))[:size]}\n\nBody.\n"
    unit = {"1,1,1": "1,", "numbers and cues": "5 drones shot down, 3 killed and ",
            "prose": PROSE, "one long line": "a " * 40 + "7 missiles launched "}[shape]
    return f" date 2026-02-03 Headline\n\n{(unit * (size // len(unit) + 1))[:size]}\n"


def child(shape: str, mb: float) -> None:
    from analysis.extraction.extractor import extract_article
    from analysis.reading.articles import parse_article
    from analysis.reading.fact_table import facts_frame
    text = hostile(shape, mb).encode("utf-8")
    started = time.perf_counter()
    rows = extract_article(parse_article("hostile.txt", text))
    seconds = time.perf_counter() - started
    del rows
    # again, tracing allocations: the peak the reading and extraction add to the article
    tracemalloc.start()
    rows = extract_article(parse_article("hostile.txt", text))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    table = facts_frame(rows).memory_usage(deep=True).sum()
    print(json.dumps({"seconds": seconds, "facts": len(rows), "mb": len(text) / 2**20,
                      "traced_mb": peak / 2**20, "table_mb": table / 2**20,
                      "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=4000)
    parser.add_argument("--mb", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--shapes", nargs="+", default=["long headline", "1,1,1", "numbers and cues",
                                                        "one long line", "prose"])
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], float(args.child[1]))
        return
    if args.texts:
        survive(args.texts, args.seed)
    print(f"{'shape':<18}{'MB':>6}{'seconds':>9}{'facts':>8}{'peak RSS MB':>13}"
          f"{'allocated MB':>14}{'allocated/size':>16}{'table MB':>10}")
    for shape in args.shapes:
        done = subprocess.run([sys.executable, "-m", "bench.bench_robust", "--child", shape,
                               str(args.mb)], capture_output=True, text=True, timeout=3600)
        if done.returncode:
            print(f"{shape:<18} failed: {done.stderr.strip().splitlines()[-1:]}")
            continue
        r = json.loads(done.stdout.strip().splitlines()[-1])
        print(f"{shape:<18}{r['mb']:>6.2f}{r['seconds']:>9.2f}{r['facts']:>8,}{r['rss_mb']:>13.0f}"
              f"{r['traced_mb']:>14.1f}{r['traced_mb'] / r['mb']:>15.1f}x{r['table_mb']:>10.1f}")


if __name__ == "__main__":
    main()
