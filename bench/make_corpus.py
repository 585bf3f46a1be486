"""Write a synthetic corpus of articles for benchmarks and scale tests.

    .venv/bin/python bench/make_corpus.py N OUT_DIR [--seed S]

writes N articles `synthetic_000000.txt` … to OUT_DIR in the article format of FACTS.md
(first line ` date YYYY-MM-DD headline`, a blank line, paragraphs separated by blank lines),
3–6 KB each like the real ones. Each article mixes
- paragraphs of the real articles in data/articles/, with their numbers, places, weekdays and
  months varied, and
- sentences from the templates below, which cover every rule of the extractor: launches and
  interceptions (`28 out of 31 drones`, `all 14 drones`, `a cruise missile`, missile and drone
  types), deaths and injuries (`a 38-year-old woman`, `four of them children`, `no one`),
  outages with and without heating, restored power (not a fact), damage, temperatures with a
  Fahrenheit figure in brackets, territory in square kilometres, and the noise that is not a
  fact (percentages, clock times, model numbers, money, durations, years of war);
with numbers written every way the press writes them (`1,170`, `1.6 thousand`, `twelve`,
`seventy-one`, `hundreds of thousands`), qualified (`more than`, `at least`, `some`, `up to`,
`nearly`), places in their variant spellings (Kyiv/Kiev, Kharkiv/Kharkov, Odesa/Odessa…),
datelines, weekdays, dates and months that fit the article's date.

The output is a function of N, the seed and the files in data/articles/ only: the same
arguments give byte-identical files, and article i does not depend on N, so a small corpus
is the first part of a larger one. Files `synthetic_*.txt` left in OUT_DIR by an earlier,
larger run are removed; no other file is touched. The corpus is generated on demand and
never committed (bench/out/ is ignored by git).
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
REAL_ARTICLES = ROOT / "data" / "articles"
PREFIX = "synthetic_"
MIN_BYTES, MAX_BYTES = 3000, 6000
FIRST_DAY, LAST_DAY = dt.date(2022, 2, 24), dt.date(2026, 2, 28)

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
MONTH_ABBR = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
              "Nov.", "Dec.")
ONES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen")
TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")

CAPITAL = ("Kyiv", "Kiev")
CITIES = (("Kharkiv", "Kharkov"), ("Odesa", "Odessa"), ("Zaporizhzhia", "Zaporizhia"),
          ("Dnipro", "Dnipropetrovsk"), ("Lviv", "Lvov"), ("Mykolaiv", "Mykolayiv"),
          ("Sumy",), ("Kherson",), ("Poltava",), ("Chernihiv", "Chernigov"),
          ("Vinnytsia", "Vinnytsya"), ("Zhytomyr",), ("Cherkasy",))
TOWNS = ("Bucha", "Brovary", "Irpin", "Bila Tserkva", "Krasnohrad", "Izium", "Kupiansk",
         "Pavlohrad", "Nikopol", "Kremenchuk", "Kryvyi Rih", "Uman", "Fastiv", "Okhtyrka")
PEOPLE = ("Vitali Klitschko", "Tymur Tkachenko", "Ihor Terekhov", "Oleh Syniehubov",
          "Ivan Fedorov", "Serhiy Lysak", "Oleh Kiper", "Vitaliy Kim", "Maksym Kozytskyi",
          "Volodymyr Artiukh", "Ihor Klymenko", "Andriy Sadovyi")
TITLES = ("Mayor", "Governor", "regional governor", "Interior Minister", "Energy Minister",
          "city military administration head")
BODIES = ("the Ukrainian air force", "Ukraine's air force", "the State Emergency Service",
          "the regional military administration", "the Energy Ministry", "DTEK", "Ukrenergo",
          "the General Staff", "the prosecutor's office", "the national police")
CAPTION_CREDITS = ("AP Photo/Efrem Lukatsky", "AP Photo/Evgeniy Maloletka", "AFP",
                   "Reuters/Gleb Garanich", "AP Photo")
QUALIFIERS = (("more than", 5), ("over", 3), ("at least", 5), ("some", 3), ("about", 3),
              ("nearly", 2), ("almost", 1), ("around", 2), ("up to", 2), ("fewer than", 1),
              ("approximately", 1), ("as many as", 1))


def words(n: int) -> str:
    """Give `n` (0–999 999, round hundreds and thousands) in words: `seventy-one`."""
    if n < 20:
        return ONES[n]
    if n < 100:
        return TENS[n // 10] + ("-" + ONES[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        return ONES[n // 100] + " hundred" + (" " + words(rest) if rest else "")
    rest = n % 1000
    return words(n // 1000) + " thousand" + (" " + words(rest) if rest else "")


class Ctx:
    """What one article's sentences draw on: its random stream, date, places and people."""

    def __init__(self, rng: random.Random, published: dt.date):
        self.rng = rng
        self.published = published
        self.capital = rng.choice(CAPITAL)
        cities = rng.sample(CITIES, 3)
        self.cities = [rng.choice(spellings) for spellings in cities]
        self.person = rng.choice(PEOPLE)
        self.title = rng.choice(TITLES)

    # numbers
    def value(self, lo: int, hi: int) -> int:
        v = self.rng.randint(lo, hi)
        if v >= 1000 and self.rng.random() < 0.7:
            step = 100 if v < 20_000 else 1000
            v = max(step, round(v / step) * step)
        return v

    def render(self, v: float) -> str:
        """Give `v` as digits, digits with separators, decimal thousands or words."""
        rng = self.rng
        if v != int(v):
            return f"{v:.1f}"
        v = int(v)
        roll = rng.random()
        if v <= 12 and roll < 0.6:
            return words(v)
        if 20 < v < 100 and roll < 0.2:
            return words(v)
        if v >= 1000:
            if v % 100 == 0 and roll < 0.3:
                return f"{v / 1000:.1f}".rstrip("0").rstrip(".") + " thousand"
            if v % 1000 == 0 and v < 100_000 and roll < 0.4:
                return words(v)
            return f"{v:,}"
        return str(v)

    def n(self, lo: int, hi: int, q: float = 0.35) -> str:
        """A number in [lo, hi], qualified with probability `q`."""
        text = self.render(self.value(lo, hi))
        return self.qualify(text, q)

    def qualify(self, text: str, q: float = 0.35) -> str:
        if self.rng.random() < q:
            phrases, weights = zip(*QUALIFIERS)
            return self.rng.choices(phrases, weights)[0] + " " + text
        return text

    def w(self, lo: int, hi: int) -> str:
        return words(self.rng.randint(lo, hi))

    def cap(self, text: str) -> str:
        return text[:1].upper() + text[1:]

    # places, people, time
    def city(self, k: int | None = None) -> str:
        if k is None:
            k = self.rng.randrange(-1, len(self.cities))
        return self.capital if k < 0 else self.cities[k]

    def town(self) -> str:
        return self.rng.choice(TOWNS)

    def official(self) -> str:
        title = self.title
        return f"{title[:1].upper()}{title[1:]} {self.person}"

    def source(self) -> str:
        return self.rng.choice((self.official(), self.rng.choice(BODIES), self.rng.choice(BODIES)))

    def day(self) -> dt.date:
        return self.published - dt.timedelta(days=self.rng.choice((0, 0, 1)))

    def weekday(self) -> str:
        return WEEKDAYS[self.day().weekday()]

    def when(self) -> str:
        return self.rng.choice(("overnight", f"on {self.weekday()}", "on Sunday night",
                                f"on {self.date()}", "in the early hours", "late on Friday"))

    def date(self) -> str:
        day = self.published - dt.timedelta(days=self.rng.randint(0, 6))
        return f"{MONTHS[day.month - 1]} {day.day}"

    def month(self, back: int | None = None) -> str:
        back = self.rng.choice((0, 1)) if back is None else back
        month = (self.published.month - 1 - back) % 12
        return MONTHS[month]

    def month_year(self, back: int = 1) -> str:
        index = self.published.year * 12 + self.published.month - 1 - back
        return f"{MONTHS[index % 12]} {index // 12}"

    def pick(self, *options: str) -> str:
        return self.rng.choice(options)


