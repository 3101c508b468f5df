"""Cache compiled Jinja templates on disk: static-i18n builds every language with a fresh environment,
so without it Material's templates are compiled again for each language and each build."""

from __future__ import annotations

from pathlib import Path

from jinja2 import FileSystemBytecodeCache


def on_env(env, config, files):
    cache_dir = Path(config.config_file_path).parent / ".cache" / "jinja"
    cache_dir.mkdir(parents=True, exist_ok=True)
    # Keyed by template name and source checksum: an edited template is compiled again.
    env.bytecode_cache = FileSystemBytecodeCache(str(cache_dir))
    return env
