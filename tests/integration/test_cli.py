"""The command line: extract, evaluate, help, bad input, atomic output."""
from __future__ import annotations

import signal
import sys
import time

import pandas as pd
import pytest

from analysis import cli
from analysis.reading import schemas
from tests.helpers import run_signalled, SHARED_CORPUS, needs_shared, run_cli, write_article

GOOD = " date 2026-02-03 Drones hit Kyiv\n\nRussia launched 12 drones overnight, the air force said.\n"


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_extract_writes_table(tmp_path, seeds_dir, suffix):
    out = tmp_path / f"facts{suffix}"
    done = run_cli("extract", seeds_dir, "--out", out)
    assert done.returncode == 0, done.stderr
    table = pd.read_csv(out) if suffix == ".csv" else pd.read_parquet(out)
    assert list(table.columns) == schemas.FACT_COLUMNS
    assert set(table["article_id"]) == {p.stem for p in seeds_dir.glob("*.txt")}
    assert len(table) > 20


def test_extract_files_and_folders_agree(tmp_path, seeds_dir):
    files = sorted(seeds_dir.glob("*.txt"))
    run_cli("extract", *files, "--out", tmp_path / "a.csv")
    run_cli("extract", seeds_dir, "--out", tmp_path / "b.csv")
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()


@pytest.mark.parametrize("command", [[], ["extract"], ["evaluate"], ["build"]])
def test_help(command):
    done = run_cli(*command, "--help")
    assert done.returncode == 0
    assert "usage: python -m analysis" in done.stdout
    if command == ["extract"]:
        for option in ("--out", "--keep-going", "--workers", "--engine", "--progress"):
            assert option in done.stdout


@pytest.mark.parametrize("content, expected", [
    (b"", "empty file"),
    (b"no header\n", ":1: malformed header"),
    (b" date 2026-13-01 Headline\n\nBody.", ":1: impossible date"),
    (b" date 2026-02-03 Headline\n\n\xc3\x28 broken", ":3: not UTF-8"),
    (b"\x00\x01\x02binary", "binary file"),
])
def test_bad_input_one_line_error_and_nothing_written(tmp_path, content, expected):
    path = write_article(tmp_path, "bad.txt", content)
    out = tmp_path / "facts.csv"
    out.write_text("previous output\n")
    done = run_cli("extract", path, "--out", out)
    assert done.returncode != 0
    errors = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(errors) == 1 and str(path) in errors[0] and expected in errors[0]
    assert out.read_text() == "previous output\n"


@pytest.mark.parametrize("make, expected", [
    (lambda d: d / "missing", "no such file"),
    (lambda d: (d / "empty").mkdir() or d / "empty", "holds no articles"),
])
def test_bad_paths(tmp_path, make, expected):
    done = run_cli("extract", make(tmp_path), "--out", tmp_path / "f.csv")
    assert done.returncode == 1 and expected in done.stderr
    assert not (tmp_path / "f.csv").exists()


def test_bad_output_suffix(tmp_path, seeds_dir):
    done = run_cli("extract", seeds_dir, "--out", tmp_path / "facts.xlsx")
    assert done.returncode == 1 and ".csv or .parquet" in done.stderr


def test_keep_going_lists_bad_and_writes_good(tmp_path):
    write_article(tmp_path, "good.txt", GOOD)
    write_article(tmp_path, "bad.txt", b"no header\n")
    out = tmp_path / "facts.csv"
    done = run_cli("extract", tmp_path, "--out", out)
    assert done.returncode == 1 and not out.exists()
    done = run_cli("extract", tmp_path, "--out", out, "--keep-going")
    assert done.returncode == 1
    assert "bad.txt:1: malformed header" in done.stderr
    assert set(pd.read_csv(out)["article_id"]) == {"good"}


