"""Every user-facing setting, declared once with its default and help. The CLI and the server read them from
here, and a test checks that README.md documents each one."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from . import __version__


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    help: str


SETTINGS = [
    Setting("store", Path("marsad.sqlite"), "The SQLite store file (created when missing)."),
    Setting("max_mb", 20.0, "Documents larger than this many MB of text are rejected, not read."),
    Setting("workers", os.cpu_count() or 1, "Worker processes for the per-article stages (default: all cores)."),
    Setting("batch", 200, "Articles committed to the store in one transaction: a killed run loses at most this "
                          "much work, and the same command resumes it."),
    Setting("host", "127.0.0.1", "Address the web server binds to (loopback unless you ask otherwise)."),
    Setting("port", 8000, "Port of the web server."),
    Setting("every", "10m", "How often `marsad watch` polls its feeds (30s, 10m, 1h, 1h30m)."),
    Setting("user_agent", f"marsad/{__version__} (+https://github.com/marsad-project/marsad; news research)",
            "The User-Agent `marsad watch` sends, and the name robots.txt rules are matched against."),
    Setting("host_delay", 1.0, "Seconds `marsad watch` waits between two requests to the same host "
                               "(a longer robots.txt Crawl-delay wins, up to 30 s)."),
    Setting("connect_timeout", 10.0, "Seconds `marsad watch` waits to connect to a host."),
    Setting("read_timeout", 30.0, "Seconds `marsad watch` waits for a response to go on arriving."),
    Setting("max_page_mb", 5.0, "Feeds and pages larger than this many MB are not downloaded."),
    Setting("max_redirects", 5, "Redirects `marsad watch` follows for one request."),
]
_BY_NAME = {s.name: s for s in SETTINGS}


def setting(name: str) -> Setting:
    return _BY_NAME[name]


DEFAULT_STORE: Path = setting("store").default
