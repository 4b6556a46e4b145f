"""`handbook`: the terminal front end. Environment variables are read here and nowhere below."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from bot import messages as msg
from drafting.errors import DraftingError
from retrieval.errors import BadQueryError, RetrievalError
from retrieval.search import Mode, validate_query
from retrieval.settings import RetrievalSettings

app = typer.Typer(
    name="handbook",
    help=(
        "Handbook assistant for Ofsted social care inspectors: cited answers from the SIF inspection "
        "handbook (and its annexes). Works offline with the bundled embedding model; no Slack token or "
        "language model needed."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class UserInputError(Exception):
    """Bad input from the terminal: reported as one line on stderr, exit 2."""


def _settings() -> RetrievalSettings:
    try:
        return RetrievalSettings()
    except ValidationError as exc:
        first = exc.errors()[0]
        name = f"HANDBOOK_{first['loc'][0]}".upper()
        raise UserInputError(msg.BAD_SETTINGS.format(reason=f"{name}: {first['msg']}")) from exc


def _notify(text: str) -> None:
    typer.echo(msg.INDEX_REBUILD.format(reason=text), err=True)


def _open(settings: RetrievalSettings | None = None):
    from retrieval.service import open_retrieval

    settings = settings or _settings()
    with _progress_bar() as bar:
        task = None

        def progress(done: int, total: int) -> None:
            nonlocal task
            if task is None:
                task = bar.add_task(msg.INDEX_BUILDING, total=total)
            bar.update(task, completed=done)

        return open_retrieval(settings, notify=_notify, progress=progress)


def _progress_bar() -> Progress:
    from rich.console import Console

    # Progress never touches stdout, which carries JSON Lines.
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        transient=True,
        console=Console(stderr=True),
    )


def _read_stdin_lines() -> list[tuple[int, str]]:
    if sys.stdin is None or sys.stdin.isatty():
        raise UserInputError(msg.NO_QUERY)
    raw = sys.stdin.buffer.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UserInputError(msg.STDIN_NOT_UTF8.format(byte=raw[exc.start], offset=exc.start)) from exc
    lines = [(n, line.strip()) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    if not lines:
        raise UserInputError(msg.STDIN_EMPTY)
    return lines


def _queries(argument: str | None) -> list[str]:
    """The one query given as an argument, or every non-blank stdin line; all validated up front so a
    bad line stops the batch before any work is done."""
    if argument is not None:
        try:
            return [validate_query(argument)]
        except BadQueryError as exc:
            raise UserInputError(str(exc)) from exc
    queries = []
    for number, line in _read_stdin_lines():
        try:
            queries.append(validate_query(line))
        except BadQueryError as exc:
            raise UserInputError(msg.BAD_LINE.format(line=number, reason=exc)) from exc
    return queries


def _snippet(text: str, width: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _emit_json(obj: dict) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


@app.command()
def index(
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Rebuild even if the cache is current.")] = False,
) -> None:
    """Build or refresh the index cache (BM25 + dense vectors); prints what it indexed and how long it took."""
    from retrieval.embedder import SentenceTransformerEmbedder
    from retrieval.errors import IndexCacheError
    from retrieval.index import build_index, load_index

    settings = _settings()
    embedder = SentenceTransformerEmbedder(settings.model_dir)
    if not rebuild:
        started = time.perf_counter()
        try:
            loaded = load_index(settings.cache_dir, embedder.model_id, settings.corpus_dir)
        except IndexCacheError as exc:
            _notify(f"{exc}; building it now")
        else:
            m = loaded.manifest
            typer.echo(
                msg.INDEX_CACHED.format(
                    units=m["units"],
                    passages=m["passages"],
                    path=settings.cache_dir / f"index-{m['key']}",
                    seconds=time.perf_counter() - started,
                )
            )
            return
    started = time.perf_counter()
    with _progress_bar() as bar:
        task = bar.add_task(msg.INDEX_BUILDING, total=None)
        path = build_index(
            settings.cache_dir,
            embedder,
            settings.corpus_dir,
            progress=lambda done, total: bar.update(task, completed=done, total=total),
        )
    manifest = json.loads((path / "manifest.json").read_text())
    typer.echo(
        msg.INDEX_DONE.format(
            units=manifest["units"],
            passages=manifest["passages"],
            documents=len(manifest["documents"]),
            seconds=time.perf_counter() - started,
            path=path,
        )
    )


@app.command()
def search(
    query: Annotated[
        str | None, typer.Argument(help="The query; omit it to read one query per line from stdin.")
    ] = None,
    k: Annotated[int, typer.Option("-k", min=1, max=50, help="How many units to return.")] = 5,
    mode: Annotated[Mode, typer.Option("--mode", help="hybrid (default), bm25 or dense.")] = "hybrid",
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines: one object per query.")] = False,
) -> None:
    """Ranked handbook units for a query, each with its citable ref."""
    queries = _queries(query)
    retrieval = _open()
    for text, results in zip(queries, retrieval.searcher.search_many(queries, k=k, mode=mode), strict=True):
        if as_json:
            _emit_json({"query": text, "mode": mode, "results": [r.model_dump() for r in results]})
            continue
        typer.echo(msg.SEARCH_HEADER.format(query=text, mode=mode))
        if not results:
            typer.echo(msg.SEARCH_NONE)
        for r in results:
            typer.echo(
                msg.SEARCH_ROW.format(rank=r.rank, ref=r.ref, doc=r.doc, score=r.score, snippet=_snippet(r.text))
            )
        typer.echo("")


@app.command()
def ask(
    question: Annotated[
        str | None, typer.Argument(help="The question; omit it to read one per line from stdin.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines: one object per question.")] = False,
) -> None:
    """A short answer built from the handbook's own sentences, each with the ref an inspector can check."""
    questions = _queries(question)
    retrieval = _open()
    for answer in retrieval.answerer.answer_many(questions):
        if as_json:
            _emit_json(answer.model_dump())
            continue
        typer.echo(msg.ASK_HEADER.format(question=answer.question))
        typer.echo(answer.answer)
        if answer.citations:
            typer.echo(msg.ASK_SOURCES)
            for c in answer.citations:
                typer.echo(msg.ASK_SOURCE_ROW.format(ref=c.ref, doc=c.doc, quote=_snippet(c.quote, 200)))
        typer.echo("")


