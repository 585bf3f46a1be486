"""External records: third-party data read with every malformed row reported, never dropped
silently (`quality`): the Air Force's reports by night and weapon class (`airforce`,
`weapon_models`) and monthly territorial-gain series (`territory`).

May import: `analysis.config` only; records never read the articles.
"""
