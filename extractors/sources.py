"""What kind of page a document comes from — official, society, media or repost — by its URL.

The table is data (`seed_data/rules/source_domains.tsv`: host-name endings, the longest match
wins). A document's front matter `source_kind` (the researcher read the page) wins over the
table; a URL the table does not know is a repost (转载) of unknown standing, which a drafter must
not cite as the official source.
"""
from __future__ import annotations

from functools import cache
from urllib.parse import urlsplit

from extractors.rules import RulesError, rules_dir, tsv_rows

SOURCE_KINDS = ("official", "society", "media", "repost")


@cache
def domain_table() -> tuple[tuple[str, str], ...]:
    """(domain, kind), longest domain first."""
    path = rules_dir() / "source_domains.tsv"
    rows = []
    for where, row in tsv_rows(path, ["domain", "kind"], "source kinds"):
        domain, kind = (row + [""])[0].strip().lower(), (row + ["", ""])[1].strip()
        if kind not in SOURCE_KINDS:
            raise RulesError(f"{where}: kind {kind!r} must be one of {', '.join(SOURCE_KINDS)}")
        if not domain or "/" in domain or " " in domain:
            raise RulesError(f"{where}: {domain!r} is not a host name ending")
        rows.append((domain, kind))
    return tuple(sorted(rows, key=lambda r: (-len(r[0]), r[0])))


def kind_of_url(url: str | None) -> str | None:
    """The kind of page `url` is; None when there is no usable http(s) URL."""
    if not url:
        return None
    try:
        parts = urlsplit(str(url).strip())
        host = (parts.hostname or "").lower().rstrip(".")
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not host:
        return None
    for domain, kind in domain_table():
        if host == domain or host.endswith("." + domain):
            return kind
    return "repost"
