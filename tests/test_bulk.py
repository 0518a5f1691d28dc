"""`kg ingest --bulk` against a real Neo4j of its own (no mocks): the CSV files of `kg.bulk`,
imported by `neo4j-admin database import`, give the graph the incremental loader gives."""
from __future__ import annotations

import csv
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg import neo4j_server as ns
from kg.bulk import BulkFiles, CsvGraphWriter, finish
from kg.cli import app
from kg.load import load_facts
from kg.stores.embedded import EmbeddedStore
from kg.stores.neo4j_store import Neo4jStore
from schema.model import Document, Entity, Evidence, Facts, Mention, Passage, Relation
from tests.conftest import OWN_SERVER_MARKS, SEED

pytestmark = OWN_SERVER_MARKS
RUNNER = CliRunner()
SEED_PATHS = [str(SEED / "guide-2020.txt"), str(SEED / "documents")]
# the guide and every fourth seed document (75 of 300, spread over the corpus): bulk and incremental must agree
# on any set, and a quarter keeps two full extractions of it out of the suite's slowest tests
SAMPLE_PATHS = [str(SEED / "guide-2020.txt"), *sorted(str(p) for p in (SEED / "documents").glob("*.md"))[::4]]


def kg(*args: str, env: dict[str, str | None], code: int = 0, stdout: bool = False) -> str:
    result = RUNNER.invoke(app, list(args), env=env)
    assert result.exit_code == code, f"kg {' '.join(args)} exited {result.exit_code}:\n{result.output}"
    return result.stdout if stdout else result.output


def _env(**settings: str) -> dict[str, str | None]:
    unset: dict[str, str | None] = {k: None for k in os.environ if k.startswith(("NEO4J_", "KG_"))}
    return {**unset, **settings}


HOSTILE = ('He said "hi", then ""twice"", a lone " and \\"escaped\\"; semi;colon, comma,\ttab\n'
           'a new line\r\nCRLF, 🙂 emoji,  two  spaces , trailing space \n'
           ',"starts with a comma and quote\n"\n'
           '\\ backslash at the end\\')


def hostile_facts() -> Facts:
    text = HOSTILE
    doc = Document(id=Document.make_id("hostile"), path='hostile "file", with; odd\tname.md',
                   title='Title "quoted", with; semi\tand tab', kind="policy", issuers=('a;b', 'c,"d"', ''),
                   date=None, sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, directions=(),
                   metadata_warnings=('warn "one"; two', 'line\nbreak'))
    lines, start, passages = text.split("\n"), 0, []
    for i, line in enumerate(lines):
        passages.append(Passage(id=Passage.make_id(doc.id, start, start + len(line)), doc_id=doc.id, index=i,
                                paragraph=i, start=start, end=start + len(line), text=line,
                                search=line.lower() if i else ""))
        start += len(line) + 1
    name = 'Soc "A", B; C\tD'
    ent = Entity(id=Entity.make_id("Agency", name), label="Agency", name=name,
                 aliases=('x;y', 'a,b', '"q"', ' sp ', 'tab\there'), search='soc "a", b; c')
    other = Entity(id=Entity.make_id("Policy", "plain"), label="Policy", name="plain")  # aliases () -> []
    p = passages[0]
    mentions = (Mention(type="Agency", text=text[14:18], start=14, end=18, entity_id=ent.id, passage_id=p.id),
                Mention(type="Policy", text=text[0:2], start=0, end=2, entity_id=other.id, passage_id=p.id))
    rel = Relation(type="ISSUED", head_id=ent.id, tail_id=other.id, head_label="Agency", tail_label="Policy",
                   head='"hi"', tail="He", evidence=Evidence(passage_id=p.id, start=p.start, end=p.end,
                                                             extractor='x "y"; z', confidence=0.25))
    return Facts(document=doc, passages=tuple(passages), entities=(ent, other), mentions=mentions, relations=(rel,))


