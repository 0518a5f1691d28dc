"""The project's bundled data, and the one way every reader finds it.

`seed_data/` holds the guide (`guide-2020.txt`), the seed documents (`documents/`), the gazetteers,
the direction lexicon and the rules; the recommendation classifier lives in `extractors/models/` and
the named Cypher queries in `kg/queries/`. All of it ships in the wheel as package data and is found
through `importlib.resources`, so the same code works in a checkout, an editable install and an
installed wheel alike (never `Path(__file__).parent.parent / "seed_data"`, which points outside
site-packages once installed).

    resource("gazetteers", "societies.tsv")                         # a file of seed_data
    resource("documents")                                           # a folder of seed_data
    resource("models", "recommendations.json", package="extractors")  # another package's data
    require(path, "the gazetteer")                                  # a path from elsewhere (KG_GAZETTEER_DIR)

Paths are real `pathlib.Path`s: a package imported from files on disk (a checkout, or a wheel,
which pip always unpacks into site-packages) has its data as plain files and folders beside its
code, and `spacy.load`, `Path.glob` and the caches keyed by path need exactly that. A package
imported from a zip archive has none: `resource` refuses it with a DataError rather than hand out a
path that does not exist (`importlib.resources.as_file` could extract single files, but not the
classifier's folder on Python 3.11).
"""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path

__all__ = ["DataError", "require", "resource"]


class DataError(ValueError):
    """Bundled or configured data that cannot be used: a missing file or folder (`path: missing …`)
    or a bad row (`file:line: reason`). A ValueError, so the command line prints it on one line."""


def require(path: Path, needs: str) -> Path:
    """`path` itself if it exists; a DataError naming it (and what needs it) if not."""
    if not path.exists():
        raise DataError(f"{path}: missing ({needs} needs it)")
    return path


def resource(*parts: str, package: str = __name__, check: bool = True) -> Path:
    """The real path of the data `parts` inside `package` (this one unless named), e.g.
    `resource("rules", "name_parts.tsv")`; with no parts, the package's own folder. DataError naming
    the path when it does not exist (`check=False`: only where it is, for a writer or a reader that
    checks when it reads)."""
    root = files(package)
    if not isinstance(root, Path):
        raise DataError(f"{root}: the data of {package} is not on disk (imported from an archive?); "
                        "install the project with pip so that its data are files")
    path = root.joinpath(*parts)
    if check and not path.exists():
        raise DataError(f"{path}: missing from the data of the {package} package "
                        "(deleted from the checkout, or left out of the wheel: pyproject.toml's package-data)")
    return path
