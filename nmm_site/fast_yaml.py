"""Safe YAML parsing with libyaml (C) when PyYAML has it: ten times faster than the pure-Python parser.

Every build process reads the data files, sidecars and front matter, so this matters to build time.
The result is the same as `yaml.safe_load`, stricter on two points an editor's file never needs:
- a key written twice in one mapping is an error (YAML keeps the last one silently);
- aliases (`*name`, and `<<: *name` merges) are errors: a few lines of aliases can expand into billions
  of values for every tool that walks the data (the "billion laughs" attack).
Both are `yaml.MarkedYAMLError`s with the line, so every caller reports them like a syntax error.
When the text is not valid YAML, it is parsed again by the pure-Python parser, so editors read the same
messages (libyaml's are terser) at the same lines.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.constructor import ConstructorError

_ALIAS = (
    "the value anchored here (&name) is repeated by an alias (*name): anchors and aliases are not allowed in "
    "the project's YAML (a few aliases can expand into billions of values); write the value out"
)


class StrictConstructorMixin:
    """Refuses aliases and duplicate keys (mix into a SafeLoader, before it)."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        # An alias is the same node reached a second time (merges too: they copy the anchored entries).
        if node in self.constructed_objects or node in self.recursive_objects:  # type: ignore[attr-defined]
            raise ConstructorError(None, None, _ALIAS, node.start_mark)
        return super().construct_object(node, deep)  # type: ignore[misc]

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        check_duplicate_keys(node)
        return super().construct_mapping(node, deep)  # type: ignore[misc]


def check_duplicate_keys(node: yaml.MappingNode) -> None:
    seen: dict[tuple[str, str], int] = {}
    for key, _ in node.value:
        if not isinstance(key, yaml.ScalarNode):
            continue
        ident = (key.tag, key.value)
        if ident in seen:
            raise ConstructorError(
                None,
                None,
                f"the key {key.value!r} is written twice in the same mapping (first on line {seen[ident]}): "
                "keep one",
                key.start_mark,
            )
        seen[ident] = key.start_mark.line + 1


class NoAliasesMixin(StrictConstructorMixin):
    """Refuses aliases only (for callers that report duplicate keys themselves)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        return super(StrictConstructorMixin, self).construct_mapping(node, deep)  # type: ignore[misc]


_C = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Fast(StrictConstructorMixin, _C):  # type: ignore[misc,valid-type]
    pass


class _Pure(StrictConstructorMixin, yaml.SafeLoader):
    pass


class _FastNoAliases(NoAliasesMixin, _C):  # type: ignore[misc,valid-type]
    pass


class _PureNoAliases(NoAliasesMixin, yaml.SafeLoader):
    pass


def safe_load(text: str, *, duplicates: bool = False) -> Any:
    """`yaml.safe_load` through libyaml, refusing aliases and (unless `duplicates`) duplicate keys.

    `duplicates=True` is for callers that find and report duplicate keys themselves (front matter)."""
    fast, pure = (_FastNoAliases, _PureNoAliases) if duplicates else (_Fast, _Pure)
    try:
        return yaml.load(text, Loader=fast)  # noqa: S506 (a safe loader)
    except ConstructorError:
        raise  # ours: already precise
    except yaml.YAMLError:
        return yaml.load(text, Loader=pure)  # noqa: S506 — raises the pure-Python parser's error


def compose(text: str) -> yaml.Node | None:
    """`yaml.compose` with the safe loader: the node tree, with line marks, for precise messages."""
    try:
        return yaml.compose(text, Loader=_Fast)
    except yaml.YAMLError:
        return yaml.compose(text, Loader=yaml.SafeLoader)
