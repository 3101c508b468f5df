"""The build tools' settings: one frozen dataclass."""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class BuildConfig:
    # Parallelism
    jobs: int = 1  # processes building languages at once; 1 = the plain sequential `mkdocs build`

    # Output
    manifest_name: str = "manifest.json"  # in a partial build's folder, beside its site/
    partial_site: str = "site"  # the partial site inside a partial build's folder
    format_version: int = 1  # bump when the manifest's layout changes (assemble refuses others)

    @staticmethod
    def auto_jobs(languages: int, cores: int | None = None) -> int:
        """One process per language when there are at least two cores, else the sequential build.

        Measured on 2 cores (benchmarks/build_benchmark.py): 3 processes beat 2 on a large site (the
        system balances 3 equal builds; 2 processes split 1 + 2 languages), and lose ~0.2 s on today's.
        """
        cores = cores if cores is not None else os.cpu_count() or 1
        return 1 if cores < 2 else max(1, min(languages, cores + 1))


DEFAULTS = BuildConfig()
