"""Run a function in a forked copy of this process, to use the second core while this one works."""

from __future__ import annotations

import os
import pickle
import sys
from collections.abc import Callable
from typing import Any


def can_fork() -> bool:
    """Linux: workers are forked from this process, which has already imported what they need.

    Elsewhere, or with NMM_BUILD_FORK=0, the build does the same work without forking.
    """
    wanted = os.environ.get("NMM_BUILD_FORK", "1") != "0"
    return wanted and sys.platform.startswith("linux") and hasattr(os, "fork")


class Forked:
    """`call()` running in a child process; `result()` returns its value or raises its exception."""

    def __init__(self, call: Callable[[], Any]) -> None:
        read, write = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the child: never returns to the caller
            os.close(read)
            code = 0
            try:
                outcome: tuple[bool, Any] = (True, call())
            except BaseException as error:  # noqa: BLE001 - handed to the parent, which raises it
                outcome, code = (False, error), 1
            try:
                data = pickle.dumps(outcome)
            except Exception as error:  # noqa: BLE001 - an unpicklable exception still reaches the parent
                data, code = pickle.dumps((False, RuntimeError(repr(error)))), 1
            try:
                with os.fdopen(write, "wb") as stream:
                    stream.write(data)
                sys.stdout.flush()
                sys.stderr.flush()
            finally:
                os._exit(code)
        os.close(write)
        self._pid, self._read = pid, read

    def result(self) -> Any:
        with os.fdopen(self._read, "rb") as stream:
            data = stream.read()  # before waiting: a large result would fill the pipe
        os.waitpid(self._pid, 0)
        if not data:
            raise RuntimeError("the forked process ended without a result")
        ok, value = pickle.loads(data)  # noqa: S301 - our own child's result, through a private pipe
        if not ok:
            raise value
        return value