Template = Callable[[Ctx], str]

# One sentence each; a paragraph joins one to three of them.
SENTENCES: list[Template] = [
    # launched, intercepted
    lambda c: (f"Russia launched {c.n(40, 800)} drones and {c.n(2, 90)} missiles at Ukraine "
               f"{c.when()}, {c.pick('the Ukrainian air force', 'the air force')} said."),
    lambda c: (f"According to the air force, Russia attacked with {c.n(30, 700)} Shahed-type "
               f"attack drones and decoys as well as {c.n(2, 60)} ballistic and cruise missiles."),
    lambda c: (f"Air defences shot down {c.n(20, 600, 0.1)} drones and {c.n(1, 50, 0.1)} "
               f"missiles, the air force said, adding that {c.n(5, 90)} drones were "
               f"{c.pick('lost from radar', 'locally jammed', 'suppressed by electronic warfare')}."),
    lambda c: (lambda a, b: f"Ukraine said it intercepted or destroyed {c.render(a)} out of "
               f"{c.render(b)} drones launched {c.when()}.")(*sorted((c.value(5, 400), c.value(5, 400)))),
    lambda c: (f"All {c.rng.randint(3, 40)} drones were shot down over the {c.city(0)} region, "
               f"{c.official()} said."),
    lambda c: (f"Two Iskander-M and {c.w(2, 9)} Kh-59 missiles were fired at {c.city(0)} from "
               f"the Belgorod region, the military said on {c.weekday()}."),
    lambda c: f"A cruise missile struck an industrial facility in {c.city()}, officials said.",
    lambda c: (f"Russian forces fired {c.n(1, 12, 0.1)} Kinzhal hypersonic missiles and "
               f"{c.n(2, 40, 0.1)} Kh-101 cruise missiles, the air force said on Telegram."),
    lambda c: (f"Ukrainian forces downed {c.n(10, 300)} UAVs over {c.city(1)} and "
               f"{c.n(1, 30)} over {c.city(2)}, the General Staff said."),
    lambda c: (f"The Shahed-136 drones came in several waves from {c.rng.randint(9, 11)} p.m. "
               f"until {c.rng.randint(4, 7)}:{c.rng.choice(('00', '15', '30', '45'))} a.m."),
    lambda c: (f"In total, Russia has fired {c.n(1000, 50000, 0.6)} missiles at Ukraine since "
               f"February 2022, officials say."),
    # killed, wounded
    lambda c: (f"{c.cap(c.n(2, 12, 0.3))} people were killed and {c.n(3, 60)} others wounded in "
               f"{c.city()}, {c.source()} said."),
    lambda c: (f"A {c.rng.randint(19, 88)}-year-old {c.pick('woman', 'man')} was killed when a "
               f"drone hit a residential building in {c.town()}, the {c.city(0)} regional "
               f"administration said."),
    lambda c: (f"At least {c.rng.randint(5, 40)} people, {c.w(2, 4)} of them children, were "
               f"injured in the attack on {c.city()}, {c.official()} said on Telegram."),
    lambda c: (f"No one was killed, but {c.n(2, 30)} people were "
               f"{c.pick('wounded', 'injured', 'hurt')}, according to {c.source()}."),
    lambda c: (f"The death toll in {c.city()} rose to {c.n(3, 40, 0.1)} on {c.weekday()}, with "
               f"{c.n(5, 80)} more people injured, the State Emergency Service said."),
    lambda c: (f"{c.cap(c.n(100, 2000, 0.5))} civilians have died in strikes on the "
               f"{c.city()} region since the full-scale invasion, prosecutors said."),
    lambda c: (f"Dozens of people were injured and a {c.pick('child', 'teenager', 'pensioner')} "
               f"died in hospital, {c.official()} said."),
    # without heating, without power, restored
    lambda c: (f"{c.official()} said {c.n(300, 9000)} residential buildings in the capital were "
               f"left without heating as temperatures dropped."),
    lambda c: (f"Officials had to cut heating to {c.n(100, 2000)} buildings to drain coolant and "
               f"keep the network from freezing, {c.pick('he', 'she')} said."),
    lambda c: (f"{c.cap(c.n(5000, 400000))} customers in the {c.city()} region were without "
               f"power on {c.weekday()} morning, {c.pick('DTEK', 'Ukrenergo', 'the grid operator')} said."),
    lambda c: ("Hundreds of thousands of families were left without heat, while tens of "
               "thousands of homes lost electricity."),
    lambda c: (f"Power was restored to {c.n(500, 90000, 0.2)} customers by evening, "
               f"Ukrenergo said."),
    lambda c: (f"Some {c.rng.randint(11, 99) / 10:.1f} thousand households in {c.city()} "
               f"remained without electricity, the regional operator said."),
    lambda c: (f"Nearly {c.rng.randint(20, 90)} percent of {c.city()} was without power and "
               f"{c.rng.randint(10, 60)}% without water."),
    lambda c: (f"Thousands of people in {c.town()} were without electricity after the strike, "
               f"{c.official()} said."),
    # damaged
    lambda c: (f"The strike damaged {c.n(2, 40)} apartment buildings, {c.n(3, 90)} private "
               f"houses and a kindergarten in {c.city()}."),
    lambda c: (f"{c.cap(c.w(2, 5))} thermal power plants were hit, {c.source()} said."),
    lambda c: (f"The attacks affected {c.w(2, 7)} city districts, causing damage to "
               f"{c.w(2, 9)} apartment blocks and {c.n(5, 80)} cars, {c.pick('he', 'she')} said."),
    lambda c: (f"Energy facilities were damaged in {c.w(3, 12)} regions, and {c.n(10, 300)} "
               f"settlements in the {c.city()} region lost power."),
    lambda c: (f"Debris fell on {c.n(3, 40)} sites across {c.city(-1)}, damaging "
               f"{c.n(5, 200)} homes, the city military administration said."),
    # temperature
    lambda c: (lambda t: f"Temperatures dropped to -{t} degrees Celsius "
               f"({round(-t * 9 / 5 + 32, 1):g} degrees Fahrenheit) in {c.city()}.")(c.rng.randint(3, 25)),
    lambda c: (f"Overnight temperatures plunged to minus {c.rng.randint(5, 20)}C in "
               f"{c.city(-1)} and sank as low as minus {c.rng.randint(10, 28)}C in {c.city(0)}."),
    # territory
    lambda c: (lambda km: f"Russia seized {km:,} square kilometres ({round(km / 2.59):,} square "
               f"miles) in {c.month(1)}, according to an AFP analysis of data from the "
               f"Institute for the Study of War.")(c.rng.randint(100, 900)),
    lambda c: (f"The {c.month(1)} gains were up from {c.n(100, 700, 0.2)} square kilometres in "
               f"{c.month_year(2)}."),
    # not facts: money, durations, rounds of talks, years of war
    lambda c: (f"The European Union approved a package of {c.rng.randint(2, 90)} billion euros "
               f"on {c.date()}."),
    lambda c: (f"The air raid alert in {c.city()} lasted more than {c.w(2, 9)} hours, from "
               f"1:{c.rng.randint(10, 59)} a.m. to 5:{c.rng.randint(10, 59)} a.m."),
    lambda c: (f"Negotiators are due to meet for a {c.pick('second', 'third', 'new')} round of "
               f"talks in Abu Dhabi on {c.pick(*WEEKDAYS)}, nearly four years into the war."),
    lambda c: (f"{c.official()} posted a video from the scene on Telegram, urging residents to "
               f"remain in shelters."),
]

