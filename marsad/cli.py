"""The `marsad` command: a thin shell over the library. Each command parses, calls one library function and
formats; library errors (MarsadError) become a one-line message and a non-zero exit."""
from __future__ import annotations

import os
import sys
from pathlib import Path

# One process per core is the parallelism (--workers); a BLAS thread pool in each process only fights it for
# the cores, and on a busy machine its spinning threads made numpy's small products many times slower. Set
# before numpy is first imported.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import MarsadError
from .settings import DEFAULT_STORE, setting

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="marsad (مرصد): Arabic news into stories, entities, quotes, events and timelines.")
console = Console(stderr=True)
out = Console()

StoreOption = Annotated[Path, typer.Option("--store", "-s", help=setting("store").help)]


def fail(message: str, code: int = 1) -> None:
    console.print(f"[red]error:[/red] {message}", highlight=False)
    raise typer.Exit(code)


def _open_store(path: Path, readonly: bool = False):
    from .store import Store
    try:
        return Store(path, readonly=readonly)
    except MarsadError as exc:
        fail(str(exc))


def _print_summary(summary, store_path: Path, out_path: Optional[Path]) -> None:
    table = Table(title="marsad analyze", show_header=False, title_justify="left")
    table.add_row("documents read", str(summary.read))
    table.add_row("articles stored (new)", str(summary.stored))
    table.add_row("already in the store", str(summary.already))
    table.add_row("rejected", str(len(summary.rejected)))
    for reason, n in summary.reasons().most_common():
        table.add_row(f"  {reason}", str(n))
    if summary.languages:
        table.add_row("languages", ", ".join(f"{k} {v}" for k, v in summary.languages.most_common()))
    table.add_row("time", f"{summary.seconds:.1f} s")
    total = sum(summary.stage_seconds.values()) or 1.0
    shares = ", ".join(f"{k} {100 * v / total:.0f}%" for k, v in summary.stage_seconds.most_common(8))
    table.add_row("time by stage", shares)
    table.add_row("store", str(store_path))
    if out_path:
        table.add_row("export", str(out_path))
    console.print(table)
    for r in summary.rejected[:20]:
        console.print(f"  rejected {r.source}: {r.reason}", highlight=False, markup=False)
    if len(summary.rejected) > 20:
        console.print(f"  … and {len(summary.rejected) - 20} more (see the store's rejected table)")
    host, port = setting("host").default, setting("port").default
    console.print(f"Browse it: marsad serve --store {store_path}  then open http://{host}:{port}",
                  highlight=False, markup=False)


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, .zip/.tar.gz archives, .jsonl/.json, HTML, "
                                                    "RSS/Atom feed files or WARC files (with --engine spark also "
                                                    "hdfs:// and s3a:// URIs).")],
    store: StoreOption = DEFAULT_STORE,
    out_file: Annotated[Optional[Path], typer.Option("--out", "-o", help="Also write the JSON export here.")] = None,
    max_mb: Annotated[float, typer.Option("--max-mb", help=setting("max_mb").help)] = setting("max_mb").default,
    workers: Annotated[int, typer.Option("--workers", "-w", help=setting("workers").help)] = setting("workers").default,
    batch: Annotated[int, typer.Option("--batch", help=setting("batch").help)] = setting("batch").default,
    engine: Annotated[str, typer.Option("--engine", help="local (worker processes on this machine) or spark "
                                                         "(Apache Spark; needs marsad[spark] and Java).")] = "local",
    master: Annotated[Optional[str], typer.Option("--master", help="With --engine spark: the Spark master "
                                                  "(local[*], spark://host:7077, yarn, k8s://...).")] = None,
    parquet: Annotated[Optional[str], typer.Option("--parquet", help="With --engine spark: keep the Parquet result "
                                                   "in this folder or hdfs:// / s3a:// URI (then loaded into "
                                                   "the store); default: a temporary folder.")] = None,
) -> None:
    """Read articles into the store, then update entities, quotes, events and stories."""
    from .pipeline import analyze as run
    if engine not in ("local", "spark"):
        fail(f"unknown engine {engine!r}: use local or spark", 2)
    db = _open_store(store)
    try:
        if engine == "spark":
            from .spark import analyze_into_store
            console.print(f"running on Spark ({master or 'local[*]'}) …", highlight=False, markup=False)
            summary = analyze_into_store(paths, db, parquet_dir=parquet, master=master,
                                         max_bytes=int(max_mb * 1_000_000), batch_size=batch)
        else:
            with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                          TimeElapsedColumn(), console=console, transient=True,
                          disable=not console.is_terminal) as bar:
                task = bar.add_task("analysing", total=None)
                summary = run([str(p) for p in paths], db, max_bytes=int(max_mb * 1_000_000), workers=workers,
                              progress=lambda n: bar.advance(task, n), batch_size=batch)
        if out_file:
            _write_export(db, out_file, "json", "articles")
    except MarsadError as exc:
        fail(str(exc))
    finally:
        db.close()
    _print_summary(summary, store, out_file)
    if summary.read and not summary.stored and not summary.already:
        raise typer.Exit(2)


