"""Facts -> CSV files for `neo4j-admin database import full`: the graph the incremental loader
(`kg.load`) builds, written as files instead of statements.

The rows are `kg.load.GraphRows`' own — the same property mapping feeds both paths — and each
`kg.load.Write` says what its statement does, which is reproduced here:

* a CREATEd node or relationship is one CSV line: its `id` (nodes) or the keys of its CREATE
  pattern (relationships), then every property whose value is not null (`SET n += props` skips
  nulls on a new node);
* a MERGEd node (documents, entities) gets the properties of every row about it in order, a null
  removing the property (`SET n += props`), and the union of the labels: an entity is written once,
  after the last document (the only facts held until the end), a document when it is marked
  ingested (its last window), with its `sha256`;
* a passage's `PART_OF` relationship to its document;
* the counts the loader keeps in the graph (`kg.aggregates`: an indicator's coverage, an entity's
  mentions, documents and years) counted from the rows as `write_recount` would count them in the
  graph, and written with the indicators and entities (held to the end for it), so `finish` need
  not recount after the import; rows it does not follow leave the recount to `finish`.

Files are split by label set (relationship type) *and* by the property types of a line, so every
column has one type and a property keeps the type it would have had (`long`, `double`, `boolean`,
`string`, arrays of them). Every string is quoted (RFC 4180, `""` for a quote); array elements are
joined by U+001F (a `;` may be in a name or an alias); files holding a line break are listed for
`--multiline-fields` and kept below `MULTILINE_FILE_BYTES` (a file that would pass it is continued
in a new one with the same header). `import.json` in the folder names the files for `kg.neo4j_server`.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from kg import aggregates
from kg.load import GraphRows, Write, _addresses, _mention
from kg.stores.base import GraphStore
from schema.model import Facts

ARRAY_DELIMITER = "\x1f"  # given to the import tool as U+001F
# The import tool reads an empty array field as no property, where a `[]` parameter is stored as an
# empty array: an empty list is written as this one element, and `finish` makes it `[]` again.
EMPTY_LIST = "\x1e"
MANIFEST = "import.json"
# A file holding a line break is continued in a new file (same columns) before it passes this size.
# neo4j-admin (5.26, `--multiline-fields` v2) cuts such a file into chunks of its read buffer (4 Mi
# characters) by searching back from a chunk's end for a row's start, and that search fails ("Weird
# input data, found CR outside a text cell") when it meets a row whose first field is quoted, as every
# row here is (the id): a file smaller than the buffer is read whole and never searched. Bytes bound
# Java's characters (UTF-8: one to four bytes for one or two chars); a single longer line gets a file
# of its own, and `kg.neo4j_server` then makes the buffer larger than that file.
MULTILINE_FILE_BYTES = 3 << 20
_SCALAR = {bool: "boolean", int: "long", float: "double", str: "string"}


class BulkError(ValueError):
    """Facts that cannot be written as import CSV, with the document's file named."""


@dataclass
class _File:
    path: Path
    fh: IO[str]
    keys: tuple[str, ...] = ()  # the property columns, in order
    formats: tuple[Any, ...] = ()  # value -> field text, one a column (`_FORMAT`)
    lists: tuple[str, ...] = ()  # the list columns (an empty list is noted for `finish`)
    rows: int = 0
    multiline: bool = False
    size: int = 0  # bytes written, counted once the file is multiline (`MULTILINE_FILE_BYTES`)
    full: tuple = ()  # its key in `CsvGraphWriter._files`
    spec: tuple = ()  # the header's (head, columns), for a file continuing it


