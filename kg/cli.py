"""The `kg` command line: the core commands here, and the commands other packages plug in
(`kg serve`, `kg bench`: entry points of the group `kg.commands`, see kg.plugins). Every failure a
user can cause ends in one clear line and a non-zero exit, never a stack trace."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from kg import queries
from kg.plugins import add_plugins
from kg.stores import GraphStore, open_store
from kg.stores.base import QueryLimits
from kg.terminal import controls_escaped, err, fail, friendly, out, print_json, shown
from schema.settings import load_settings
from schema.vocabulary import ENTITY_LABELS

app = typer.Typer(help="科技社团知识图谱 — knowledge graph of Chinese S&T societies, policies and recommendations.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
neo4j_app = typer.Typer(help="Run a local Neo4j 5.26 server fetched from Maven Central (no Docker).",
                        no_args_is_help=True)
app.add_typer(neo4j_app, name="neo4j")
review_app = typer.Typer(help="Drafters' decisions about facts: verify, reject, correct; they survive re-ingest.",
                         no_args_is_help=True)
app.add_typer(review_app, name="review")

def _print_rows(rows: list[dict[str, Any]], as_json: bool) -> None:
    if as_json:
        for row in rows:
            print_json(row)
        return
    if not rows:
        out.print("(no rows)")
        return
    table = Table(show_lines=False)
    columns = list(rows[0])
    for column in columns:
        table.add_column(Text(controls_escaped(column)), overflow="fold")
    for row in rows:  # stored text as Text: no console markup, link or emoji code of a document's is acted on
        table.add_row(*[Text(controls_escaped(v if isinstance(v, str) else json.dumps(v, ensure_ascii=False, default=str)))
                        for v in (row.get(c) for c in columns)])
    out.print(table)
    out.print(f"{len(rows)} rows")


# --- graph core -----------------------------------------------------------------------------

@app.command()
@friendly
def init() -> None:
    """Create the constraints and indexes of the graph model (idempotent)."""
    with open_store(writer=True) as store:
        store.apply_schema()
        out.print(f"schema applied on {store.describe()}")


@app.command()
@friendly
def stats(as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False) -> None:
    """Count nodes per label and relationships per type."""
    with open_store() as store:
        result = store.stats()
    if as_json:
        print_json(result)
        return
    table = Table("label / type", "count")
    for key, count in result["labels"].items():
        table.add_row(f":{key}", str(count))
    for key, count in result["relationships"].items():
        table.add_row(f"[{key}]", str(count))
    out.print(table)


def _parse_params(pairs: list[str]) -> dict[str, str]:
    params = {}
    for pair in pairs:
        if "=" not in pair:
            raise ValueError(f"--param expects k=v, got {pair!r}")
        key, value = pair.split("=", 1)
        params[key.strip()] = value
    return params


@app.command()
@friendly
def query(
    name: Annotated[str, typer.Argument(help="a named query; `kg query --list` shows them")] = "",
    param: Annotated[list[str], typer.Option("--param", "-p", help="k=v, repeatable")] = [],  # noqa: B006
    as_json: Annotated[bool, typer.Option("--json", help="one JSON object per row")] = False,
    list_: Annotated[bool, typer.Option("--list", help="list the named queries")] = False,
) -> None:
    """Run a named query from the library (read-only)."""
    if list_ or not name:
        table = Table("name", "parameters", "description")
        for q in queries.library().values():
            params = ", ".join(f"{p.name}:{p.type}" + ("" if p.required else f"={p.default!r}") for p in q.params)
            table.add_row(q.name, params, q.description)
        out.print(table)
        return
    with open_store() as store:
        rows = queries.run(store, name, timeout_s=load_settings().kg_query_timeout_s, **_parse_params(param))
    _print_rows(rows, as_json)


@app.command()
@friendly
def cypher(
    statement: Annotated[str, typer.Argument(help="a Cypher statement")],
    param: Annotated[list[str], typer.Option("--param", "-p", help="k=v (strings), repeatable")] = [],  # noqa: B006
    write: Annotated[bool, typer.Option("--write", help="allow changes to the graph")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="one JSON object per row")] = False,
) -> None:
    """Run Cypher: read-only (enforced by the engine) unless --write. A read is bounded in time,
    rows and memory (KG_QUERY_TIMEOUT_S, KG_QUERY_MAX_ROWS, KG_QUERY_MAX_MEMORY_MB)."""
    params = _parse_params(param)
    with open_store(writer=write) as store:
        if write:
            _print_rows(store.write(statement, params), as_json)
            return
        result = store.read_bounded(statement, params, QueryLimits.from_settings(load_settings()))
    _print_rows(result.rows, as_json)
    if result.truncated:
        err.print(f"[yellow]注意 / note:[/] only the first {len(result.rows):,} rows are shown "
                  "(KG_QUERY_MAX_ROWS raises the cap)", highlight=False)


@app.command()
@friendly
def check(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Verify the invariants: spans equal their text, evidence everywhere, no orphans or duplicates."""
    from kg.check import run_checks

    with open_store() as store:
        results = run_checks(store)
    if as_json:
        print_json([{"check": r.name, "violations": r.violations, "sample": r.sample} for r in results])
    else:
        for r in results:
            mark = (f"[yellow]! {r.violations}[/]" if r.report_only and r.violations
                    else "[green]✓[/]" if r.ok else f"[red]✗ {r.violations}[/]")
            out.print(f"{mark} {r.name}")
            for row in r.sample:
                out.print(f"    {json.dumps(row, ensure_ascii=False, default=str)}")
    if not all(r.ok for r in results):
        raise typer.Exit(1)