def _write_export(db, path: Path, fmt: str, kind: str) -> None:
    from .export import export_store
    try:
        if str(path) == "-":
            export_store(db, sys.stdout, fmt, kind)
            return
        tmp = path.with_name(path.name + ".part")
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            export_store(db, fh, fmt, kind)
        tmp.replace(path)
    except OSError as exc:
        fail(f"cannot write {path}: {exc.strerror or exc}")


@app.command("load")
def load_command(
    parquet: Annotated[str, typer.Argument(help="The Parquet result of `marsad analyze --engine spark --parquet "
                                                "DIR`: a folder, or an hdfs:// or s3a:// URI.")],
    store: StoreOption = DEFAULT_STORE,
    batch: Annotated[int, typer.Option("--batch", help=setting("batch").help)] = setting("batch").default,
) -> None:
    """Load a Parquet result of the Spark engine into a store (merged with what the store holds)."""
    from .parquet import load
    db = _open_store(store)
    try:
        result = load(parquet, db, batch)
    except MarsadError as exc:
        fail(str(exc))
    finally:
        db.close()
    merged = "; entities and stories merged with the stored ones" if result.merged else ""
    console.print(f"loaded {result.stored} new articles into {store} ({result.already} already there, "
                  f"{result.rejected} rejected documents recorded){merged}", highlight=False, markup=False)


@app.command()
def export(
    store: StoreOption = DEFAULT_STORE,
    fmt: Annotated[str, typer.Option("--format", "-f", help="json, jsonl or csv.")] = "json",
    out_file: Annotated[Path, typer.Option("--out", "-o", help="Output file, or - for standard output.")] = Path("-"),
    kind: Annotated[str, typer.Option("--records", help="For CSV: articles, entities, quotes, events or stories.")] = "articles",
) -> None:
    """Write what is stored in the marsad.export/1 shape (JSON), as JSON lines, or one CSV table."""
    db = _open_store(store, readonly=True)
    try:
        _write_export(db, out_file, fmt, kind)
    except MarsadError as exc:
        fail(str(exc))
    finally:
        db.close()


@app.command()
def stories(
    store: StoreOption = DEFAULT_STORE,
    limit: Annotated[int, typer.Option("--limit", "-n", help="How many stories to list.")] = 20,
) -> None:
    """List stories, largest first, with their outlets and dates."""
    db = _open_store(store, readonly=True)
    table = Table(show_lines=False)
    for col in ("story", "articles", "outlets", "first", "last", "title"):
        table.add_column(col)
    for s in db.stories()[:limit]:
        table.add_row(s.id, str(len(s.articles)), ", ".join(s.outlets), s.first or "", s.last or "", s.title)
    db.close()
    out.print(table)