@dataclass
class BulkFiles:
    """What `CsvGraphWriter.close` wrote (also in `import.json`)."""

    folder: Path
    nodes: list[Path] = field(default_factory=list)
    relationships: list[Path] = field(default_factory=list)
    multiline: list[Path] = field(default_factory=list)
    node_count: int = 0
    relationship_count: int = 0
    max_field_bytes: int = 0
    empty_lists: set[tuple[str, str, str]] = field(default_factory=set)  # (nodes|relationships, label|type, key)
    counts: bool = False  # the counts kept in the graph (kg.aggregates) are in the files: no recount

    def manifest(self) -> dict[str, Any]:
        return {"nodes": [p.name for p in self.nodes], "relationships": [p.name for p in self.relationships],
                "multiline": [p.name for p in self.multiline], "node_count": self.node_count,
                "relationship_count": self.relationship_count, "max_field_bytes": self.max_field_bytes,
                "empty_lists": sorted(self.empty_lists), "counts": self.counts}


def _type(value: Any, where: str) -> str:
    """The import column type of a (non-null) property value."""
    if isinstance(value, (list, tuple)):
        kinds = {_SCALAR.get(type(v)) for v in value}
        if len(kinds) > 1 or None in kinds:
            raise BulkError(f"{where}: a list property must hold values of one type, not {value!r}")
        return (kinds.pop() if kinds else "string") + "[]"  # an empty list: [EMPTY_LIST], see `finish`
    kind = _SCALAR.get(type(value))
    if kind is None:
        raise BulkError(f"{where}: cannot write a {type(value).__name__} property ({value!r})")
    return kind


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"' if '"' in text else '"' + text + '"'


class _Unwritable(ValueError):
    """A value a column cannot hold; the caller names the element (`BulkError`)."""


def _float(value: float) -> str:
    if not math.isfinite(value):
        raise _Unwritable(f"the number {value!r} cannot be imported")
    return repr(value)


def _list(kind: str) -> Any:
    lower = kind == "boolean"

    def text(value: Any) -> str:
        items = [str(v) if not isinstance(v, float) else _float(v) for v in value]
        if items == [EMPTY_LIST] or any(ARRAY_DELIMITER in item for item in items):
            raise _Unwritable("a list element holds the character U+001F (the import files "
                              "put it between list elements) or is U+001E alone (an empty list)")
        if not items:
            return '"' + EMPTY_LIST + '"'
        return _quote(ARRAY_DELIMITER.join(v.lower() for v in items) if lower else ARRAY_DELIMITER.join(items))

    return text


# column type -> the function that writes a value of it as a CSV field
_FORMAT: dict[str, Any] = {"string": _quote, "long": str, "double": _float,
                           "boolean": lambda value: "true" if value else "false",
                           **{f"{kind}[]": _list(kind) for kind in _SCALAR.values()}}


