"""Extraction: article text -> fact rows (numbers, their units, metrics, places, periods and
sources), and the scoring of facts against hand-labelled ones.

The flow within: `numbers` finds the numbers of a sentence, `sentence` indexes its tokens and
cues, `phrases` reads each number's noun phrase (`noun_phrases` finds its head noun, `models`
sets aside the numbers that name a weapon's model), `metrics` and `readings` decide what it
counts and what happened to it, `vetoes` drop what is no fact, `location`, `dating` and
`sources` give its place, period and source (`attribution` carries a source across
sentences), `memory` carries state along the article, and
`extractor` puts it together; `corpus` runs it over a corpus. Language data (`language`,
`places`, `periods`) is defined once and imported from there.

May import: `analysis.reading` (articles, sentences, the facts vocabulary and tables).
"""