HEADLINES: list[Template] = [
    lambda c: f"Russia launches {c.n(50, 800, 0.2)} drones and missiles at {c.city()}",
    lambda c: f"Hundreds of drones and missiles struck {c.city(-1)} and {c.city(0)} overnight",
    lambda c: f"{c.cap(c.n(2, 40, 0.3))} wounded in Russian attack on {c.city()}",
    lambda c: f"Russian strike on {c.city()} kills {c.w(2, 12)}, officials say",
    lambda c: f"Thousands without heat in {c.city(-1)} after Russia hits energy grid",
    lambda c: f"Russia seizes {c.rng.randint(100, 900)} square kilometres in {c.month(1)}",
    lambda c: "Russia resumes strikes on freezing Ukrainian capital ahead of talks",
]


def _caption(c: Ctx) -> str:
    day = c.day()
    return (f"People take shelter in a metro station during a Russian drone attack in "
            f"{c.city(-1)}, Ukraine, {WEEKDAYS[day.weekday()]}, {MONTH_ABBR[day.month - 1]} "
            f"{day.day}, {day.year}. ({c.rng.choice(CAPTION_CREDITS)})")


def _dateline(c: Ctx) -> str:
    city = c.city(-1).upper()
    return c.pick(city, f"{city}, Ukraine (AP) —", f"{city}, {c.published:%b %d} (Reuters) -")


