from __future__ import annotations

from analysis.presentation.timings import NotebookRun, Timings


def test_a_stage_is_the_time_since_the_last_one_and_repeats_add_up():
    spent = Timings()
    spent.stage("tables")
    spent.stage("index")
    spent.stage("tables")
    assert list(spent.stages) == ["tables", "index"]
    assert all(seconds >= 0 for seconds in spent.stages.values())


def test_the_breakdown_has_a_line_per_stage_then_per_notebook_by_name():
    spent = Timings(stages={"tables": 0.25})
    spent.notebooks += [NotebookRun("b.ipynb", 2.0, None, 0.5, 1.25, 0.25),
                        NotebookRun("a.ipynb", 1.0, "stopped")]
    assert spent.lines() == [
        "time tables: 0.25 s",
        "time notebook a.ipynb: 1.00 s (kernel start 0.00 s, cells 0.00 s, page 0.00 s)",
        "time notebook b.ipynb: 2.00 s (kernel start 0.50 s, cells 1.25 s, page 0.25 s)"]