@app.command()
def timeline(
    store: StoreOption = DEFAULT_STORE,
    entity: Annotated[Optional[str], typer.Option("--entity", "-e", help="An entity name or alias, or its id.")] = None,
    story: Annotated[Optional[str], typer.Option("--story", help="A story id.")] = None,
) -> None:
    """The dated events of an entity or a story, oldest first, undated last."""
    from .queries import entity_timeline, find_entity, story_timeline
    if bool(entity) == bool(story):
        fail("give exactly one of --entity or --story", 2)
    db = _open_store(store, readonly=True)
    try:
        if entity:
            found = find_entity(db, entity)
            if found is None:
                fail(f"no entity called {entity!r}")
            out.print(f"{found.name} ({found.type}, {found.id})", highlight=False)
            rows = entity_timeline(db, found.id)
        else:
            if db.get_story(story) is None:
                fail(f"no story {story!r}")
            rows = story_timeline(db, story)
        for v in rows:
            out.print(f"{v.date or '—':<16} {v.type:<10} {v.sentence[:160]}", highlight=False, markup=False)
        if not rows:
            out.print("no events")
    finally:
        db.close()


def main() -> None:  # pragma: no cover - console entry point for `python -m marsad`
    app()


@app.command("search")
def search_command(
    query: Annotated[str, typer.Argument(help='Words (all must match) and "quoted phrases".')],
    store: StoreOption = DEFAULT_STORE,
    outlet: Annotated[Optional[str], typer.Option("--outlet", help="Only this outlet.")] = None,
    date_from: Annotated[Optional[str], typer.Option("--from", help="Published on or after (YYYY[-MM[-DD]]).")] = None,
    date_to: Annotated[Optional[str], typer.Option("--to", help="Published on or before (YYYY[-MM[-DD]]).")] = None,
    entity: Annotated[Optional[str], typer.Option("--entity", "-e", help="Only articles naming this entity (id or name).")] = None,
    story: Annotated[Optional[str], typer.Option("--story", help="Only articles of this story id.")] = None,
    sort: Annotated[str, typer.Option("--sort", help="relevance or date.")] = "relevance",
    limit: Annotated[int, typer.Option("--limit", "-n", help="How many results.")] = 10,
    offset: Annotated[int, typer.Option("--offset", help="Results to skip.")] = 0,
) -> None:
    """Search titles and text (Arabic spelling and clitics ignored), with highlighted snippets."""
    from .queries import find_entity
    from .search import SearchFilters, search
    db = _open_store(store, readonly=True)
    try:
        if entity:
            found = find_entity(db, entity)
            if found is None:
                fail(f"no entity called {entity!r}")
            entity = found.id
        result = search(db, query, SearchFilters(outlet, date_from, date_to, entity, story), sort=sort,
                        limit=limit, offset=offset)
    except MarsadError as exc:
        fail(str(exc))
    finally:
        db.close()
    out.print(f"{result.total} results", highlight=False)
    for i, hit in enumerate(result.hits, start=offset + 1):
        out.print(f"\n{i}. [bold]{_escape(hit.title or '(no title)')}[/bold]  {hit.article}", highlight=False)
        out.print(f"   {hit.outlet or '?'} · {hit.published or 'undated'} · score {hit.score:.2f}", highlight=False,
                  markup=False)
        sn, parts, at = hit.snippet, [], hit.snippet.start
        for span in sn.highlights:
            parts += [_escape(sn.text[at - sn.start:span.start - sn.start]),
                      f"[reverse]{_escape(sn.text[span.start - sn.start:span.end - sn.start])}[/reverse]"]
            at = span.end
        parts.append(_escape(sn.text[at - sn.start:]))
        out.print("   " + "".join(parts).replace("\n", " "), highlight=False)


def _escape(text: str) -> str:
    from rich.markup import escape
    return escape(text)