# Varying the real paragraphs
_NUMBER = re.compile(r"(?<![\w.,\-‑−–$€£])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?=\s+[a-z(])")
_SMALL_WORD = re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b"
                         r"(?=\s+[a-z])", re.I)
_MONTH_BEFORE = re.compile(r"(?:" + "|".join(MONTHS) + r"|" + "|".join(
    m.rstrip(".") for m in MONTH_ABBR) + r")\.?\s+$")
_QUALIFIED = re.compile(r"(?:than|least|some|about|over|to|nearly|almost|around|of|all|"
                        r"estimated|from|and)\s+$", re.I)
_PLACE = re.compile(r"\b(Kyiv|Kiev|Kharkiv|Kharkov|Sumy|Zaporizhzhia|Izyum|Balakliya)\b")
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b")
_MONTH_NAME = re.compile(r"\b(" + "|".join(MONTHS) + r")\b(?:\s+(\d{4}))?")
_SHORT_DATE = re.compile(r"\b(?:" + "|".join(m.rstrip(".") for m in MONTH_ABBR)
                         + r")\.? \d{1,2}, \d{4}\b")


def _vary_paragraph(c: Ctx, text: str) -> str:
    rng = c.rng
    factor = rng.uniform(0.4, 2.5)   # one per paragraph: 481 km2 (186 sq mi) stay consistent

    def number(m: re.Match) -> str:
        before = text[max(0, m.start() - 12):m.start()]
        value = float(m.group(1).replace(",", "") + (m.group(2) or ""))
        if _MONTH_BEFORE.search(before) or (1900 <= value <= 2100 and "," not in m.group(1)):
            return m.group(0)
        new = value * factor
        new = round(new, 1) if m.group(2) else max(1, round(new))
        if new >= 1000:
            new = round(new, -2)
        text_new = c.render(new)
        return text_new if _QUALIFIED.search(before) else c.qualify(text_new, 0.25)

    def small(m: re.Match) -> str:
        word = words(rng.randint(2, 12))
        return word.capitalize() if m.group(1)[0].isupper() else word

    def place(m: re.Match) -> str:
        name = m.group(1)
        if name in ("Kyiv", "Kiev"):
            return c.capital
        if name in ("Kharkiv", "Kharkov"):
            return c.cities[0]
        return c.cities[1] if name in ("Sumy", "Izyum") else c.cities[2]

    def month(m: re.Match) -> str:
        back = rng.choice((0, 1))
        if m.group(2):
            return c.month_year(back)
        return c.month(back)

    def short_date(m: re.Match) -> str:
        day = c.day()
        return f"{MONTH_ABBR[day.month - 1].rstrip('.')}. {day.day}, {day.year}"

    text = _NUMBER.sub(number, text)
    text = _SMALL_WORD.sub(small, text)
    text = _PLACE.sub(place, text)
    text = _SHORT_DATE.sub(short_date, text)
    text = _WEEKDAY.sub(lambda m: c.weekday(), text)
    return _MONTH_NAME.sub(month, text)