@app.command(name="check-report")
def check_report(
    files: Annotated[list[Path], typer.Argument(help="Report drafts: .docx, .txt or .md.")],
    mode: Annotated[
        str, typer.Option("--mode", help="report (default): initials and case references are findings; sea: allowed.")
    ] = "report",
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines: one object per file.")] = False,
    prevent_priority: Annotated[
        bool,
        typer.Option("--prevent-priority", help="Home Office Prevent priority area: the Prevent area is required."),
    ] = False,
    delegated: Annotated[
        bool, typer.Option("--delegated", help="Functions delegated to a third party: governance area is required.")
    ] = False,
    post_monitoring: Annotated[
        bool, typer.Option("--post-monitoring", help="Post-monitoring report: flag more than 12 pages (para 216).")
    ] = False,
    annotate: Annotated[
        Path | None,
        typer.Option(
            "--annotate", help="Write a copy of the (single) .docx draft with findings highlighted and commented."
        ),
    ] = None,
) -> None:
    """Check drafts before QA: identifying details, missing reporting areas, structure, style.
    Exit 0 when clean, 1 when something was found, 2 when no file could be read."""
    from drafting.check import CheckOptions, ReportChecker
    from drafting.coverage import CoverageChecker
    from drafting.errors import UnreadableDocumentError
    from drafting.identifiers import IdentifierScanner, default_detectors
    from retrieval.embedder import SentenceTransformerEmbedder

    if mode not in ("report", "sea"):
        raise UserInputError(f"--mode must be report or sea, not {mode!r}")
    if annotate is not None and (len(files) != 1 or annotate.suffix.lower() != ".docx"):
        raise UserInputError(msg.CHECK_ANNOTATE_USAGE)
    options = CheckOptions(
        mode=mode, prevent_priority=prevent_priority, delegated=delegated, post_monitoring=post_monitoring
    )
    settings = _settings()
    checker = ReportChecker(
        IdentifierScanner(default_detectors()), CoverageChecker(SentenceTransformerEmbedder(settings.model_dir))
    )
    read_any = problems = False
    for path in files:
        try:
            result, evidence, text = checker.check_file(path, options)
        except UnreadableDocumentError as exc:
            typer.echo(msg.ERROR_PREFIX + str(exc), err=True)
            continue
        read_any = True
        problems = problems or result.has_problems
        if annotate is not None:
            from drafting.annotate import annotate_docx

            try:
                marked = annotate_docx(path, result, annotate)
            except UnreadableDocumentError as exc:
                typer.echo(msg.ERROR_PREFIX + str(exc), err=True)
            else:
                typer.echo(msg.CHECK_ANNOTATED.format(count=marked, path=annotate), err=True)
        if as_json:
            _emit_json(result.model_dump())
        else:
            _print_check(result, evidence, text)
    if not read_any:
        raise UserInputError(msg.CHECK_NONE_READABLE)
    raise typer.Exit(1 if problems else 0)