@app.command()
def serve(
    store: StoreOption = DEFAULT_STORE,
    host: Annotated[str, typer.Option("--host", help=setting("host").help)] = setting("host").default,
    port: Annotated[int, typer.Option("--port", help=setting("port").help)] = setting("port").default,
    writable: Annotated[bool, typer.Option("--writable", help="Open the store for writing (default: read-only).")] = False,
) -> None:
    """Serve the web UI and the JSON API (/api/, docs at /docs) over a store."""
    import uvicorn

    from .web.app import create_app
    try:
        web = create_app(store, readonly=not writable)
    except MarsadError as exc:
        fail(str(exc))
    console.print(f"marsad serving {store} on http://{host}:{port}/", highlight=False)
    uvicorn.run(web, host=host, port=port, log_level="warning")


@app.command("watch")
def watch_command(
    feeds: Annotated[Path, typer.Argument(help="A text file of RSS/Atom feed URLs, one a line (# comments).")],
    store: StoreOption = DEFAULT_STORE,
    every: Annotated[str, typer.Option("--every", help=setting("every").help)] = setting("every").default,
    once: Annotated[bool, typer.Option("--once", help="Do one round and exit (for cron).")] = False,
    workers: Annotated[int, typer.Option("--workers", "-w", help=setting("workers").help)] = setting("workers").default,
    host_delay: Annotated[float, typer.Option("--host-delay", help=setting("host_delay").help)] = setting("host_delay").default,
    connect_timeout: Annotated[float, typer.Option("--connect-timeout", help=setting("connect_timeout").help)] = setting("connect_timeout").default,
    read_timeout: Annotated[float, typer.Option("--read-timeout", help=setting("read_timeout").help)] = setting("read_timeout").default,
    max_page_mb: Annotated[float, typer.Option("--max-page-mb", help=setting("max_page_mb").help)] = setting("max_page_mb").default,
    max_redirects: Annotated[int, typer.Option("--max-redirects", help=setting("max_redirects").help)] = setting("max_redirects").default,
    user_agent: Annotated[str, typer.Option("--user-agent", help=setting("user_agent").help)] = setting("user_agent").default,
) -> None:
    """Keep a store current from feeds: poll, fetch each new article once, analyse, every interval."""
    from datetime import datetime

    from .watch import WatchOptions, parse_interval, watch

    try:
        seconds = parse_interval(every)
    except MarsadError as exc:
        fail(str(exc), 2)
    options = WatchOptions(user_agent=user_agent, host_delay=host_delay, connect_timeout=connect_timeout,
                           read_timeout=read_timeout, max_bytes=int(max_page_mb * 1_000_000),
                           max_redirects=max_redirects)
    rounds: list = []

    def report(summary) -> None:
        rounds.append(summary)
        out.print(f"{datetime.now():%Y-%m-%d %H:%M:%S} round {len(rounds)}: {summary.line()}", highlight=False)
        for url, reason in summary.failed:
            console.print(f"  feed {url}: {reason}", highlight=False, markup=False)
        for r in summary.rejected[:10]:
            console.print(f"  rejected {r.source}: {r.reason}", highlight=False, markup=False)
        if len(summary.rejected) > 10:
            console.print(f"  … and {len(summary.rejected) - 10} more (see the store's rejected table)")

    def report_error(exc: MarsadError) -> None:
        console.print(f"[red]error:[/red] round {len(rounds) + 1}: {exc}", highlight=False)

    db = _open_store(store)
    try:
        watch(db, feeds, every=seconds, rounds=1 if once else None, on_round=report, on_error=report_error,
              options=options, workers=workers)
    except KeyboardInterrupt:
        console.print("stopped")
    except MarsadError as exc:
        fail(str(exc))
    finally:
        db.close()
    if once and rounds and rounds[0].feeds and len(rounds[0].failed) == rounds[0].feeds:
        raise typer.Exit(2)