def real_paragraphs(folder: Path = REAL_ARTICLES) -> list[str]:
    """Give the body paragraphs of the articles in `folder`, in file order (datelines left out)."""
    paragraphs = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
        body = text.partition("\n")[2]
        for para in re.split(r"\n\s*\n", body):
            para = " ".join(para.split())
            if para and not re.fullmatch(r"[A-Z'’.\- ]+", para):
                paragraphs.append(para)
    return paragraphs


class _Deck:
    """Draw items in a shuffled order, reshuffling when all were drawn: few repeats."""

    def __init__(self, rng: random.Random, items: list):
        self.rng, self.items, self.left = rng, items, []

    def draw(self):
        if not self.left:
            self.left = list(self.items)
            self.rng.shuffle(self.left)
        return self.left.pop()


def make_article(seed: int, index: int, paragraphs: list[str]) -> str:
    """Give the text of synthetic article `index` of the corpus of `seed`."""
    rng = random.Random(f"airwar-bench:{seed}:{index}")
    published = FIRST_DAY + dt.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
    c = Ctx(rng, published)
    head = f" date {published.isoformat()} {rng.choice(HEADLINES)(c)}\n\n"
    body: list[str] = []
    if rng.random() < 0.5:
        body.append(_dateline(c))
    if rng.random() < 0.3:
        body.append(_caption(c))
    target = rng.randint(MIN_BYTES + 300, MAX_BYTES - 400)
    size = len(head.encode())
    real, made = _Deck(rng, paragraphs), _Deck(rng, SENTENCES)
    while size < target:
        if paragraphs and rng.random() < 0.5:
            para = _vary_paragraph(c, real.draw())
        else:
            para = " ".join(made.draw()(c) for _ in range(rng.randint(1, 3)))
        grown = size + len(para.encode()) + 2
        if grown > MAX_BYTES - 1:
            if size >= MIN_BYTES:
                break
            continue
        body.append(para)
        size = grown
    return head + "\n\n".join(body) + "\n"


def make_corpus(n: int, out_dir: Path | str, seed: int = 0) -> list[Path]:
    """Write `n` synthetic articles to `out_dir` for `seed`; give their paths, in id order."""
    if n < 0:
        raise ValueError(f"number of articles must be 0 or more, not {n}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paragraphs = real_paragraphs()
    width = max(6, len(str(n - 1)))
    written = []
    for index in range(n):
        path = out / f"{PREFIX}{index:0{width}d}.txt"
        data = make_article(seed, index, paragraphs).encode("utf-8")
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
        written.append(path)
    keep = {p.name for p in written}
    for stale in out.glob(f"{PREFIX}*.txt"):
        if stale.name not in keep:
            stale.unlink()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, metavar="N", help="number of articles")
    parser.add_argument("out", type=Path, metavar="OUT_DIR", help="folder to write them to")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args(argv)
    paths = make_corpus(args.n, args.out, seed=args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} articles ({size / 1e6:.1f} MB) to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