def test_keep_going_with_no_good_article_still_lists_the_bad_ones(tmp_path):
    write_article(tmp_path, "bad1.txt", b"no header\n")
    write_article(tmp_path, "bad2.txt", b"")
    out = tmp_path / "facts.csv"
    done = run_cli("extract", tmp_path, "--out", out, "--keep-going")
    assert done.returncode == 1 and not out.exists()
    assert "bad1.txt:1: malformed header" in done.stderr and "bad2.txt: empty file" in done.stderr
    assert "2 article(s) skipped" in done.stderr
    assert done.stderr.strip().splitlines()[-1].endswith("no readable articles")


@pytest.mark.parametrize("option, value", [("--workers", "0"), ("--workers", "-1"),
                                           ("--workers", "two")])
def test_counts_must_be_positive_whole_numbers(tmp_path, seeds_dir, option, value):
    done = run_cli("extract", seeds_dir, "--out", tmp_path / "f.csv", option, value)
    assert done.returncode == 2 and f"argument {option}" in done.stderr
    assert not (tmp_path / "f.csv").exists()
    done = run_cli("build", "--jobs", value, "--reports", tmp_path / "r")
    assert done.returncode == 2 and "argument --jobs" in done.stderr


def test_empty_scheduler_address_is_an_error(tmp_path, seeds_dir):
    done = run_cli("extract", seeds_dir, "--out", tmp_path / "parts", "--engine", "dask",
                   "--scheduler", "")
    assert done.returncode == 1 and "--scheduler is empty" in done.stderr
    assert not (tmp_path / "parts").exists()


def test_duplicate_ids(tmp_path):
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        write_article(tmp_path / sub, "same.txt", GOOD)
    done = run_cli("extract", tmp_path, "--out", tmp_path / "f.csv")
    assert done.returncode == 1 and "duplicate article id" in done.stderr


def test_progress_bar_on_request(tmp_path, seeds_dir):
    done = run_cli("extract", seeds_dir, "--out", tmp_path / "f.csv", "--progress")
    assert "extracting" in done.stderr
    done = run_cli("extract", seeds_dir, "--out", tmp_path / "f.csv")
    assert "extracting" not in done.stderr


@needs_shared
def test_evaluate_prints_scores_and_misses(tmp_path):
    gold = pd.read_csv(SHARED_CORPUS / "seeds_gold.csv", dtype=str, keep_default_na=False)
    # a gold fact the text does not hold must show as a miss, with its quote
    extra = gold.iloc[[0]].assign(value="9999", quote="an invented figure")
    gold_path = tmp_path / "gold.csv"
    pd.concat([gold, extra]).to_csv(gold_path, index=False)
    done = run_cli("evaluate", gold_path, SHARED_CORPUS / "seeds")
    assert done.returncode == 0, done.stderr
    assert "MISS" in done.stdout and "an invented figure" in done.stdout
    assert "precision" in done.stdout.splitlines()[-1]


GOLD_HEADER = "article_id,metric,unit,value,qualifier,location,period,required,quote\n"


@pytest.mark.parametrize("gold, expected", [
    ("article_id,metric\nx,launched\n", "gold.csv:1: gold file lacks column(s) unit, value"),
    (GOLD_HEADER + "x,flew,drones,1,exact,,,yes,q\n", "gold.csv:2: metric 'flew' is not a metric"),
    (GOLD_HEADER + "x,launched,drones,1,exact,,,yes,q\nx,launched,drones,abc,exact,,,yes,q\n",
     "gold.csv:3: value 'abc' is not a number"),
    (GOLD_HEADER + "x,launched,parrots,1,exact,,,yes,q\n", "gold.csv:2: unit 'parrots'"),
    (GOLD_HEADER + "x,launched,drones,1,exact,,,maybe,q\n", "gold.csv:2: required 'maybe'"),
    (GOLD_HEADER + "other,launched,drones,1,exact,,,yes,q\n", "no gold fact is about the articles"),
])
def test_evaluate_names_a_bad_gold_file(tmp_path, seeds_dir, gold, expected):
    path = tmp_path / "gold.csv"
    path.write_text(gold, encoding="utf-8")
    done = run_cli("evaluate", path, seeds_dir)
    assert done.returncode == 1
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0] and "Traceback" not in done.stderr