class CsvGraphWriter:
    """Writes the facts of many documents, one `add` a document (or a window of a long one)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        if any(self.folder.iterdir()):
            raise BulkError(f"{self.folder}: the folder for the import CSV files must be empty")
        self._files: dict[tuple, _File] = {}
        self._continued: list[_File] = []  # multiline files replaced by a new one (`_fit`), closed
        self._made = 0  # files opened (their names' numbers)
        self._merged: dict[str, tuple[list[str], dict[str, Any], str]] = {}  # id -> labels, props, source
        self._out = BulkFiles(self.folder)
        # the counts `kg.aggregates.write_recount` would set after the import, counted here (`_count`):
        # an indicator's recommendations (matched and weak) and evidence passages, held with its node
        # until `close`; an entity's mentions by document, added up when the document is complete
        self._indicators: list[tuple[str, list[str], dict[str, Any], str]] = []
        self._coverage: dict[str, list[int]] = {}  # indicator id -> recommendations, weak, evidence
        self._pending: dict[str, dict[str, list[int]]] = {}  # document id -> entity id -> mentions, known
        self._entities: dict[str, list[Any]] = {}  # entity id -> d1..d4, mentions, known, docs, first, last
        self._counted = True  # False: rows this writer cannot count (then `finish` recounts)

    # --- rows -> lines -------------------------------------------------------------------------
    def add(self, facts: Facts, *, first: bool = True, last: bool = True) -> None:
        rows = GraphRows()
        rows.add(facts, first=first, last=last)
        self.add_rows(rows, facts.document.path)

    def add_rows(self, rows: GraphRows, source: str) -> None:
        """The rows of one document (or window), `source` naming its file in errors."""
        self._count(rows)
        for write, batch in rows.rows.items():
            if write.is_node:
                self._nodes(write, batch, source)
            else:
                self._relationships(write, batch, source)
        for row in rows.final:  # the document is complete: it is written with its sha256
            labels, props, _ = self._merged.pop(row["id"])
            props["sha256"] = row["sha256"]
            self._document_counted(row["id"], props)
            self._node(row["id"], labels, props, source)

    def _nodes(self, write: Write, batch: list[dict[str, Any]], source: str) -> None:
        for row in batch:
            if write.merge:
                labels, props, _ = self._merged.setdefault(row["id"], ([], {}, source))
                labels.extend(label for label in write.labels if label not in labels)
                for key, value in row["props"].items():
                    if value is None:
                        props.pop(key, None)
                    else:
                        props[key] = value
                continue
            if "Indicator" in write.labels:  # written with its counts, at the end
                self._indicators.append((row["id"], list(write.labels), row["props"], source))
                continue
            self._node(row["id"], list(write.labels), row["props"], source)
            if write.part_of:
                self._relationship(row["id"], row[write.part_of], "PART_OF", {}, source)

    def _relationships(self, write: Write, batch: list[dict[str, Any]], source: str) -> None:
        for row in batch:
            props = {key: row[key] for key in write.keys}
            props.update(row.get("props", {}))  # SUPPORTED_BY, CONCERNS: none
            self._relationship(row[write.start], row[write.end], write.type, props, source)

    def _node(self, node_id: str, labels: list[str], props: dict[str, Any], source: str) -> None:
        columns = _columns(props, source, ("node", node_id))
        key = ("nodes", tuple(labels), columns)
        f = self._files.get(key) or self._file(key, ["id:ID", ":LABEL"], columns)
        self._line(f, [_quote(node_id), _quote(ARRAY_DELIMITER.join(labels))], props, "nodes", labels[0],
                   source, ("node", node_id))
        self._out.node_count += 1

    def _relationship(self, start: str, end: str, rtype: str, props: dict[str, Any], source: str) -> None:
        columns = _columns(props, source, (rtype, start, end)) if props else ()
        key = ("relationships", rtype, columns)
        f = self._files.get(key) or self._file(key, [":START_ID", ":END_ID", ":TYPE"], columns)
        self._line(f, [_quote(start), _quote(end), _quote(rtype)], props, "relationships", rtype,
                   source, (rtype, start, end))
        self._out.relationship_count += 1

    # --- files ---------------------------------------------------------------------------------
    def _file(self, full: tuple, head: list[str], columns: tuple[tuple[str, str], ...]) -> _File:
        kind = full[0]
        path = self.folder / f"{kind}-{self._made:04d}.csv"
        self._made += 1
        f = _File(path, open(path, "w", encoding="utf-8", newline=""), tuple(k for k, _ in columns),
                  tuple(_FORMAT[t] for _, t in columns), tuple(k for k, t in columns if t.endswith("[]")),
                  full=full, spec=(head, columns))
        f.fh.write(",".join([*head, *(f"{k}:{t}" for k, t in columns)]) + "\n")
        self._files[full] = f
        (self._out.nodes if kind == "nodes" else self._out.relationships).append(path)
        return f

    def _line(self, f: _File, head: list[str], props: dict[str, Any], kind: str, name: str, source: str,
              what: tuple[str, ...]) -> None:
        """One line: `head` (the id and label fields, or the start, end and type), then the values of
        the file's columns. Notes a line break (`--multiline-fields`), the longest field (the
        reader's buffer) and the empty lists (`finish`)."""
        try:
            fields = [*head, *[fmt(props[k]) for k, fmt in zip(f.keys, f.formats)]] if f.keys else head
        except _Unwritable as exc:
            raise BulkError(f"{source}: {_what(what)}: {exc}") from None
        line = ",".join(fields)
        if f.multiline or "\n" in line or "\r" in line:
            f = self._fit(f, len(line.encode("utf-8")) + 1)
        # a field's UTF-8 length is at most 4 bytes a character: only a line that long can hold a longer field
        if 4 * len(line) > self._out.max_field_bytes:
            self._out.max_field_bytes = max(self._out.max_field_bytes, max(len(x.encode("utf-8")) for x in fields))
        for key in f.lists:
            if not props[key]:
                self._out.empty_lists.add((kind, name, key))
        f.fh.write(line + "\n")
        f.rows += 1

    def _fit(self, f: _File, size: int) -> _File:
        """The file a line of `size` bytes goes into, when the line holds a line break or `f` does:
        `f`, or a new file with its columns if `f` would pass `MULTILINE_FILE_BYTES` (a file that
        held no line break stays as it is, read the fast way)."""
        now = f.size if f.multiline else f.fh.tell()  # text mode, UTF-8: the bytes written
        if f.rows and now + size > MULTILINE_FILE_BYTES:
            f.fh.close()
            self._continued.append(f)
            f = self._file(f.full, *f.spec)
            now = f.fh.tell()
        f.multiline, f.size = True, now + size
        return f

    def close(self) -> BulkFiles:
        """Write the entities (and any document never marked ingested), close the files, write the
        manifest; the folder is then ready for `kg.neo4j_server.import_database`."""
        for node_id, (labels, props, source) in self._merged.items():
            if "Document" in labels:
                self._document_counted(node_id, props)
        for node_id, (labels, props, source) in self._merged.items():
            if self._counted and node_id in self._entities and "Entity" in labels:
                props = {**props, **self._entity_counts(self._entities[node_id])}
            self._node(node_id, labels, props, source)
        self._merged.clear()
        for node_id, labels, props, source in self._indicators:
            if self._counted and node_id in self._coverage:
                props = {**props, **dict(zip(("coverage_recommendations", "coverage_weak", "coverage_evidence"),
                                             self._coverage[node_id]))}
            self._node(node_id, labels, props, source)
        self._indicators.clear()
        self._out.counts = self._counted
        for f in [*self._continued, *self._files.values()]:
            f.fh.close()
            if f.multiline:
                self._out.multiline.append(f.path)
        (self.folder / MANIFEST).write_text(json.dumps(self._out.manifest(), indent=1) + "\n", encoding="utf-8")
        return self._out

    # --- the kept counts (kg.aggregates) -------------------------------------------------------------
    def _count(self, rows: GraphRows) -> None:
        """Count what `aggregates.RECOUNT` and `ENTITY_RECOUNT` would count of a document's (window's)
        rows: its recommendations and their passages belong to it, so its counts are added to the
        others'; anything this does not follow (a review mark, a mention of a passage of another
        batch) leaves the counts to `finish`."""
        if not self._counted:
            return
        passages: dict[str, str] = {}  # passage id -> document id
        support: dict[str, set[str]] = {}  # recommendation id -> passages
        for write, batch in rows.rows.items():
            if write.part_of:
                passages.update((row["id"], row[write.part_of]) for row in batch)
            elif write.type == "SUPPORTED_BY":
                for row in batch:
                    support.setdefault(row[write.start], set()).add(row[write.end])
            elif "Recommendation" in write.labels and any("review" in row["props"] for row in batch):
                self._counted = False
                return
        entity_mentions, indicator_links = _mention("Entity"), _addresses("Indicator")
        coverage: dict[str, tuple[set[str], set[str], set[str]]] = {}
        for write, batch in rows.rows.items():
            if write == entity_mentions:
                for row in batch:
                    doc = passages.get(row[write.start])
                    if doc is None:
                        self._counted = False
                        return
                    counts = self._pending.setdefault(doc, {}).setdefault(row[write.end], [0, 0])
                    counts[0] += 1
                    counts[1] += row["props"].get("source") in aggregates.KNOWN_SOURCES
            elif write == indicator_links:
                for row in batch:
                    props = row["props"]
                    if "review" in props:
                        self._counted = False
                        return
                    matched, weak, evidence = coverage.setdefault(row[write.end], (set(), set(), set()))
                    rec = row[write.start]
                    if props.get("matched"):
                        matched.add(rec)
                        evidence.update(support.get(rec, ()))
                    else:
                        weak.add(rec)
        for indicator, sets in coverage.items():
            total = self._coverage.setdefault(indicator, [0, 0, 0])
            for i, found in enumerate(sets):
                total[i] += len(found)

    def _document_counted(self, doc_id: str, props: dict[str, Any]) -> None:
        """A complete document: its entities' mentions added to their counts, with its research
        directions and year."""
        pending = self._pending.pop(doc_id, None)
        if not pending or not self._counted:
            return
        directions, year = props.get("directions") or [], props.get("year")
        flags = [int(x in directions) for x in aggregates.DIRECTIONS]
        for entity, (mentions, known) in pending.items():
            c = self._entities.setdefault(entity, [0, 0, 0, 0, 0, 0, 0, None, None])
            for i, flag in enumerate(flags):
                c[i] += flag
            c[4] += mentions
            c[5] += known
            c[6] += 1
            if year is not None:
                c[7] = year if c[7] is None else min(c[7], year)
                c[8] = year if c[8] is None else max(c[8], year)

    @staticmethod
    def _entity_counts(c: list[Any]) -> dict[str, Any]:
        """An entity's counts as `aggregates.write_recount` sets them (a year of 0 or none: no property)."""
        counts = dict(zip(aggregates.ADDED.values(), c[:7]))
        for (key, prop), year in zip(aggregates.YEARS.items(), c[7:]):
            if year:
                counts[prop] = year
        return counts

    def abort(self) -> None:
        for f in [*self._continued, *self._files.values()]:
            f.fh.close()


