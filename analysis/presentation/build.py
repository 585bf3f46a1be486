"""Build everything: the tables, every notebook executed on the corpus, the HTML report.

Notebooks run in parallel, one kernel per notebook, as many at once as there are cores.
Each notebook's first cell is tagged `parameters` (papermill's convention); for a corpus
other than the default one, a cell with the new values is injected after it. Each executed
notebook goes into the report beside its page (`pages`), the index leads to them all.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .. import config
from . import article_pages
from . import pages as report_pages
from . import staging
from .index import index_page
from .timings import NotebookRun, Timings

NOTEBOOK_GLOB = "[0-9][0-9]_*.ipynb"
REPORT_TITLE = "Air war workbook"
KERNEL = "airwar"         # the project's environment, registered by scripts/setup.sh
CELL_TIMEOUT = 600


def notebook_paths(folder: Path = config.NOTEBOOKS) -> list[Path]:
    """Give the workbook's notebooks in reading order."""
    return sorted(folder.glob(NOTEBOOK_GLOB))


def corpus_folder(articles: Path, facts: Path | None = None) -> str:
    """Give the name of the folder in reports/ of a corpus other than the default one: the
    articles folder's name (and the facts file's, when one is given) and a short hash of
    their resolved paths, so that two folders of one name never share a report."""
    articles = Path(articles).resolve()
    facts = Path(facts).resolve() if facts is not None else None
    key = str(articles) + ("" if facts is None else f"\0{facts}")
    digest = hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:8]
    return f"{articles.name}{'' if facts is None else f'-{facts.stem}'}-{digest}"


def _shown_path(path: Path) -> str:
    """Give `path` relative to the project when inside it, else whole."""
    try:
        return str(path.relative_to(config.ROOT))
    except ValueError:
        return str(path)


def corpus_label(articles: Path, facts: Path | None = None) -> str:
    """Give a corpus as the title of its report names it: its folder's name and where it is,
    and the facts file it was read with, if any ("wide (../shared/corpus/wide)")."""
    articles = Path(articles).resolve()
    label = f"{articles.name} ({_shown_path(articles)})"
    return label if facts is None else f"{label}, facts of {_shown_path(Path(facts).resolve())}"


def _parameter_cell(params: dict) -> str:
    return "# Parameters injected by the build\n" + "".join(
        f"{key} = {value!r}\n" for key, value in sorted(params.items()))


