"""Benchmarks, outside the runtime core: `kg bench` (a plugin command, `benchmarks.cli`) and the
one-off scripts of docs/PERFORMANCE.md. Nothing in kg/, extractors/ or schema/ imports this
package, and it reaches the stores only through `kg.stores.open_store` and `GraphStore`.

`kg bench`, layer by layer: config (what is measured, how much) → synthetic and corpora (the
documents) → timing, stores, machine (clocks, the stores measured, the machine) → extraction,
ingest, writes, builder, latency (the measurements; parallel is the process pool measured) →
child (a measurement in its own process) → run (`run_bench`) → targets, report → cli.
"""
