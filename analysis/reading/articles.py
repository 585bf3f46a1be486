"""Read article files into `Article` values and the `articles` table.

An article is a UTF-8 text file whose first line is ` date YYYY-MM-DD <headline>` (the
leading space is optional); the body follows. The article id is the file name without
`.txt`. A UTF-8 byte-order mark and Windows line endings are accepted. Every other problem
raises `ArticleError`, whose message names the file and, where it applies, the line.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import pandas as pd

from .. import config
from . import schemas

SUFFIX = ".txt"
HEADER = re.compile(r"^ ?date (\S+)(?:[ \t]+(.*))?$")
DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
DATELINE = re.compile(
    r"^\s*([A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+)?)"  # KYIV, KIEV, NEW YORK
    r"(?=\s*(?:$|\n|,|\(|-|–|—|>>|\s[-–—]))"
)
# the days a datetime64[ns] column can hold, so the tables can hold every article's date
FIRST_DAY, LAST_DAY = pd.Timestamp.min.date() + dt.timedelta(days=1), pd.Timestamp.max.date()


class ArticleError(ValueError):
    """A file that cannot be read as an article; the message names the file and line."""

    def __init__(self, path: Path | str, reason: str, line: int | None = None,
                 skipped: list["ArticleError"] | None = None):
        self.path, self.reason, self.line = str(path), reason, line
        self.skipped = skipped or []        # with --keep-going: the files that led here
        shown = shown_path(self.path)
        where = f"{shown}:{line}" if line else shown
        super().__init__(f"{where}: {reason}")


def shown_path(path: Path | str) -> str:
    """Give a path as it can be printed on one line: control characters (a newline, an
    escape code) written as escapes."""
    text = str(path)
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii")
                   for c in text)


@dataclass(frozen=True)
class Article:
    """One parsed article; offsets index into `text`."""

    article_id: str
    published: dt.date
    headline: str
    body: str
    text: str
    body_start: int
    sha256: str
    path: str

    @property
    def headline_start(self) -> int:
        return self.text.index(self.headline) if self.headline else 0


def find_article_files(paths: Iterable[Path | str]) -> list[Path]:
    """Give the article files under `paths` (files or folders), sorted by article id.

    Raises ArticleError for a path that does not exist, a folder with no articles and two
    files with the same article id.
    """
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise ArticleError(path, "no such file or folder")
        if path.is_dir():
            found = sorted(p for p in path.rglob(f"*{SUFFIX}") if p.is_file())
            if not found:
                raise ArticleError(path, f"folder holds no articles (*{SUFFIX} files)")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise ArticleError(path, "not a regular file (a pipe, device or socket), so not an "
                                     "article")
    seen: dict[str, Path] = {}
    for path in files:
        if path.stem in seen and seen[path.stem].resolve() != path.resolve():
            raise ArticleError(path, f"duplicate article id {path.stem!r} (also {seen[path.stem]})")
        seen.setdefault(path.stem, path)
    unique = {p.stem: p for p in reversed(files)}
    return [unique[k] for k in sorted(unique)]


def _read(path: Path) -> bytes:
    """Give the bytes of an article file; a special file, or one over the size limit
    (config.MAX_ARTICLE_BYTES), is refused before it is read."""
    try:
        info = os.stat(path)                  # before opening: opening a pipe would wait
        if not stat.S_ISREG(info.st_mode):
            raise ArticleError(path, "not a regular file (a pipe, device or socket), so not "
                                     "an article")
        if info.st_size > config.MAX_ARTICLE_BYTES:
            raise ArticleError(path, f"{info.st_size / 2**20:,.0f} MB, over the limit of "
                                     f"{config.MAX_ARTICLE_BYTES / 2**20:,.0f} MB for one "
                                     f"article (AIRWAR_MAX_ARTICLE_MB)")
        with open(path, "rb") as handle:
            return handle.read(config.MAX_ARTICLE_BYTES + 1)
    except OSError as err:
        raise ArticleError(path, f"cannot read: {err.strerror or err}") from None


def _decode(path: Path, data: bytes) -> str:
    if not data.strip():
        raise ArticleError(path, "empty file")
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise ArticleError(path, "binary file (NUL bytes), not a text article", line)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise ArticleError(path, f"not UTF-8: byte 0x{data[err.start]:02x} at offset {err.start}",
                           line) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_article(path: Path | str, data: bytes | None = None) -> Article:
    """Give the parsed article in `path` (or in `data`, its bytes)."""
    path = Path(path)
    if data is None:
        data = _read(path)
    text = _decode(path, data)
    first, _, _ = text.partition("\n")
    match = HEADER.match(first.rstrip())
    if not match:
        shown = first.strip()[:60]
        raise ArticleError(path, f"malformed header {shown!r}: expected 'date YYYY-MM-DD headline'", 1)
    stamp = match.group(1)
    parts = DATE.match(stamp)
    if not parts:
        raise ArticleError(path, f"malformed date {stamp!r}: expected YYYY-MM-DD", 1)
    try:
        published = dt.date(*map(int, parts.groups()))
    except ValueError:
        raise ArticleError(path, f"impossible date {stamp!r}", 1) from None
    if not FIRST_DAY <= published <= LAST_DAY:
        raise ArticleError(path, f"date {stamp} is outside {FIRST_DAY} to {LAST_DAY}, the days "
                                 f"the tables can hold", 1)
    headline = (match.group(2) or "").strip()
    if not headline:
        raise ArticleError(path, "header has no headline after the date", 1)
    body_start = len(first) + 1 if "\n" in text else len(text)
    while body_start < len(text) and text[body_start] in " \t\n":
        body_start += 1
    body = text[body_start:].rstrip()
    return Article(
        article_id=path.stem,
        published=published,
        headline=headline,
        body=body,
        text=text,
        body_start=body_start,
        sha256=hashlib.sha256(data).hexdigest(),
        path=str(path),
    )


def dateline(body: str) -> str | None:
    """Give the dateline the body opens with (`KYIV`, `KIEV`), or None."""
    head = body[:80]
    match = DATELINE.match(head)
    if not match:
        return None
    word = match.group(1).strip(" .-")
    return word if len(word) >= 3 else None


def articles_frame(articles: list[Article]) -> pd.DataFrame:
    """Give the validated `articles` table."""
    frame = pd.DataFrame(
        {
            "article_id": [a.article_id for a in articles],
            "published": pd.to_datetime([a.published for a in articles]).astype("datetime64[ns]"),
            "headline": [a.headline for a in articles],
            "dateline": [dateline(a.body) for a in articles],
            "body": [a.body for a in articles],
            "text": [a.text for a in articles],
            "n_words": [len(a.body.split()) for a in articles],
            "n_chars": [len(a.text) for a in articles],
            "sha256": [a.sha256 for a in articles],
            "path": [a.path for a in articles],
        }
    )
    frame = frame.astype({c: "string" for c in
                          ("article_id", "headline", "dateline", "body", "text", "sha256", "path")})
    frame = frame.astype({"n_words": "int64", "n_chars": "int64"})
    return schemas.ARTICLES.validate(frame)
