"""Which files to read: the paths given, with folders expanded (see `iter_paths`). A file is
supported when `extractors.readers` has a reader for its suffix."""
from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Iterable, Iterator

from extractors.read_error import ReadError, os_reason
from extractors.readers import reader_for

IGNORE_MARKER = ".kgignore"  # a folder holding this file is not part of the corpus (gazetteers, lexicons …)


def _skipped_name(name: str) -> bool:
    """Hidden files/folders, Office lock files (~$x.docx) and a folder's README inside folders."""
    return name.startswith((".", "~$")) or name.lower() in ("readme.md", "readme.txt", "readme.markdown")


def iter_paths(paths: Iterable[str | Path]) -> Iterator[tuple[Path, ReadError | None]]:
    """Files to read, each with None or the ReadError that stops it; never raises.

    A folder is expanded recursively in name order (deterministic); inside folders, files with
    unsupported suffixes, hidden files and folders (".x"), Office lock files ("~$x.docx"), a
    folder's README.md and folders that hold a `.kgignore` file (the project's own data kept beside
    a corpus, such as seed_data/gazetteers) are skipped silently. A file named explicitly with an
    unsupported suffix, a missing path, an unreadable file or folder, a symlink loop and a symlink inside a folder
    that leads out of it (a scraped or unpacked folder must not pull /etc into the graph) yield (path, ReadError)."""
    for given in paths:
        path = Path(given)
        try:
            is_dir = stat.S_ISDIR(os.stat(path).st_mode)
        except (OSError, ValueError) as exc:
            yield path, ReadError(path, f"cannot read: {os_reason(exc)}")
            continue
        if is_dir:
            yield from _walk(path)
        elif reader_for(path) is None:
            yield path, ReadError(path, f"unsupported file type {path.suffix or '(no suffix)'!r}")
        else:
            yield path, _access_error(path)


def _access_error(path: Path) -> ReadError | None:
    return None if os.access(path, os.R_OK) else ReadError(path, "cannot read: permission denied")


def _walk(root: Path) -> Iterator[tuple[Path, ReadError | None]]:
    """Depth-first in name order, without recursion. A folder reached again from inside itself
    (through a symlink) is a loop and yields a ReadError; one reached again from elsewhere is
    skipped, so no file is yielded twice. Unsupported files are skipped silently."""
    visited: set[tuple[int, int]] = set()
    stack: list[tuple[Path, frozenset]] = [(root, frozenset())]
    top = os.path.realpath(root)
    while stack:
        path, ancestors = stack.pop()
        supported = reader_for(path) is not None
        try:
            info = os.stat(path)
        except OSError as exc:  # dangling symlink, symlink to itself, vanished file
            if supported or exc.errno == errno.ELOOP:
                yield path, ReadError(path, f"cannot read: {os_reason(exc)}")
            continue
        if path != root and (stat.S_ISDIR(info.st_mode) or supported):
            real = os.path.realpath(path)
            if os.path.commonpath([top, real]) != top:
                yield path, ReadError(path, f"a symlink out of the folder {root} (to {real}): not read; "
                                            "name the file itself to ingest it")
                continue
        if stat.S_ISREG(info.st_mode):
            if supported:
                yield path, _access_error(path)
            continue
        if not stat.S_ISDIR(info.st_mode):
            continue  # fifo, socket, device
        key = (info.st_dev, info.st_ino)
        if key in ancestors:
            yield path, ReadError(path, "symlink loop (a folder that contains itself)")
            continue
        if key in visited:
            continue
        visited.add(key)
        try:
            names = sorted(os.listdir(path))
        except OSError as exc:
            yield path, ReadError(path, f"cannot read folder: {os_reason(exc)}")
            continue
        if IGNORE_MARKER in names and path != root:
            continue  # the project's own data beside a corpus, not documents
        inner = ancestors | {key}
        stack.extend((path / name, inner) for name in reversed(names) if not _skipped_name(name))