# --- extraction and ingest -------------------------------------------------------------------

@app.command()
@friendly
def ingest(
    paths: Annotated[list[str], typer.Argument(help="files or folders (txt, md, docx, pdf, html)")],
    prune: Annotated[bool, typer.Option("--prune", help="remove documents whose files under PATHS are gone")] = False,
    replace: Annotated[bool, typer.Option("--replace", help="let a file replace a stored document of the same id "
                                                             "that came from another file")] = False,
    bulk: Annotated[bool, typer.Option("--bulk", help="replace the whole database of the Neo4j that `kg neo4j start` "
                                                       "runs here with PATHS, through neo4j-admin database import "
                                                       "(fast for large loads; the same graph)")] = False,
    csv_dir: Annotated[Path | None, typer.Option("--csv-dir", help="with --bulk: write (and keep) the import CSV "
                                                                    "files in this empty folder")] = None,
) -> None:
    """Load documents into the configured store, incrementally (unchanged files are skipped), or
    with --bulk into a fresh local Neo4j database."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    if not bulk and csv_dir is not None:
        raise fail("--csv-dir goes with --bulk")
    if bulk and (prune or replace):
        raise fail("--bulk replaces the whole database with PATHS: --prune and --replace do not apply")
    with Progress(
        TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TextColumn("{task.description}"), console=err, transient=True,
    ) as bar:
        task = bar.add_task("", total=None)

        def progress(path: str, total: int) -> None:
            bar.update(task, total=total, advance=1, description=Path(path).name)

        if bulk:
            report = _ingest_bulk(paths, progress, csv_dir)
        else:
            from kg.ingest import ingest as run_ingest

            with open_store(writer=True) as store:
                report = run_ingest(store, paths, prune=prune, progress=progress, replace=replace)
    for warning in report.warnings:
        err.print(f"[yellow]警告 / warning:[/] {shown(warning)}", highlight=False, soft_wrap=True)
    for path, reason in report.rejected:
        err.print(f"[red]拒绝 / rejected:[/] {shown(path)}: {shown(reason)}", highlight=False, soft_wrap=True)
    out.print(report.summary(), highlight=False)
    if report.support:
        sup = report.support
        out.print(f"support: {sup.evidenced_by} EVIDENCED_BY links ({sup.supported} of {sup.recommendations} "
                  f"recommendations), {sup.same_measure} SAME_MEASURE pairs (+{sup.added} −{sup.removed})",
                  highlight=False)
    if report.rejected:
        raise typer.Exit(1)


def _ingest_bulk(paths: list[str], progress: Any, csv_dir: Path | None) -> Any:
    from kg.ingest_bulk import BulkRefused, bulk_ingest
    from kg.neo4j_server import Neo4jServerError

    settings = load_settings()
    try:
        report, files, info = bulk_ingest(settings, paths, progress=progress, csv_dir=csv_dir)
    except (BulkRefused, Neo4jServerError) as exc:
        raise fail(str(exc)) from None
    out.print(f"imported {files.node_count:,} nodes and {files.relationship_count:,} relationships "
              f"into {info.uri}" + (f" (CSV files kept in {csv_dir})" if csv_dir else ""), highlight=False)
    if info.uri != settings.neo4j_uri:
        report.warnings.append(f"the server came back on another port: NEO4J_URI={info.uri}")
    return report


@app.command()
@friendly
def extract(
    paths: Annotated[list[str], typer.Argument(help="files or folders")],
    as_json: Annotated[bool, typer.Option("--json", help="one JSON object per document (the contract)")] = True,
) -> None:
    """Extract facts without a store: one JSON object per document, one per line."""
    from extractors.documents import ReadError, iter_paths, read_document
    from extractors.pipeline import extract as run_extract
    from kg.contract import facts_to_json

    failed = False
    for path, error in iter_paths(paths):
        try:
            if error is not None:
                raise error
            facts = run_extract(read_document(path))
        except (ReadError, ValueError, MemoryError) as exc:  # unreadable; refused by extraction (a text over
            # KG_MAX_DOCUMENT_CHARS); out of memory: that file is rejected, the others are extracted
            reason = str(exc) if isinstance(exc, ReadError) else \
                f"{path}: {str(exc) or 'out of memory while extracting it'}"
            err.print(f"[red]拒绝 / rejected:[/] {shown(reason)}", highlight=False, soft_wrap=True)
            failed = True
            continue
        sys.stdout.write(json.dumps(facts_to_json(facts), ensure_ascii=False) + "\n")
    if failed:
        raise typer.Exit(1)


@app.command("eval")
@friendly
def eval_(
    gold_dir: Annotated[Path, typer.Argument(help="folder of gold .json files (docs/ANNOTATION.md)")],
    split: Annotated[str | None, typer.Option("--split", help="dev or test (split.tsv in the gold folder)")] = None,
    leave_names_out: Annotated[bool, typer.Option(
        "--leave-names-out", help="also score with every gold name removed from the gazetteers, side by side")] = False,
    as_json: Annotated[bool, typer.Option("--json")] = False,
    errors: Annotated[bool, typer.Option("--errors", help="list every miss and false hit")] = False,
) -> None:
    """Precision, recall and F1 per type against hand-annotated gold files."""
    from extractors.evaluate import evaluate

    report = evaluate(gold_dir, split=split)
    result = report.as_dict()
    blind = evaluate(gold_dir, split=split, leave_names_out=True) if leave_names_out else None
    unseen = blind.as_dict() if blind else None
    if as_json:
        print_json({**result, "leave_names_out": unseen} if unseen else result)
    else:
        columns = ["what", "type", "P", "R", "F1", "tp", "fp", "fn"]
        if unseen:
            columns += ["F1*", "P*", "R*"]
        table = Table(*columns)

        def extra(s2: dict | None) -> list[str]:
            return [f"{s2['f1']:.3f}", f"{s2['precision']:.3f}", f"{s2['recall']:.3f}"] if s2 else (
                ["–", "–", "–"] if unseen else [])

        def row(group: str, name: str, s: dict, s2: dict | None) -> None:
            table.add_row(group, name, *(f"{s[k]:.3f}" for k in ("precision", "recall", "f1")),
                          *(str(s[k]) for k in ("tp", "fp", "fn")), *extra(s2))

        short = {"recommendations": "recs", "recommendation_directions": "rec dirs", "directions": "doc dirs"}
        for group in ("mentions", "relations"):
            for name, s in result[group].items():
                row(group, name, s, unseen[group].get(name) if unseen else None)
        for group in ("recommendations", "directions", "recommendation_directions", "indicators"):
            row(short.get(group, group), "", result[group], unseen[group] if unseen else None)
        scope = f" (split {split})" if split else ""
        out.print(f"{result['documents']} gold documents in {gold_dir}{scope}")
        out.print(table)
        if unseen:
            out.print("* with every name of these gold documents removed from the gazetteers (--leave-names-out)")
    if errors:
        for e in (blind or report).errors:
            err.print(json.dumps(e, ensure_ascii=False), soft_wrap=True, highlight=False, markup=False)


# --- the local Neo4j server -----------------------------------------------------------------

def _neo4j_dir() -> Path:
    return load_settings().kg_data_dir


@neo4j_app.command("start")
@friendly
def neo4j_start() -> None:
    """Fetch (first time) and start Neo4j 5.26 Community on 127.0.0.1; print its connection lines."""
    from kg import neo4j_server

    try:
        info = neo4j_server.start(_neo4j_dir())
    except RuntimeError as exc:
        raise fail(str(exc)) from None
    for line in info.env_lines():
        sys.stdout.write(line + "\n")


@neo4j_app.command("stop")
@friendly
def neo4j_stop() -> None:
    """Stop the local Neo4j server started by `kg neo4j start`."""
    from kg import neo4j_server

    stopped = neo4j_server.stop(_neo4j_dir())
    out.print("stopped" if stopped else "no local Neo4j server was running")


@neo4j_app.command("status")
@friendly
def neo4j_status() -> None:
    """Say whether the local Neo4j server runs, and where."""
    from kg import neo4j_server

    info = neo4j_server.status(_neo4j_dir())
    if info is None:
        out.print("not running")
        raise typer.Exit(3)
    out.print(f"running: pid {info.pid}, {info.uri}")


# --- review ------------------------------------------------------------------------------------

@review_app.command("list")
@friendly
def review_list(
    status: Annotated[str | None, typer.Option("--status", help="verified, rejected or corrected")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="one JSON object per decision")] = False,
) -> None:
    """Every decision, with whether its fact is still in the graph (orphaned decisions are kept)."""
    from kg.review import STATUSES, decisions, present_keys

    if status is not None and status not in STATUSES:
        raise fail(f"--status must be one of {', '.join(STATUSES)}, not {status!r}")
    with open_store() as store:
        found = [d for d in decisions(store) if status is None or d.status == status]
        present = present_keys(store, (d.fact_key for d in found))
    rows = [{**d.model_dump(), "orphaned": d.fact_key not in present} for d in found]
    if as_json:
        for row in rows:
            print_json(row)
        return
    _print_rows([{"fact_key": r["fact_key"], "status": r["status"] + (" (orphaned)" if r["orphaned"] else ""),
                  "kind": r["kind"], "text": r["text"][:50], "value": r["value"] or "", "by": r["by"], "at": r["at"]}
                 for r in rows], False)


@review_app.command("set")
@friendly
def review_set(
    fact_key: Annotated[str, typer.Argument(help="the fact's fact_key property (fact-…)")],
    status: Annotated[str, typer.Option("--status", help="verified, rejected, corrected, or clear")],
    value: Annotated[str | None, typer.Option("--value", help="the corrected value (with --status corrected)")] = None,
    note: Annotated[str, typer.Option("--note")] = "",
    by: Annotated[str, typer.Option("--by", help="who decided")] = "",
) -> None:
    """Record a decision about one fact (or --status clear to remove it)."""
    from pydantic import ValidationError

    from kg.review import Decision, clear_decision, set_decision

    with open_store(writer=True) as store:
        if status == "clear":
            out.print("cleared" if clear_decision(store, fact_key) else f"no decision about {fact_key}")
            return
        try:
            decision = Decision(fact_key=fact_key, status=status, value=value, note=note, by=by)  # type: ignore[arg-type]
        except ValidationError as exc:
            raise fail("; ".join(f"{'.'.join(map(str, e['loc'])) or 'decision'}: {e['msg']}"
                                 for e in exc.errors())) from None
        saved = set_decision(store, decision)
    out.print(f"{saved.status}: {saved.kind} {saved.text[:60]}", highlight=False)


@review_app.command("export")
@friendly
def review_export(path: Annotated[Path, typer.Argument(help="a .jsonl file to write")]) -> None:
    """Write every decision to a JSON-lines file (to move it to another store, or into git)."""
    from kg.review import export_decisions

    with open_store() as store:
        n = export_decisions(store, path)
    out.print(f"exported {n} decisions to {path}")


@review_app.command("import")
@friendly
def review_import(path: Annotated[Path, typer.Argument(help="a .jsonl file of decisions")]) -> None:
    """Record the decisions of a JSON-lines file; a bad line stops the import (nothing recorded)."""
    from kg.resolution import import_review
    from kg.merges import MergeError
    from kg.review import ReviewError, orphaned

    with open_store(writer=True) as store:
        try:
            n, made = import_review(store, path)
        except (ReviewError, MergeError) as exc:
            raise fail(str(exc)) from None
        gone = len(orphaned(store))
    out.print(f"imported {n} decisions and {made} merges"
              + (f" ({gone} orphaned: their facts are not in this graph)" if gone else ""))


@review_app.command("merge")
@friendly
def review_merge(
    label: Annotated[str, typer.Argument(help=" | ".join(ENTITY_LABELS))],
    name: Annotated[str, typer.Argument(help="the name to merge away")],
    into: Annotated[str, typer.Option("--into", help="the name to keep")],
    by: Annotated[str, typer.Option("--by", help="who decided")] = "",
) -> None:
    """Merge a duplicate entity into another (recorded; applied at every ingest; `split` undoes it)."""
    from kg.resolution import merge_entities
    from kg.merges import MergeError

    with open_store(writer=True) as store:
        try:
            report = merge_entities(store, label, name, into, by=by)
        except MergeError as exc:
            raise fail(str(exc)) from None
    out.print(f"merged {label} {name} into {into}; read again: {len(report.reloaded.ingested)} documents"
              + (f"; files gone, not re-read: {', '.join(report.missing)}" if report.missing else ""), highlight=False)


@review_app.command("split")
@friendly
def review_split(label: Annotated[str, typer.Argument()], name: Annotated[str, typer.Argument()]) -> None:
    """Undo a merge: the name is its own entity again."""
    from kg.resolution import split_entity
    from kg.merges import MergeError

    with open_store(writer=True) as store:
        try:
            report = split_entity(store, label, name)
        except MergeError as exc:
            raise fail(str(exc)) from None
    out.print(f"split {label} {name}; read again: {len(report.reloaded.ingested)} documents", highlight=False)


@review_app.command("merges")
@friendly
def review_merges(
    show_candidates: Annotated[bool, typer.Option("--candidates", help="candidate duplicates not merged yet")] = False,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """The merges made (who, when), or candidate duplicates."""
    from dataclasses import asdict

    from kg.merges import candidates, merges

    with open_store() as store:
        rows = candidates(store) if show_candidates else [asdict(m) for m in merges(store)]
    _print_rows(rows, as_json)


add_plugins(app)


def main() -> None:
    app()


if __name__ == "__main__":
    main()


__all__ = ["app", "main", "GraphStore"]