def _columns(props: dict[str, Any], source: str, what: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """The (key, column type) of the properties that are not null, by key."""
    columns = []
    for key in sorted(props):
        value = props[key]
        if value is None:
            continue
        kind = _SCALAR.get(value.__class__)
        columns.append((key, kind if kind is not None else _type(value, f"{source}: {_what(what)} property {key}")))
    return tuple(columns)


def _what(what: tuple[str, ...]) -> str:
    """The element an error is about: ("node", id) or (type, start, end), made only for an error."""
    return f"node {what[1]}" if what[0] == "node" else f"{what[0]} {what[1]} -> {what[2]}"


def finish(store: GraphStore, files: BulkFiles | Path) -> None:
    """After the import: every empty list written as `[EMPTY_LIST]` becomes `[]` again (in bounded
    transactions). `files` is what `CsvGraphWriter.close` returned, or the folder it wrote."""
    if isinstance(files, Path):
        manifest = json.loads((files / MANIFEST).read_text(encoding="utf-8"))
        wanted, counted = [tuple(x) for x in manifest["empty_lists"]], manifest.get("counts", False)
    else:
        wanted, counted = sorted(files.empty_lists), files.counts
    for kind, name, key in wanted:
        pattern = f"(n:`{name}`)" if kind == "nodes" else f"()-[n:`{name}`]->()"
        query = (f"MATCH {pattern} WHERE n.`{key}` = $marker WITH n LIMIT 20000 "
                 f"SET n.`{key}` = [] RETURN count(*) AS c")
        while store.write(query, {"marker": [EMPTY_LIST]})[0]["c"]:
            pass
    # the counts the loader keeps in the graph (kg.aggregates), when the writer could not count them
    if not counted:
        aggregates.write_recount(store)
