"""Ending a child process politely: SIGTERM, then SIGKILL if it has not ended in time."""
from __future__ import annotations

import subprocess


def stop(proc: subprocess.Popen, timeout: float = 10.0) -> int:
    """Terminate `proc`, kill it if it is still running after `timeout` seconds; its return code."""
    proc.terminate()
    try:
        return proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        return proc.wait()
