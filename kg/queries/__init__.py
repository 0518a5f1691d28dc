"""The library of named Cypher queries: one `.cypher` file a query, shared by both stores.

A file starts with comment lines that describe it:

    // description: what the query answers, in one line
    // param NAME: TYPE [= DEFAULT] — help

TYPE is one of str, int, float, bool. Parameters without a default are required.
"""
from __future__ import annotations

import re
from functools import cache
from typing import Any

from pydantic import BaseModel

from seed_data import DataError, resource

QUERY_DIR = resource(package=__name__)  # the .cypher files beside this module, shipped as package data
_PARAM = re.compile(r"^//\s*param\s+(\w+)\s*:\s*(str|int|float|bool)\s*(?:=\s*(.*?))?\s*(?:—\s*(.*))?$")
_CASTS = {"str": str, "int": int, "float": float, "bool": lambda v: str(v).lower() in {"1", "true", "yes"}}


class QueryParam(BaseModel):
    name: str
    type: str
    default: Any = None
    required: bool = True
    help: str = ""

    def cast(self, value: Any) -> Any:
        try:
            return _CASTS[self.type](value)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"parameter {self.name!r} must be {self.type}, got {value!r}") from exc


class NamedQuery(BaseModel):
    name: str
    description: str
    params: list[QueryParam]
    cypher: str

    def bind(self, given: dict[str, Any]) -> dict[str, Any]:
        """Check and cast the given parameters, filling defaults; unknown names are an error."""
        known = {p.name: p for p in self.params}
        unknown = set(given) - set(known)
        if unknown:
            raise ValueError(f"query {self.name!r} has no parameter {', '.join(sorted(unknown))}; "
                             f"it takes: {', '.join(known) or 'none'}")
        bound: dict[str, Any] = {}
        for p in self.params:
            if p.name in given:
                bound[p.name] = p.cast(given[p.name])
            elif p.required:
                raise ValueError(f"query {self.name!r} needs parameter {p.name!r} ({p.type}): {p.help}")
            else:
                bound[p.name] = p.default
        return bound


def parse(name: str, text: str) -> NamedQuery:
    description = ""
    params: list[QueryParam] = []
    body: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("// description:"):
            description = stripped.split(":", 1)[1].strip()
        elif (m := _PARAM.match(stripped)):
            pname, ptype, default, help_ = m.groups()
            param = QueryParam(name=pname, type=ptype, help=help_ or "", required=default is None)
            if default is not None:
                param.default = param.cast(default.strip('"'))
            params.append(param)
        elif stripped.startswith("//"):
            continue
        else:
            body.append(line)
    if not description:
        raise ValueError(f"{name}.cypher has no '// description:' line")
    return NamedQuery(name=name, description=description, params=params, cypher="\n".join(body).strip())


@cache
def library() -> dict[str, NamedQuery]:
    found = {p.stem: parse(p.stem, p.read_text(encoding="utf-8")) for p in sorted(QUERY_DIR.glob("*.cypher"))}
    if not found:
        raise DataError(f"{QUERY_DIR}: no .cypher files (left out of the wheel? pyproject.toml's package-data)")
    return found


def get(name: str) -> NamedQuery:
    queries = library()
    if name not in queries:
        raise KeyError(f"no named query {name!r}; known: {', '.join(queries)}")
    return queries[name]


def run(store: Any, name: str, *, timeout_s: float | None = None, **params: Any) -> list[dict[str, Any]]:
    """Run a named query on a store (read-only) with checked parameters, stopped after
    `timeout_s` seconds when given (the CLI and the dashboard give KG_QUERY_TIMEOUT_S)."""
    query = get(name)
    return store.read(query.cypher, query.bind(params), timeout_s=timeout_s)
