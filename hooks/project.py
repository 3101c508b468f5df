"""MkDocs hook: the project being built is the one `nmm_site.site_config.load()` reads by default.

Listed first in mkdocs.yml, so a fixture project (tests) or any other checkout reads its own languages
and paths, never those of the checkout the code was imported from.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority

from nmm_site import site_config


@event_priority(100)
def on_config(config: Any) -> None:
    site_config.activate(Path(config.config_file_path).parent)
