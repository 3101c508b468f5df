"""Visitor essentials: the "visits" data family (data/visits-N.yml), validated and rendered.

- `validate`: every check of the visits data, as `Problem`s with file and line (run by
  `nmm check-content --check` and at the start of every build).
- `render`: the "Plan your visit" section and the summary box of a province or heritage page, as HTML.
- `page`: where both go in a rendered page (and its table of contents).
- `featured`: the `featured: true` places of every page, for the home page.
- `offices`: the key-figures block and the corrections contact of the offices page.

The MkDocs adapter is hooks/visits.py; the data format is documented in EDITORS.md ("Visitor essentials").
"""