def _print_check(result, evidence, text: str) -> None:
    from drafting.areas import load_areas

    areas = {a.id: a for a in load_areas().areas}
    typer.echo(msg.CHECK_FILE.format(file=result.file))
    if result.identifiers:
        typer.echo(msg.CHECK_IDENTIFIERS.format(count=len(result.identifiers)))
        for f in result.identifiers:
            context = " ".join(text[max(0, f.start - 40) : f.end + 40].split())
            typer.echo(
                msg.CHECK_IDENTIFIER_ROW.format(type=f.type, text=f.text, start=f.start, end=f.end, context=context)
            )
    cov = result.coverage
    typer.echo(
        msg.CHECK_COVERAGE.format(covered=len(cov.covered), missing=len(cov.missing), na=len(cov.not_applicable))
    )
    for area in cov.missing:
        typer.echo(msg.CHECK_MISSING_ROW.format(area=area, name=areas[area].area, source=areas[area].source))
    for item in evidence:
        typer.echo(msg.CHECK_COVERED_ROW.format(area=item.area, sentence=_snippet(item.sentence, 120)))
    for area in cov.not_applicable:
        flag = "--prevent-priority" if areas[area].conditional == "prevent" else "--delegated"
        typer.echo(msg.CHECK_NA_ROW.format(area=area, flag=flag))
    if result.structure:
        typer.echo(msg.CHECK_STRUCTURE.format(count=len(result.structure)))
        for item in result.structure:
            typer.echo(msg.CHECK_STRUCTURE_ROW.format(message=item.message))
    if result.style:
        typer.echo(msg.CHECK_STYLE.format(count=len(result.style)))
        for item in result.style:
            typer.echo(
                msg.CHECK_STYLE_ROW.format(type=item.type, advice=item.advice, sentence=_snippet(item.sentence, 120))
            )
    if not result.has_problems:
        typer.echo(msg.CHECK_CLEAN)
    typer.echo("")


@app.command(name="eval")
def evaluate_command(
    questions: Annotated[Path, typer.Argument(help='JSONL file: {"q": question, "gold": [refs]} per line.')] = Path(
        "../shared/eval/questions.jsonl"
    ),
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per mode.")] = False,
) -> None:
    """Retrieval quality per mode (bm25, dense, hybrid): hit@1, hit@5 and MRR against gold refs."""
    from retrieval.evaluate import evaluate, load_questions

    items = load_questions(questions)
    retrieval = _open()
    for scores in evaluate(retrieval.searcher, items, ["bm25", "dense", "hybrid"]):
        if as_json:
            _emit_json(scores.model_dump())
            continue
        typer.echo(msg.EVAL_ROW.format(mode=scores.mode, hit1=scores.hit_at_1, hit5=scores.hit_at_5, mrr=scores.mrr))
        for missed in scores.misses_at_5:
            typer.echo(msg.EVAL_MISSES.format(mode=scores.mode, question=missed))


@app.command()
def bench(
    queries: Annotated[int, typer.Option(help="Batch size for the batch-vs-bare-model ratio.")] = 300,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as one JSON object.")] = False,
) -> None:
    """Speed figures: search latency, cold ask, index build/load, peak memory, batch/model ratio."""
    from retrieval.benchmark import run_benchmark

    figures = run_benchmark(_settings(), batch_size=queries, log=lambda line: typer.echo(line, err=True))
    if as_json:
        _emit_json(figures)
    else:
        for key, value in figures.items():
            typer.echo(f"{key:<34} {value}")


def main() -> None:
    """Console-script entry: domain errors become one line on stderr and exit 2, never a traceback.
    Usage errors (unknown option, bad -k) are Typer's own, also exit 2."""
    try:
        app()
    except (UserInputError, RetrievalError, DraftingError) as exc:
        typer.echo(msg.ERROR_PREFIX + str(exc), err=True)
        sys.exit(2)


__all__ = ["app", "main"]
