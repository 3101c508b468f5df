"""Cards for the home and section index pages: data (`data.py`) and HTML (`html.py`).

The home's "Discover" cards and highlights row, and the image card grids of the provinces, heritage
and peoples index pages, are made from the data files and the pages' front matter (title,
description, hero), never written by hand. `hooks/cards.py` places them; `screenshots.py` is
`make screenshots`.
"""
