"""Presentation: charts in the workbook's style (`plots`), the notebooks' display helpers and
their one opening call (`display`), the interactive tables they show (`interactive`), and the
build that runs the notebooks and writes the
HTML report (`build`, with its page template in `templates/`).

May import: every other stage.
"""
