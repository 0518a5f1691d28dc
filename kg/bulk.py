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
* a passage's `PART_OF` relationship to its document.

The counts the loader keeps in the graph (`kg.aggregates`) are set by `finish`, after the import, by
the same recount `kg check` compares them with.

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
from kg.load import GraphRows, Write
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

    def manifest(self) -> dict[str, Any]:
        return {"nodes": [p.name for p in self.nodes], "relationships": [p.name for p in self.relationships],
                "multiline": [p.name for p in self.multiline], "node_count": self.node_count,
                "relationship_count": self.relationship_count, "max_field_bytes": self.max_field_bytes,
                "empty_lists": sorted(self.empty_lists)}


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

    # --- rows -> lines -------------------------------------------------------------------------
    def add(self, facts: Facts, *, first: bool = True, last: bool = True) -> None:
        rows = GraphRows()
        rows.add(facts, first=first, last=last)
        self.add_rows(rows, facts.document.path)

    def add_rows(self, rows: GraphRows, source: str) -> None:
        """The rows of one document (or window), `source` naming its file in errors."""
        for write, batch in rows.rows.items():
            if write.is_node:
                self._nodes(write, batch, source)
            else:
                self._relationships(write, batch, source)
        for row in rows.final:  # the document is complete: it is written with its sha256
            labels, props, _ = self._merged.pop(row["id"])
            props["sha256"] = row["sha256"]
            props["extracted_by"] = row["extracted_by"]
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
            self._node(node_id, labels, props, source)
        self._merged.clear()
        for f in [*self._continued, *self._files.values()]:
            f.fh.close()
            if f.multiline:
                self._out.multiline.append(f.path)
        (self.folder / MANIFEST).write_text(json.dumps(self._out.manifest(), indent=1) + "\n", encoding="utf-8")
        return self._out

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
        wanted = [tuple(x) for x in manifest["empty_lists"]]
    else:
        wanted = sorted(files.empty_lists)
    for kind, name, key in wanted:
        pattern = f"(n:`{name}`)" if kind == "nodes" else f"()-[n:`{name}`]->()"
        query = (f"MATCH {pattern} WHERE n.`{key}` = $marker WITH n LIMIT 20000 "
                 f"SET n.`{key}` = [] RETURN count(*) AS c")
        while store.write(query, {"marker": [EMPTY_LIST]})[0]["c"]:
            pass
    # the counts the loader keeps in the graph (kg.aggregates): the importer writes the rows only
    aggregates.write_recount(store)
