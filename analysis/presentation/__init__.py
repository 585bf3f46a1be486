"""Presentation: charts (`plots`, `scatter`) in the workbook's one theme and palette (`style`),
their labels placed apart (`labels`), the notebooks' display helpers and
their one opening call (`display`), the interactive tables they show (`interactive`), a
notebook's page of the report (`pages`, with its template in `templates/`), each article's
page with its facts marked (`article_pages`), the index (`index`), and the build that runs
the notebooks and writes the report (`build`).

May import: every other stage.
"""
