"""`kg bench`: a plugin command of `kg` (the entry point `bench` of the group `kg.commands`)."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.terminal import err, friendly, out, print_json


@friendly
def command(
    quick: Annotated[bool, typer.Option("--quick", help="a smoke run of seconds (small sizes)")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="print the result as JSON")] = False,
    store: Annotated[list[str], typer.Option("--store", help="embedded and/or neo4j (default: both when "
                                                               "NEO4J_URI is set; Neo4j's database is wiped)")] = [],  # noqa: B006
    save_json: Annotated[Path | None, typer.Option("--save-json", metavar="FILE",
                                                   help="also write the result as JSON to FILE")] = None,
    save_markdown: Annotated[Path | None, typer.Option("--save-markdown", metavar="FILE",
                                                       help="also write the tables as markdown to FILE")] = None,
) -> None:
    """Measure extraction, ingest and query speed on synthetic documents; print a table."""
    import json

    from benchmarks.report import markdown, print_table
    from benchmarks.run import run_bench

    result = run_bench(quick=quick, stores=store or None,
                       progress=lambda message: err.print(f"[dim]{message}[/]", highlight=False))
    if save_json:
        save_json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    if save_markdown:
        save_markdown.write_text(markdown(result), encoding="utf-8")
    if as_json:
        print_json(result)
    else:
        print_table(result, out)
