"""Safe YAML parsing with libyaml (C) when PyYAML has it: ten times faster than the pure-Python parser.

Every build process reads the data files, sidecars and front matter, so this matters to build time.
The result is the same as `yaml.safe_load`. When the text is not valid YAML, it is parsed again by the
pure-Python parser, so editors read the same messages (libyaml's are terser) at the same lines.
"""

from __future__ import annotations

from typing import Any

import yaml

SAFE_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    """`yaml.safe_load`, through libyaml."""
    try:
        return yaml.load(text, Loader=SAFE_LOADER)  # noqa: S506 (a safe loader)
    except yaml.YAMLError:
        return yaml.safe_load(text)  # raises the pure-Python parser's error


def compose(text: str) -> yaml.Node | None:
    """`yaml.compose` with the safe loader: the node tree, with line marks, for precise messages."""
    try:
        return yaml.compose(text, Loader=SAFE_LOADER)
    except yaml.YAMLError:
        return yaml.compose(text, Loader=yaml.SafeLoader)