def long_documents(count: int = 40, lines: int = 70) -> list[Facts]:
    """Documents whose texts (line breaks, quotes, commas) add up to more than 4 Mi characters,
    the import tool's read buffer: one passage each, so that only the document file is large."""
    facts = []
    for n in range(count):
        text = "\n".join(f'第{n}篇第{i}段 "quoted", comma, ' + "学会承接政府转移职能 plain words " * 70
                         for i in range(lines))
        doc = Document(id=Document.make_id(f"long-{n}"), path=f"long-{n}.txt", title=f"Long {n}", kind="policy",
                       sha256=hashlib.sha256(text.encode()).hexdigest(), text=text)
        end = text.index("\n")
        passage = Passage(id=Passage.make_id(doc.id, 0, end), doc_id=doc.id, index=0, paragraph=0, start=0,
                          end=end, text=text[:end], search=text[:end].lower())
        facts.append(Facts(document=doc, passages=(passage,)))
    return facts


@dataclass
class Imported:
    """The hostile document and the long ones, written as CSV and imported by neo4j-admin into the module's server
    (one import, one restart, for both tests below), and loaded into an embedded store by the incremental path; what
    the tests check is read at once, so another test of the module may replace the database afterwards."""
    before: ns.ServerInfo
    info: ns.ServerInfo
    hostile: Facts
    long: list[Facts]
    files: BulkFiles
    hostile_document: dict
    aliases: list
    hostile_passages: list[str]
    long_texts: dict[str, str]
    stats: tuple[dict, dict]  # Neo4j's, the embedded store's
    digests: tuple[str, str]


@pytest.fixture(scope="module")
def imported(own_server: tuple[Path, ns.ServerInfo], tmp_path_factory: pytest.TempPathFactory) -> Imported:
    data_dir, before = own_server
    work = tmp_path_factory.mktemp("imported")
    hostile, long = hostile_facts(), long_documents()
    writer = CsvGraphWriter(work / "csv")
    for f in [hostile, *long]:
        writer.add(f)
    files = writer.close()
    info = ns.import_database(data_dir, work / "csv")
    embedded = EmbeddedStore(work / "graph.kgl", writer=True)
    with Neo4jStore(info.uri, info.user, info.password) as store, embedded:
        store.apply_schema()
        finish(store, files)
        embedded.apply_schema()
        load_facts(embedded, [hostile, *long])
        return Imported(
            before, info, hostile, long, files,
            hostile_document=store.read(
                "MATCH (d:Document {id: $id}) RETURN d.text AS text, d.title AS title, d.issuers AS issuers, "
                "d.directions AS directions, d.metadata_warnings AS warnings", {"id": hostile.document.id})[0],
            aliases=store.read("MATCH (e:Agency) RETURN e.aliases AS a")[0]["a"],
            hostile_passages=[r["t"] for r in store.read("MATCH (p:Passage {doc_id: $id}) RETURN p.text AS t",
                                                          {"id": hostile.document.id})],
            long_texts={r["id"]: r["text"] for r in store.read(
                "MATCH (d:Document) WHERE d.id IN $ids RETURN d.id AS id, d.text AS text",
                {"ids": [f.document.id for f in long]})},
            stats=(store.stats(), embedded.stats()),
            digests=(store.content_digest(), embedded.content_digest()))


def test_hostile_text_round_trips(imported: Imported) -> None:
    facts = imported.hostile
    assert imported.info.bolt_port == imported.before.bolt_port  # restarted where it was: NEO4J_URI still holds
    assert imported.hostile_document == {"text": HOSTILE, "title": facts.document.title,
                                         "issuers": ['a;b', 'c,"d"', ''], "directions": [],
                                         "warnings": ['warn "one"; two', 'line\nbreak']}
    assert imported.aliases == list(facts.entities[0].aliases)
    assert sorted(imported.hostile_passages) == sorted(HOSTILE.split("\n"))
    assert imported.stats[0] == imported.stats[1]
    assert imported.digests[0] == imported.digests[1]


