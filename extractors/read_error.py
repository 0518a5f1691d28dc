"""`ReadError`, the one exception a document reader raises, and the one-line reasons it carries."""
from __future__ import annotations

import errno
from pathlib import Path


class ReadError(Exception):
    """A file that cannot be ingested. str(exc) == f"{path}: {reason}", one line, no traceback."""

    def __init__(self, path: str | Path, reason: str):
        self.path = str(path)
        self.reason = " ".join(str(reason).split())  # one clean line
        super().__init__(self.path, self.reason)  # args round-trip through pickle

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def os_reason(exc: OSError | ValueError) -> str:
    """Why the operating system refused a path, in a few words."""
    if isinstance(exc, ValueError):  # e.g. a NUL byte in the path
        return f"invalid path ({exc})"
    if exc.errno == errno.ELOOP:
        return "symlink loop (too many levels of symbolic links)"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    return (exc.strerror or type(exc).__name__).lower()


def first_line(exc: BaseException) -> str:
    """An exception's message cut to its first line (200 characters at most), else its type."""
    text = str(exc).strip()
    return (text.splitlines()[0] if text else type(exc).__name__)[:200]