class Kernels:
    """The kernels a build is running, so that an interrupted build can end them at once."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._live: set = set()
        self.stopping = False

    def add(self, manager) -> bool:
        """Track a started kernel; False (and the kernel ended) when the build is stopping."""
        with self._lock:
            self._live.add(manager)
            if not self.stopping:
                return True
        self._kill(manager)
        return False

    def discard(self, manager) -> None:
        with self._lock:
            self._live.discard(manager)

    def stop(self) -> None:
        """End every running kernel; the notebooks they ran fail at once."""
        with self._lock:
            self.stopping = True
            live = list(self._live)
        for manager in live:
            self._kill(manager)

    @staticmethod
    def _kill(manager) -> None:
        pid = getattr(getattr(manager, "provisioner", None), "pid", None)
        if pid:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass


def execute_notebook(path: Path, params: dict | None, html_out: Path,
                     ipynb_out: Path | list[Path] | None = None, tables: Path | None = None,
                     kernels: Kernels | None = None, links: dict | None = None
                     ) -> NotebookRun:
    """Execute one notebook with `params` injected, write its HTML page (linking what `links`
    gives, see `pages.page_links`) and, when every cell ran, the executed notebook to each
    path of `ipynb_out`.

    With `tables`, the kernel reads the corpus tables from there (a build's staging folder).
    Gives the run: its name, seconds, error message or None, and where its time went.
    """
    import nbformat
    from nbclient import NotebookClient
    from jupyter_client.manager import AsyncKernelManager
    from jupyter_core.utils import run_sync
    from nbclient.exceptions import CellExecutionError

    from ..reading.atomic import write_text

    started = time.perf_counter()
    nb = nbformat.read(path, as_version=4)
    if params:
        index = next((i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])), -1)
        cell = nbformat.v4.new_code_cell(_parameter_cell(params))
        cell.metadata["tags"] = ["injected-parameters"]
        cell.id = "injected-parameters"                      # a fixed id keeps builds identical
        nb.cells.insert(index + 1, cell)
    sockets = tempfile.mkdtemp(prefix="airwar-kernel-")
    # asynchronous: nbclient then notices at once when a kernel dies or is ended
    manager = AsyncKernelManager(kernel_name=KERNEL, transport="ipc", ip=str(Path(sockets) / "ipc"))
    ready: list[float] = []

    def kernel_ready(notebook) -> None:
        ready.append(time.perf_counter())
        if kernels is not None:
            kernels.add(manager)
    hooks = {"on_notebook_start": kernel_ready}
    client = NotebookClient(nb, km=manager, timeout=CELL_TIMEOUT, kernel_name=KERNEL,
                            resources={"metadata": {"path": str(path.parent)}}, **hooks)
    error = None
    env = {**os.environ, config.TABLES_ENV: str(tables)} if tables is not None else None
    try:
        client.execute(**({"env": env} if env else {}))
    except CellExecutionError as err:
        error = str(err).strip().splitlines()[-1] if str(err).strip() else repr(err)
    except Exception as err:                    # the kernel died or was ended
        if kernels is None or not kernels.stopping:
            raise
        error = f"stopped ({type(err).__name__})"
    finally:
        if kernels is not None:
            kernels.discard(manager)
        if manager.has_kernel:
            run_sync(manager.shutdown_kernel)(now=True)
        shutil.rmtree(sockets, ignore_errors=True)
    ran = time.perf_counter()
    if kernels is not None and kernels.stopping:
        return NotebookRun(path.name, ran - started, "stopped")
    for cell in nb.cells:                                   # no run times in the saved notebook
        cell.metadata.pop("execution", None)
    page_title = report_pages.nb_title(nb, path.stem)
    if links and links.get("corpus"):
        page_title += f" · {links['corpus']}"
    body = report_pages.export_html(nb, page_title, links)
    write_text(body, html_out)
    if error is None:
        for out in [ipynb_out] if isinstance(ipynb_out, Path) else ipynb_out or []:
            write_text(nbformat.writes(nb) + "\n", out)
    done = time.perf_counter()
    kernel_at = ready[0] if ready else started
    return NotebookRun(path.name, done - started, error, kernel_at - started, ran - kernel_at,
                       done - ran)


def _build_into(articles: Path, tables: Path, pages: Path, default: bool, processed: Path,
                jobs: int | None, keep_going: bool, workers: int | None, update_notebooks: bool,
                notebooks: list[Path] | None, progress: bool | None, facts: Path | None = None,
                tables_folder: str = "data", timings: Timings | None = None):
    """Write the tables to `tables` and the pages to `pages` (staging folders); give the
    notebooks that failed and the corpus; record where the time went in `timings`."""
    timings = timings if timings is not None else Timings()
    from ..extraction.corpus import load_corpus
    from ..reading.atomic import write_text
    from ..reading.batches import default_workers
    from ..reading.progress import Progress, is_terminal
    from ..extraction.corpus import tables_manifest
    from ..reading.tables import write_tables

    cores = default_workers()
    corpus = load_corpus([articles], keep_going=keep_going, workers=workers or cores,
                         progress=progress, facts_file=facts)
    for err in corpus.errors:
        print(f"skipped {err}", file=sys.stderr)
    timings.stage("read and extract")
    write_tables(corpus, tables, tables_manifest(articles))
    timings.stage("tables")

    paths = notebooks or notebook_paths()
    params = None if default else {"ARTICLES": str(articles), "PROCESSED": str(processed)}
    jobs = max(1, min(jobs or cores, len(paths)))
    label = None if default else corpus_label(articles, facts)
    title = REPORT_TITLE + ("" if label is None else f": {label}")
    links = report_pages.page_links(paths, title, label)
    failures = []
    kernels = Kernels()
    # the longest notebooks first, so the last one to start is a short one
    order = sorted(paths, key=lambda p: -p.stat().st_size)
    # threads suffice: each notebook runs in its own kernel process
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(execute_notebook, p, params, pages / p.with_suffix(".html").name,
                               [pages / p.name] + ([p] if (update_notebooks and default) else []),
                               tables, kernels, links[p.name])
                   for p in order]
        # a bar over the notebooks on a terminal (unless --no-progress), a line each anyway
        shown = progress is not False and is_terminal(sys.stderr)
        try:
            # while the kernels run: this thread would only wait for them
            article_pages.write_article_pages(corpus, pages / article_pages.FOLDER, title)
            timings.stage("article pages (while the notebooks run)")
            with Progress(len(paths), "notebooks", "notebook", shown) as bar:
                for future in futures:
                    run = future.result()
                    timings.notebooks.append(run)
                    status = "ok" if run.error is None else f"FAILED: {run.error}"
                    bar.write(f"notebook {run.name}: {run.seconds:.1f} s {status}")
                    bar.update()
                    if run.error:
                        failures.append(run.name)
            timings.stage(f"notebooks ({jobs} at a time)")
        except BaseException:              # Ctrl-C, SIGTERM or a crash: end every kernel now
            for future in futures:
                future.cancel()
            kernels.stop()
            raise
    written = sorted(p.stem for p in tables.glob("*.csv"))
    write_text(index_page(paths, corpus, title, written, tables_folder, tables_dir=tables,
                          articles=articles), pages / report_pages.INDEX)
    timings.stage("index")
    return failures, corpus


def build(articles: Path = config.ARTICLES, processed: Path | None = None,
          reports: Path = config.REPORTS, jobs: int | None = None, keep_going: bool = False,
          workers: int | None = None, update_notebooks: bool = False,
          notebooks: list[Path] | None = None, progress: bool | None = None,
          facts: Path | None = None, timings: bool = False) -> int:
    """Build the tables, the executed notebooks and the HTML report; give the exit status.

    With `facts`, every notebook runs on that facts table (corrected by hand, or labelled in
    FACTS.md's gold format) instead of the extracted one. The report of a corpus other than
    the default one (or of a facts file) goes, unless `reports` names another folder, to a
    folder of its own in reports/ (`corpus_folder`: `<articles>-<hash>/`, or
    `<articles>-<facts file>-<hash>/`), its tables in that folder's `data/`, never over
    another corpus's; its titles name it (`corpus_label`).

    Everything is written to staging folders first and swapped in only when every notebook
    ran: a failed or interrupted build leaves the previous tables and report as they were,
    and a second build into the same folders stops at once with a clear message. With
    `timings`, a line per stage and per notebook says where the time went.
    """
    started = time.perf_counter()
    spent = Timings()
    articles = Path(articles).resolve()
    facts = Path(facts).resolve() if facts is not None else None
    default = articles == config.ARTICLES.resolve() and facts is None
    reports = Path(reports).resolve()
    if not default and reports == config.REPORTS.resolve():
        reports = reports / corpus_folder(articles, facts)
    processed = Path(processed).resolve() if processed else (
        config.PROCESSED if default else reports / "data")
    with staging.locked([reports, processed]):
        tables, pages = staging.staging_folder(processed), staging.staging_folder(reports)
        try:
            failures, corpus = _build_into(articles, tables, pages, default, processed,
                                           jobs, keep_going, workers, update_notebooks,
                                           notebooks, progress, facts,
                                           os.path.relpath(processed, reports), spent)
            if failures:
                print(f"build failed ({', '.join(failures)}): the previous report and tables "
                      f"are left as they were", file=sys.stderr)
                return 1
            staging.swap_in(tables, processed)
            staging.swap_in(pages, reports)
        finally:
            staging.discard(tables)
            staging.discard(pages)
    spent.stage("publish")
    if timings:
        spent.report()
    print(f"tables: {len(corpus.articles)} articles, {len(corpus.sentences)} sentences, "
          f"{len(corpus.facts)} facts -> {processed}", file=sys.stderr)
    print(f"report: {reports / 'index.html'} in {time.perf_counter() - started:.1f} s",
          file=sys.stderr)
    return 1 if corpus.errors else 0