def test_multiline_file_larger_than_the_read_buffer(imported: Imported) -> None:
    """neo4j-admin's multi-line reader (5.26, `--multiline-fields` v2) splits a file into chunks of
    the read buffer (4 Mi characters) by searching back from a chunk's end for the start of a row,
    and fails ("found CR outside a text cell") when that search meets a row whose first field is
    quoted — every row here: a file with line breaks must fit in one chunk."""
    facts, files = imported.long, imported.files
    assert sum(len(f.document.text) for f in facts) > 4 << 20
    assert imported.long_texts == {f.document.id: f.document.text for f in facts}
    assert imported.stats[0] == imported.stats[1] and imported.stats[0]["labels"]["Document"] == len(facts) + 1
    assert imported.digests[0] == imported.digests[1]
    assert len(files.multiline) > 1 and all(p.stat().st_size < 4 << 20 for p in files.multiline)


def test_multiline_files_are_continued(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The writer alone, with a small limit: a file holding line breaks is continued in new files with
    its header, each under the limit unless one line is longer; the lines are those written."""
    from kg import bulk

    monkeypatch.setattr(bulk, "MULTILINE_FILE_BYTES", 100_000)
    facts = long_documents(count=12, lines=8)  # ~45 KB of text a document
    facts.append(long_documents(count=13, lines=40)[-1])  # one line longer than the limit (~120 KB)
    writer = CsvGraphWriter(tmp_path / "csv")
    for f in facts:
        writer.add(f)
    facts.append(hostile_facts())  # files of new columns, opened after others were continued
    writer.add(facts[-1])
    files = writer.close()
    names = [p.name for p in files.nodes + files.relationships]
    assert len(set(names)) == len(names) == len(list((tmp_path / "csv").glob("*.csv")))
    by_header: dict[str, list[Path]] = {}
    for p in files.multiline:
        by_header.setdefault(p.open(encoding="utf-8").readline(), []).append(p)
    docs = max(by_header.values(), key=len)  # the documents' files, in order
    assert len(docs) > 3 and max(p.stat().st_size for p in docs) > 100_000
    texts = []
    for p in docs:
        with open(p, encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        assert p.stat().st_size <= 100_000 or len(rows) == 2, p
        texts += [row[rows[0].index("text:string")] for row in rows[1:]]
    assert texts == [f.document.text for f in facts]
    assert json.loads((tmp_path / "csv" / "import.json").read_text())["multiline"] == [p.name for p in files.multiline]


def test_bulk_ingest_gives_the_incremental_graph(own_server: tuple[Path, ns.ServerInfo], tmp_path: Path) -> None:
    data_dir, info = own_server
    neo = _env(KG_STORE="neo4j", KG_DATA_DIR=str(data_dir), NEO4J_URI=info.uri, NEO4J_USER=info.user,
               NEO4J_PASSWORD=info.password)
    emb = _env(KG_STORE="embedded", KG_DATA_DIR=str(tmp_path / "embedded"))
    printed = kg("ingest", "--bulk", "--csv-dir", str(tmp_path / "csv"), *SAMPLE_PATHS, env=neo)
    assert "imported" in printed and "support:" in printed and "another port" not in printed
    assert json.loads((tmp_path / "csv" / "import.json").read_text())["node_count"] > 1000
    kg("ingest", *SAMPLE_PATHS, env=emb)
    assert json.loads(kg("stats", "--json", env=neo, stdout=True)) == \
        json.loads(kg("stats", "--json", env=emb, stdout=True))
    kg("check", env=neo)
    with Neo4jStore(info.uri, info.user, info.password) as store, \
            EmbeddedStore(tmp_path / "embedded" / "graph.kgl") as embedded:
        assert store.content_digest() == embedded.content_digest()


def test_bulk_refuses_other_stores(tmp_path: Path) -> None:
    out = kg("ingest", "--bulk", *SEED_PATHS, env=_env(KG_STORE="embedded", KG_DATA_DIR=str(tmp_path)), code=1)
    assert "KG_STORE=neo4j" in out
    out = kg("ingest", "--bulk", *SEED_PATHS, code=1,
             env=_env(KG_STORE="neo4j", KG_DATA_DIR=str(tmp_path), NEO4J_URI="bolt://127.0.0.1:1",
                      NEO4J_PASSWORD="x" * 8))
    assert "kg neo4j start" in out
