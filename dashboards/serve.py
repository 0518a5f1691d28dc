"""Start the dashboard headless: `serve()` runs `streamlit run dashboards/app.py` on HOST:PORT (a free
port when none is given), prints the URL and blocks until the server exits, Ctrl-C or SIGTERM
(either stops Streamlit too). `command` is `kg serve` (a plugin: the entry point `serve` of the
group `kg.commands`); `python -m dashboards.serve [--host H] [--port P]` runs the same."""
from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path
from typing import Annotated

import typer

from kg.net import free_port
from kg.processes import stop as stop_process
from kg.terminal import friendly

APP = Path(__file__).resolve().parent / "app.py"


def streamlit_argv(host: str, port: int) -> list[str]:
    """The command line that runs the dashboard's Streamlit server on host:port."""
    return [sys.executable, "-m", "streamlit", "run", str(APP),
            "--server.headless", "true", "--browser.gatherUsageStats", "false", "--client.toolbarMode", "minimal",
            "--server.address", host, "--server.port", str(port)]


def serve(host: str = "127.0.0.1", port: int | None = None) -> None:
    port = port or free_port(host)

    def stop(signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    # the handler is in place before Streamlit starts: a SIGTERM right after the URL is printed
    # still stops Streamlit rather than leaving it running without its parent
    previous = signal.signal(signal.SIGTERM, stop)
    proc: subprocess.Popen | None = None
    try:
        proc = subprocess.Popen(streamlit_argv(host, port))
        print(f"http://{host}:{port}", flush=True)
        proc.wait()
    except KeyboardInterrupt:
        if proc is not None:
            stop_process(proc)
    finally:
        signal.signal(signal.SIGTERM, previous)
    if proc is not None and proc.returncode not in (0, -signal.SIGTERM, -signal.SIGINT):
        raise SystemExit(proc.returncode)


@friendly
def command(
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int | None, typer.Option(help="port (default: a free one)")] = None,
) -> None:
    """Start the dashboard (headless) and print its URL."""
    serve(host=host, port=port)


if __name__ == "__main__":
    typer.run(command)
