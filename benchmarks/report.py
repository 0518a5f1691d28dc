"""A `run_bench` result for people: tables (title, header, rows) shared by the terminal and the
markdown printers."""
from __future__ import annotations

import json
from typing import Any


def tables(result: dict[str, Any]) -> list[tuple[str, list[str], list[list[str]]]]:
    """The result as (title, header, rows) tables, shared by the terminal and markdown printers."""
    out = []
    m = result["machine"]
    out.append(("machine", ["nproc", "CPU", "memory GiB", "Python", "kglite", "Neo4j"],
                [[str(m["nproc"]), m["cpu"], str(m["memory_gib"]), m["python"], m["kglite"],
                  str(m.get("neo4j_server") or "—")]]))
    ex = result["extraction"]
    out.append(("extraction vs bare spacy.blank('zh') tokenisation (same texts)",
                ["documents", "chars", "extract chars/s", "tokenise chars/s", "ratio"],
                [[f"{ex['documents']:,}", f"{ex['chars']:,}", f"{ex['extract_chars_per_s']:,}",
                  f"{ex['tokenise_chars_per_s']:,}", f"{ex['ratio']:.3f}"]]))
    out.append(("parallel extraction (process pool)",
                ["documents", "workers", "serial s", "parallel s", "first result s", "speedup", "identical"],
                [[f"{p['documents']:,}", str(p["workers"]), f"{p['serial_seconds']:.2f}",
                  f"{p['parallel_seconds']:.2f}", f"{p['first_result_seconds']:.2f}", f"{p['speedup']:.2f}",
                  "yes" if p["identical"] else "NO"] for p in result["parallel"]]))
    out.append(("the long document end to end (read → extract → load)",
                ["store", "chars", "total s", "read s", "extract s", "load s", "nodes", "relationships"],
                [[k, f"{r['chars']:,}", f"{r['seconds']:.2f}", f"{r['read_seconds']:.2f}",
                  f"{r['extract_seconds']:.2f}", f"{r['load_seconds']:.2f}", f"{r['nodes']:,}",
                  f"{r['relationships']:,}"] for k, r in result["long_document"].items()]))
    rows = []
    for kind, runs in result["ingest"].items():
        for r in runs:
            rows.append([kind, f"{r['documents']:,}", f"{r['seconds']:.1f}", f"{r['docs_per_s']:.1f}",
                         f"{r['nodes'] + r['relationships']:,}", f"{r['elements_per_s']:,}",
                         f"{r['load_elements_per_s']:,}", f"{r['peak_rss_mb']:.0f}",
                         f"{r['reingest_seconds']:.2f} ({100 * r['reingest_fraction']:.1f} %)"])
    out.append(("ingest (fresh store; guide included)",
                ["store", "documents", "seconds", "docs/s", "nodes+rels", "elements/s", "load-only elements/s",
                 "peak RSS MiB", "unchanged re-ingest s (% of first)"], rows))
    rows = []
    for kind, w in result.get("row_writes", {}).items():
        rows.append([kind, f"{w['rows']:,}", f"{w['per_row_tx_elements_per_s']:,}",
                     f"{w['per_row_statement_elements_per_s']:,}", f"{w['batched_elements_per_s']:,}",
                     f"{w['batched_speedup_vs_per_row_tx']}×"])
    out.append(("per-row vs batched writes (node + PART_OF per row)",
                ["store", "rows", "tx per row el/s", "statement per row el/s", "one UNWIND el/s",
                 "UNWIND vs tx per row"], rows))
    for kind, sizes in result["queries"].items():
        header = ["query"] + [f"{s['nodes']:,} nodes p50 / p95 ms" for s in sizes]
        names = sorted({n for s in sizes for n in s["queries"]})
        rows = [["(graph: nodes / rels, build el/s)"] + [
            f"{s['nodes']:,} / {s['relationships']:,}, {s['build_elements_per_s']:,}/s" for s in sizes]]
        for name in names:
            cells = [name]
            for s in sizes:
                q = s["queries"].get(name, {})
                if "p50_ms" in q:
                    cell = f"{q['p50_ms']:.1f} / {q['p95_ms']:.1f}"
                    if "hub_ms" in q:
                        cell += f" (hub {q['hub_ms']:.0f})"
                    cells.append(cell)
                else:
                    cells.append(q.get("skipped") or q.get("error", "—")[:60])
            rows.append(cells)
        out.append((f"named query latency on {kind}", header, rows))
    for kind, sizes in result["queries"].items():
        if not any("pages" in s for s in sizes):
            continue
        header = ["page", "step", "reads"] + [f"{s['nodes']:,} nodes p50 / p95 ms" for s in sizes] + ["slowest read"]
        rows = []
        steps = list(dict.fromkeys((page, step) for s in sizes for page, by in s.get("pages", {}).items()
                                   for step in by))
        for page, step in steps:
            cells = [page, step, str(max(s.get("pages", {}).get(page, {}).get(step, {}).get("reads", 0)
                                         for s in sizes))]
            for s in sizes:
                row = s.get("pages", {}).get(page, {}).get(step, {})
                cells.append(f"{row['p50_ms']:,.1f} / {row['p95_ms']:,.1f}" if "p50_ms" in row else
                             ("failed: " + "; ".join(row["failed"]))[:80] if row.get("failed") else "—")
            last = sizes[-1].get("pages", {}).get(page, {}).get(step, {})
            cells.append(", ".join(f"{label} {ms:,.0f} ms" for label, ms in last.get("slowest", [])[:1]))
            rows.append(cells)
        out.append((f"dashboard pages on {kind} (all reads of a render, benchmarks/pages.py)", header, rows))
    out.append(("targets (issue 5)", ["target", "value", "met"],
                [[t["target"], json.dumps(t["value"], ensure_ascii=False), "✓" if t["met"] else "✗"]
                 for t in result.get("targets", [])]))
    return out


def print_table(result: dict[str, Any], console: Any = None) -> None:
    """Print the result as tables on a rich console."""
    from rich.console import Console
    from rich.table import Table

    console = console or Console()
    for title, header, rows in tables(result):
        table = Table(*header, title=title, title_justify="left")
        for row in rows:
            table.add_row(*row)
        console.print(table)
    if "seconds" in result:
        console.print(f"benchmark took {result['seconds']:.0f} s")


def markdown(result: dict[str, Any]) -> str:
    """The result as markdown tables (for docs/PERFORMANCE.md)."""
    parts = []
    for title, header, rows in tables(result):
        parts.append(f"**{title}**\n")
        parts.append("| " + " | ".join(header) + " |")
        parts.append("|" + "---|" * len(header))
        parts.extend("| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in rows)
        parts.append("")
    return "\n".join(parts)
