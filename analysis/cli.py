"""Command line: `python -m analysis COMMAND --help` documents each command."""
from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from pathlib import Path

from . import config
from .reading import interrupts


WORKERS_HELP = "processes to extract with (default: all cores)"


def _count(text: str) -> int:
    """Give a count of workers or jobs: a whole number, 1 or more."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


def _add_corpus_options(parser: argparse.ArgumentParser, workers_help: str = WORKERS_HELP) -> None:
    parser.add_argument("--keep-going", action="store_true",
                        help="skip unreadable articles, process every good one and list the bad "
                             "ones (exit status 1 if any was skipped)")
    parser.add_argument("--workers", type=_count, default=None, metavar="N",
                        help=workers_help)
    parser.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                        help="show progress: a bar on a terminal, one line per stage when "
                             "stderr is a file or a pipe (default: from 200 articles on; the "
                             "build's notebooks get a bar on a terminal whatever their number)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Turn news articles about Russia's air war on Ukraine into tidy, traceable "
                    "facts, score them, and build the workbook.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = sub.add_parser(
        "extract", help="write the facts table of articles to a CSV or Parquet file",
        description="Read articles (files or folders of .txt files) and write one row per fact. "
                    "The table format follows the suffix of --out (.csv or .parquet). The file is "
                    "written atomically: a failed run leaves any earlier output untouched.")
    extract.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                         help="article files or folders of them")
    extract.add_argument("--out", required=True, type=Path, metavar="FILE",
                         help="output table, .csv or .parquet")
    extract.add_argument("--engine", choices=("local", "dask"), default="local",
                         help="'local' processes on this machine (default) or 'dask' (needs the "
                              "dask extra; writes partitioned Parquet to --out as a folder)")
    extract.add_argument("--scheduler", default=None, metavar="ADDRESS",
                         help="with --engine dask: address of a running Dask scheduler "
                              "(default: start a local cluster)")
    _add_corpus_options(extract, workers_help="processes to extract with; with --engine dask, "
                                              "the workers of the local cluster (default: all "
                                              "cores)")

    evaluate = sub.add_parser(
        "evaluate", help="score extracted facts against a gold file",
        description="Extract facts from PATH and score them against GOLD with the rule of "
                    "FACTS.md: precision, recall, F1, location/qualifier/period accuracy, and "
                    "every miss and false hit with its quote.")
    evaluate.add_argument("gold", type=Path, metavar="GOLD", help="gold facts CSV")
    evaluate.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                          help="the articles the gold file labels")
    evaluate.add_argument("--by-metric", action="store_true",
                          help="also give precision, recall, F1 and context accuracies per metric")
    _add_corpus_options(evaluate)

    build = sub.add_parser(
        "build", help="build the tables, execute every notebook and render the HTML report",
        description="Write the articles, sentences and facts tables to data/processed/ (CSV and "
                    "Parquet), execute the notebooks in notebooks/ on the corpus in parallel, and "
                    "render them with an index page to reports/.")
    build.add_argument("--articles", type=Path, default=config.ARTICLES, metavar="DIR",
                       help=f"folder of articles (default: {config.ARTICLES.relative_to(config.ROOT)})")
    build.add_argument("--processed", type=Path, default=None, metavar="DIR",
                       help="where the tables go (default: data/processed/, or for another "
                            "corpus data/ in the folder of its report)")
    build.add_argument("--reports", type=Path, default=config.REPORTS, metavar="DIR",
                       help="where the HTML goes (default: reports/, or for another corpus a "
                            "folder of its own in it, named by the articles folder and a short "
                            "hash of its path: reports/<folder>-<hash>/)")
    build.add_argument("--jobs", type=_count, default=None, metavar="N",
                       help="notebooks executed at once (default: all cores)")
    build.add_argument("--facts", type=Path, default=None, metavar="FILE",
                       help="run every notebook on this facts table (CSV or Parquet: one "
                            "corrected by hand, or labelled in FACTS.md's gold format) instead "
                            "of the extracted one")
    build.add_argument("--update-notebooks", action="store_true",
                       help="also write the executed notebooks back to notebooks/")
    build.add_argument("--timings", action="store_true",
                       help="print where the time went: each stage, and each notebook's "
                            "kernel start, cells and page")
    _add_corpus_options(build)
    return parser


def _report_skipped(errors) -> None:
    for err in errors:
        print(f"skipped {err}", file=sys.stderr)
    if errors:
        print(f"{len(errors)} article(s) skipped", file=sys.stderr)


def _extract_dask(args) -> int:
    from .extraction.corpus import extract_with_dask
    from .reading.dask_engine import DaskEngineError, DaskMissingError
    if args.scheduler is not None and not args.scheduler.strip():
        raise ValueError("--scheduler is empty: give the address of a running Dask scheduler, "
                         "or leave it out to start a local cluster")
    if args.scheduler and args.workers:
        raise ValueError("--workers sets the size of the local Dask cluster; with --scheduler "
                         "the running cluster's workers are used")
    try:
        run = extract_with_dask(args.paths, args.out, scheduler=args.scheduler,
                                keep_going=args.keep_going, workers=args.workers or None)
    except (DaskMissingError, DaskEngineError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    _report_skipped(run.errors)
    print(f"wrote {run.facts} facts from {run.articles} articles to {args.out}/ on "
          f"{run.workers} Dask worker(s)", file=sys.stderr)
    return 1 if run.errors else 0


def cmd_extract(args) -> int:
    from .extraction.corpus import extract_files
    from .reading.articles import ArticleError
    from .reading.atomic import table_format, write_table
    from .reading.batches import default_workers
    if args.engine == "dask":
        return _extract_dask(args)
    if args.scheduler is not None:
        raise ValueError("--scheduler is the address of a Dask cluster: it needs --engine dask")
    table_format(args.out)
    started = time.perf_counter()
    facts, n_articles, errors = extract_files(args.paths, workers=args.workers or default_workers(),
                                              keep_going=args.keep_going, progress=args.progress)
    if not n_articles:
        raise ArticleError(", ".join(map(str, args.paths)), "no readable articles",
                           skipped=errors)
    write_table(facts, args.out)
    _report_skipped(errors)
    print(f"wrote {len(facts)} facts from {n_articles} articles to {args.out} "
          f"in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 1 if errors else 0


def cmd_evaluate(args) -> int:
    from .extraction.corpus import load_corpus
    from .extraction.scoring import read_gold, report, score
    from .reading.articles import ArticleError
    from .reading.batches import default_workers
    gold = read_gold(args.gold)
    corpus = load_corpus(args.paths, keep_going=args.keep_going,
                         workers=args.workers or default_workers(), progress=args.progress)
    facts, errors = corpus.facts, corpus.errors
    if corpus.articles.empty:
        raise ArticleError(", ".join(map(str, args.paths)), "no readable articles", skipped=errors)
    labelled = set(gold["article_id"])
    if not labelled & set(facts["article_id"]) and not labelled & _article_ids(args.paths):
        raise ValueError(f"{args.gold}: no gold fact is about the articles given "
                         f"({len(labelled)} labelled articles, none of them read)")
    print(_nights_line(corpus, args.gold))
    print(report(score(facts, gold), metrics=args.by_metric))
    _report_skipped(errors)
    return 1 if errors else 0


def _nights_line(corpus, gold_path) -> str:
    """Give how many rows of the per-night table the corpus's extracted facts give as the
    gold does."""
    import warnings

    from .analyses.nights import compare, nights_table
    from .extraction.corrections import FactsFileError, facts_from_file
    from .records import airforce
    articles = corpus.articles
    try:
        gold = facts_from_file(gold_path, articles, corpus.sentences, other_articles=True)
    except FactsFileError as err:          # scored above; a fact not in the text has no night
        return f"nights: not compared ({err})"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            attacks = airforce.load_attacks()
    except (OSError, ValueError) as err:
        return f"nights: not compared (the Air Force record cannot be read: {err})"
    rows = compare(nights_table(corpus.facts, articles, attacks), nights_table(gold, articles, attacks))
    return (f"nights: {int(rows['same'].sum())} of {len(rows)} rows of the per-night table "
            f"(night, weapon, article, scope) give the launched and intercepted counts the gold "
            f"facts give")


def _article_ids(paths) -> set[str]:
    """Give the ids of the article files under `paths`."""
    from .reading.articles import find_article_files
    return {p.stem for p in find_article_files(paths)}


def cmd_build(args) -> int:
    from .presentation.build import build
    return build(articles=args.articles, processed=args.processed, reports=args.reports,
                 jobs=args.jobs, keep_going=args.keep_going, workers=args.workers,
                 update_notebooks=args.update_notebooks, progress=args.progress,
                 facts=args.facts, timings=args.timings)


class Terminated(BaseException):
    """SIGTERM arrived: unwound like Ctrl-C, so temporary files and workers are cleaned up."""


def _on_sigterm(signum, frame) -> None:
    interrupts.received(Terminated)
    raise Terminated()


def _on_sigint(signum, frame) -> None:
    interrupts.received(KeyboardInterrupt)
    raise KeyboardInterrupt()


def _quiet_about_signals(hook):
    """Give an unraisable-exception hook that says nothing of a signal's exception Python had
    to drop (raised inside a fork hook or a finaliser: the run stops at its next commit, see
    `interrupts`) and passes every other to `hook`."""
    def quiet(unraisable) -> None:
        if not isinstance(unraisable.exc_value, (KeyboardInterrupt, Terminated)):
            hook(unraisable)
    return quiet


def _signal_within(err: BaseException) -> type | None:
    """Give KeyboardInterrupt or Terminated if either caused `err` (a library's import wraps
    what interrupts it: a RuntimeError from `__set_name__`), else None."""
    seen: set[int] = set()
    while err is not None and id(err) not in seen:
        seen.add(id(err))
        if isinstance(err, (KeyboardInterrupt, Terminated)):
            return type(err)
        err = err.__cause__ or err.__context__
    return None


def main(argv: list[str] | None = None) -> int:
    """Run the command line; give the exit status (130 after Ctrl-C, 143 after SIGTERM)."""
    from .reading.articles import ArticleError     # under the caller's handlers: see __main__
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    previous_int = signal.signal(signal.SIGINT, _on_sigint)
    previous_hook, sys.unraisablehook = sys.unraisablehook, _quiet_about_signals(sys.unraisablehook)
    interrupts.clear()
    try:
        args = build_parser().parse_args(argv)
        handler = {"extract": cmd_extract, "evaluate": cmd_evaluate, "build": cmd_build}[args.command]
        status = handler(args)
        interrupts.stop_if_received()       # a signal whose exception a fork hook dropped
        return status
    except KeyboardInterrupt:           # first: a signal may come before ArticleError is known
        print("interrupted", file=sys.stderr)
        return 130
    except Terminated:
        print("terminated", file=sys.stderr)
        return 143
    except ArticleError as err:
        _report_skipped(err.skipped)
        print(f"error: {err}", file=sys.stderr)
        return 1
    except (ValueError, OSError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except Exception as err:            # a bug: one line for the user, the traceback on request
        signalled = _signal_within(err)
        if signalled is not None:       # an import turned the signal into another error
            print("interrupted" if signalled is KeyboardInterrupt else "terminated", file=sys.stderr)
            return 130 if signalled is KeyboardInterrupt else 143
        if os.environ.get("AIRWAR_DEBUG"):
            raise
        print(f"error: {type(err).__name__}: {err} (an internal error; rerun with "
              f"AIRWAR_DEBUG=1 for the traceback)", file=sys.stderr)
        return 1
    finally:
        signal.signal(signal.SIGTERM, previous)
        signal.signal(signal.SIGINT, previous_int)
        sys.unraisablehook = previous_hook
