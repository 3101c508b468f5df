"""Editorial rules the project enforces (EDITORIAL.md): what reader text may say, and how it is set.

- `hedges`: research-state phrases ("not verified", "chưa xác minh"…) never reach a reader;
- `terms`: one rendering per language for each term of the terminology table;
- `sources`: every source is a specific page from a publisher an official reader accepts;
- `typography`: French spacing, curly quotes, apostrophes and en dashes, applied to the rendered HTML.

The lists live in `data/editorial/*.yml` (editors extend them); `nmm_site.editorial.check` runs the three
checks for `nmm check-content`, `hooks/typography.py` applies the typography to every built page.
"""
