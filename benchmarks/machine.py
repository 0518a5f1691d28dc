"""What the numbers were measured on: the machine, the library versions, the Neo4j server."""
from __future__ import annotations

import os
import platform
from pathlib import Path
from typing import Any

from kg.stores import GraphStore, StoreError


def machine() -> dict[str, Any]:
    """Cores, CPU, memory, OS, Python and library versions, and the load average."""
    cpu = ""
    mem_gib = None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_gib = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    import kglite
    import neo4j
    import spacy

    return {"nproc": os.cpu_count(), "cpu": cpu or platform.processor(), "memory_gib": mem_gib,
            "os": f"{platform.system()} {platform.release()}", "python": platform.python_version(),
            "kglite": kglite.__version__, "neo4j_driver": neo4j.__version__, "spacy": spacy.__version__,
            "load_average_1min": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None}


def neo4j_version(store: GraphStore) -> str | None:
    """"Neo4j Kernel 5.26.x community", or None when the store does not say."""
    try:
        rows = store.read("CALL dbms.components() YIELD name, versions, edition "
                          "RETURN name, versions[0] AS version, edition")
        return f"{rows[0]['name']} {rows[0]['version']} {rows[0]['edition']}" if rows else None
    except StoreError:
        return None
