"""Content-check pass stamps: a pass is remembered for exact inputs; changed code invalidates it."""

from __future__ import annotations

import os
from pathlib import Path

from nmm_site.stamps import PassStamps, code_digest


def test_pass_stamps_record_passes_and_keep_a_few(tmp_path: Path) -> None:
    stamps = PassStamps(tmp_path / "stamps", keep=2)
    keys = [stamps.key(["Hà Giang", str(n)]) for n in range(3)]
    assert len(set(keys)) == 3 and not stamps.passed(keys[0])
    for n, key in enumerate(keys):
        stamps.record(key)
        os.utime(tmp_path / "stamps" / key, (n, n))  # distinct ages, oldest first
    stamps.record(keys[2])
    assert [stamps.passed(k) for k in keys] == [False, True, True]


def test_code_digest_changes_with_the_code(tmp_path: Path) -> None:
    (tmp_path / "checks.py").write_text("A = 1\n", encoding="utf-8")
    before = code_digest(tmp_path)
    (tmp_path / "checks.py").write_text("A = 2\n", encoding="utf-8")
    assert code_digest(tmp_path) != before


def test_code_digest_of_single_modules(tmp_path: Path) -> None:
    module, other = tmp_path / "render.py", tmp_path / "other.py"
    module.write_text("A = 1\n", encoding="utf-8")
    other.write_text("B = 1\n", encoding="utf-8")
    before = code_digest(module)
    other.write_text("B = 2\n", encoding="utf-8")
    assert code_digest(module) == before  # only the module named counts
    module.write_text("A = 2\n", encoding="utf-8")
    assert code_digest(module) != before
