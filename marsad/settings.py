"""Every user-facing setting, declared once with its default and help. The CLI and the server read them from
here, and a test checks that README.md documents each one."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    help: str


SETTINGS = [
    Setting("store", Path("marsad.sqlite"), "The SQLite store file (created when missing)."),
    Setting("max_mb", 20.0, "Documents larger than this many MB of text are rejected, not read."),
    Setting("workers", os.cpu_count() or 1, "Worker processes for the per-article stages (default: all cores)."),
    Setting("host", "127.0.0.1", "Address the web server binds to (loopback unless you ask otherwise)."),
    Setting("port", 8000, "Port of the web server."),
]
_BY_NAME = {s.name: s for s in SETTINGS}


def setting(name: str) -> Setting:
    return _BY_NAME[name]


DEFAULT_STORE: Path = setting("store").default