@pytest.mark.slow
@pytest.mark.parametrize("sig, status", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_extract_ends_promptly_on_a_signal_and_leaves_nothing(tmp_path, sig, status):
    from bench.make_corpus import make_corpus
    corpus = tmp_path / "corpus"
    make_corpus(600, corpus)
    out = tmp_path / "facts.csv"
    out.write_text("earlier output\n")
    started = time.monotonic()
    done, left = run_signalled(["extract", str(corpus), "--workers", "2", "--out", str(out),
                             "--no-progress"], sig, 1.5)
    assert done.returncode == status, done.stderr
    assert time.monotonic() - started < 10
    assert left == []                                     # the workers ended with it
    assert out.read_text() == "earlier output\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.slow
@pytest.mark.parametrize("sig, status", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
@pytest.mark.parametrize("after", [0.3, 0.6])
def test_a_signal_while_the_command_line_starts_ends_it_quietly(tmp_path, sig, status, after):
    from bench.make_corpus import make_corpus
    corpus = tmp_path / "corpus"
    make_corpus(300, corpus)                 # long enough that the signal comes before the end
    out = tmp_path / "facts.csv"
    out.write_text("earlier output\n")
    done, left = run_signalled(["extract", str(corpus), "--out", str(out)], sig, after)
    assert done.returncode == status, done.stderr
    assert "Traceback" not in done.stderr and left == []
    assert out.read_text() == "earlier output\n"


def test_a_signal_python_had_to_drop_is_not_reported_as_a_traceback(monkeypatch, capsys):
    from analysis.reading import interrupts

    class Finalised:
        def __del__(self):            # as SIGTERM's handler does inside a finaliser or fork hook
            interrupts.received(cli.Terminated)
            raise cli.Terminated()

    def run(args):
        Finalised()                   # dies at once: Python drops its exception
        return 0
    monkeypatch.setattr(cli, "cmd_extract", run)
    monkeypatch.setattr(sys, "unraisablehook", sys.__unraisablehook__)   # Python's own: prints
    assert cli.main(["extract", "x", "--out", "y.csv"]) == 143
    assert capsys.readouterr().err == "terminated\n"


@pytest.mark.parametrize("signalled, status", [(KeyboardInterrupt, 130), (cli.Terminated, 143)])
def test_a_signal_whose_exception_was_dropped_still_stops_before_any_output(
        tmp_path, monkeypatch, capsys, signalled, status):
    from analysis.extraction import corpus
    from analysis.reading import interrupts
    extract_files = corpus.extract_files

    def dropped(*args, **kwargs):        # as when the handler fires inside a fork hook
        interrupts.received(signalled)
        return extract_files(*args, **kwargs)
    monkeypatch.setattr(corpus, "extract_files", dropped)
    (tmp_path / "a").mkdir()
    write_article(tmp_path / "a", "one.txt", " date 2026-02-03 Drones\n\nRussia launched 12 drones.\n")
    out = tmp_path / "facts.csv"
    out.write_text("earlier output\n")
    assert cli.main(["extract", str(tmp_path / "a"), "--out", str(out), "--no-progress"]) == status
    assert out.read_text() == "earlier output\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    monkeypatch.undo()                   # the next run starts clean
    assert cli.main(["extract", str(tmp_path / "a"), "--out", str(out), "--no-progress"]) == 0


@pytest.mark.parametrize("signalled, status, said", [
    (KeyboardInterrupt, 130, "interrupted"), (cli.Terminated, 143, "terminated")])
def test_a_signal_an_import_wraps_in_another_error_still_ends_quietly(
        monkeypatch, capsys, signalled, status, said):
    def interrupted_import(*args):
        try:
            raise signalled()
        except BaseException as err:    # as a library's import does: __set_name__ wraps it
            raise RuntimeError("Error calling __set_name__") from err
    monkeypatch.setattr(cli, "build_parser", interrupted_import)
    assert cli.main(["extract", "x"]) == status
    assert capsys.readouterr().err == said + "\n"
