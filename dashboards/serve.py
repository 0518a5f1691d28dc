"""Start the dashboard headless: `serve()` runs `streamlit run dashboards/app.py` on HOST:PORT (a free
port when none is given), prints the URL and blocks until the server exits, Ctrl-C or SIGTERM
(either stops Streamlit too)."""
from __future__ import annotations

import signal
import socket
import subprocess
import sys
from pathlib import Path

APP = Path(__file__).resolve().parent / "app.py"


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def command(host: str, port: int) -> list[str]:
    return [sys.executable, "-m", "streamlit", "run", str(APP),
            "--server.headless", "true", "--browser.gatherUsageStats", "false", "--client.toolbarMode", "minimal",
            "--server.address", host, "--server.port", str(port)]


def serve(host: str = "127.0.0.1", port: int | None = None) -> None:
    port = port or free_port(host)
    proc = subprocess.Popen(command(host, port))
    print(f"http://{host}:{port}", flush=True)

    def stop(signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    finally:
        signal.signal(signal.SIGTERM, previous)
    if proc.returncode not in (0, -signal.SIGTERM, -signal.SIGINT):
        raise SystemExit(proc.returncode)


if __name__ == "__main__":  # python -m dashboards.serve [HOST] [PORT]
    serve(*(sys.argv[1:2] or ["127.0.0.1"]), *(int(p) for p in sys.argv[2:3]))
