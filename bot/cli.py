"""`handbook`: the terminal front end. Environment variables are read here and nowhere below."""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from pydantic import ValidationError
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from bot import messages as msg
from drafting.errors import DraftingError
from retrieval.absent_words import quoted_words
from retrieval.errors import BadQueryError, RetrievalError
from retrieval.search import Mode, validate_query
from retrieval.settings import RetrievalSettings

if TYPE_CHECKING:
    from drafting.check import CheckedFile
    from drafting.identifiers import IdentifierScanner

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


def _scanner(settings: RetrievalSettings) -> IdentifierScanner:
    """The identifier detectors, with the name lists kept in the index cache (read back in 0.02 s, not built in
    2.2 s, by every later command)."""
    from drafting.identifiers import IdentifierScanner, default_detectors
    from drafting.identifiers.lexicon import load_lexicon

    return IdentifierScanner(default_detectors(load_lexicon(settings.cache_dir)))


def _notify(text: str) -> None:
    typer.echo(msg.INDEX_REBUILD.format(reason=text), err=True)


def _open(settings: RetrievalSettings | None = None):
    from retrieval.service import open_retrieval

    settings = settings or _settings()
    # The bar appears only if the index has to be built: a cached load prints nothing at all.
    with contextlib.ExitStack() as stack:
        shown: dict[str, object] = {}

        def progress(done: int, total: int) -> None:
            if not shown:
                bar = stack.enter_context(_progress_bar())
                shown.update(bar=bar, task=bar.add_task(msg.INDEX_BUILDING, total=total))
            shown["bar"].update(shown["task"], completed=done)

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
            loaded = load_index(settings.cache_dir, embedder.model_id, settings.corpus_dir, settings.adapt_queries)
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
            adapt=settings.adapt_queries,
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
        if absent := retrieval.searcher.absent_words(text):
            typer.echo(msg.SEARCH_ABSENT.format(words=quoted_words(absent)))
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
    from retrieval.embedder import SentenceTransformerEmbedder

    if mode not in ("report", "sea"):
        raise UserInputError(f"--mode must be report or sea, not {mode!r}")
    if annotate is not None and (len(files) != 1 or annotate.suffix.lower() != ".docx"):
        raise UserInputError(msg.CHECK_ANNOTATE_USAGE)
    options = CheckOptions(
        mode=mode, prevent_priority=prevent_priority, delegated=delegated, post_monitoring=post_monitoring
    )
    settings = _settings()
    coverage = CoverageChecker(SentenceTransformerEmbedder(settings.model_dir), cache_dir=settings.cache_dir)
    checker = ReportChecker(_scanner(settings), coverage)
    read_any = problems = False
    for path in files:
        try:
            checked = checker.check_file(path, options)
        except UnreadableDocumentError as exc:
            if len(files) == 1:
                raise UserInputError(str(exc)) from exc  # the contract's one line on stderr
            typer.echo(msg.ERROR_PREFIX + str(exc), err=True)
            continue
        read_any = True
        result = checked.result
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
            _print_check(checked)
    if not read_any:
        raise UserInputError(msg.CHECK_NONE_READABLE)
    raise typer.Exit(1 if problems else 0)


def _print_check(checked: CheckedFile) -> None:
    from drafting.areas import load_areas
    from drafting.check import finding_context, type_label

    result, evidence, text = checked.result, checked.evidence, checked.text
    areas = {a.id: a for a in load_areas().areas}
    typer.echo(msg.CHECK_FILE.format(file=result.file))
    if result.identifiers:
        typer.echo(msg.CHECK_IDENTIFIERS.format(count=len(result.identifiers)))
        for f in result.identifiers:
            context = finding_context(text, f.start, f.end)
            kind = type_label(f.type, f.score)
            region = checked.region(f)
            where = f", {msg.FINDING_REGION[region]}" if region else ""
            typer.echo(
                msg.CHECK_IDENTIFIER_ROW.format(
                    type=kind, text=f.text, start=f.start, end=f.end, where=where, context=context
                )
            )
        if any(type_label(f.type, f.score) != f.type for f in result.identifiers):
            typer.echo(msg.CHECK_POSSIBLE_NOTE)
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
    if result.unfinished:
        typer.echo(msg.CHECK_UNFINISHED.format(count=len(result.unfinished)))
        for item in result.unfinished:
            context = finding_context(text, item.start, item.end)
            marker = text[item.start : item.end]
            typer.echo(msg.CHECK_UNFINISHED_ROW.format(marker=marker, start=item.start, end=item.end, context=context))
    if result.advice:
        typer.echo(msg.CHECK_STYLE.format(count=len(result.advice)))
        for item in result.advice:
            typer.echo(
                msg.CHECK_STYLE_ROW.format(type=item.type, advice=item.advice, sentence=_snippet(item.sentence, 120))
            )
    if not result.has_problems:
        typer.echo(msg.CHECK_CLEAN)
    typer.echo("")


sea_app = typer.Typer(help="SEA evidence store: import, list and purge an inspection's entries.", no_args_is_help=True)
app.add_typer(sea_app, name="sea")


def _store():
    from drafting.settings import StoreSettings
    from drafting.store import EvidenceStore

    return EvidenceStore(StoreSettings().database_url)


def _checked_entries(entries, scanner, log):
    """SEA-mode identifier check of each entry (case references and initials allowed, para 160)."""
    from drafting.sea_check import entry_identifiers

    found = [f"{entry_id}.{field}: {f.type} “{f.text}”" for entry_id, field, f in entry_identifiers(entries, scanner)]
    if found:
        log(msg.DRAFT_SEA_FINDINGS.format(items="; ".join(found)))
    return found


@sea_app.command("import")
def sea_import(
    file: Annotated[Path, typer.Argument(help="SEA file: .csv, .json, .xlsx (first sheet) or .docx (a table).")],
    inspection: Annotated[str, typer.Option("--inspection", help="The inspection (Slack channel id or a name).")],
    skip_invalid: Annotated[
        bool, typer.Option("--skip-invalid", help="Import the valid rows and list the rest.")
    ] = False,
    actor: Annotated[str, typer.Option("--actor", help="Who is importing, for the audit log (a role).")] = "cli",
) -> None:
    """Import a SEA file into the store in one transaction (all rows or none, unless --skip-invalid)."""
    from drafting.sea_readers import read_sea

    result = read_sea(file, skip_invalid=skip_invalid)
    if result.skipped:
        typer.echo(msg.SEA_SKIPPED.format(rows="\n  ".join(result.skipped)), err=True)
    _checked_entries(result.entries, _scanner(_settings()), lambda line: typer.echo(line, err=True))
    counts = _store().import_entries(inspection, result.entries, actor)
    typer.echo(msg.SEA_IMPORTED.format(inspection=inspection, total=len(result.entries), **counts))


@sea_app.command("list")
def sea_list(
    inspection: Annotated[str | None, typer.Option("--inspection", help="Omit to list the inspections.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines: one entry per line.")] = False,
) -> None:
    """List an inspection's SEA entries (or, without --inspection, the inspections in the store)."""
    store = _store()
    if inspection is None:
        typer.echo(msg.SEA_INSPECTIONS.format(names=", ".join(store.inspections()) or "none"))
        return
    for entry in store.entries(inspection):
        if as_json:
            _emit_json(entry.model_dump(mode="json"))
        else:
            typer.echo(
                msg.SEA_LIST_ROW.format(
                    id=entry.id,
                    date=entry.date,
                    judgement=entry.judgement,
                    grade=entry.grade or "-",
                    areas=";".join(entry.areas),
                )
            )


@sea_app.command("purge")
def sea_purge(
    inspection: Annotated[str, typer.Option("--inspection", help="The inspection whose evidence is deleted.")],
    yes: Annotated[bool, typer.Option("--yes", help="Confirm: this cannot be undone.")] = False,
    actor: Annotated[str, typer.Option("--actor", help="Who is purging, for the audit log.")] = "cli",
) -> None:
    """Delete an inspection's SEA entries (retention, para 161). The audit log records the purge."""
    if not yes:
        raise UserInputError(msg.SEA_PURGE_CONFIRM.format(inspection=inspection))
    typer.echo(msg.SEA_PURGED.format(inspection=inspection, count=_store().purge(inspection, actor)))


@app.command()
def draft(
    section: Annotated[
        str,
        typer.Argument(
            help="leadership, help-and-protection, children-looked-after, adoption, care-leavers, executive-summary, recommendations or children-summary."
        ),
    ],
    sea: Annotated[Path | None, typer.Option("--sea", help="A SEA file (.csv, .json, .xlsx, .docx).")] = None,
    inspection: Annotated[
        str | None, typer.Option("--inspection", help="Use the store's entries for this inspection.")
    ] = None,
    out: Annotated[Path | None, typer.Option("--out", help="Also write the draft as a .docx.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="The draft as one JSON object.")] = False,
    prevent_priority: Annotated[bool, typer.Option("--prevent-priority", help="The Prevent area is required.")] = False,
    delegated: Annotated[bool, typer.Option("--delegated", help="The delegated-governance area is required.")] = False,
    skip_invalid: Annotated[
        bool, typer.Option("--skip-invalid", help="With --sea: draft from the valid rows.")
    ] = False,
) -> None:
    """Draft a report section from SEA entries: every sentence traceable to its entries, gaps named."""
    from drafting.assign import assign_areas
    from drafting.coverage import CoverageChecker
    from drafting.draft import SECTIONS, TITLES, Drafter, unquantified
    from drafting.sea_readers import read_sea
    from retrieval.embedder import SentenceTransformerEmbedder

    if section not in SECTIONS:
        raise UserInputError(f"unknown section {section!r}; use one of: {', '.join(SECTIONS)}")
    if (sea is None) == (inspection is None):
        raise UserInputError(msg.DRAFT_NEED_SOURCE)
    if out is not None and out.suffix.lower() != ".docx":
        raise UserInputError("--out must end in .docx")
    log = lambda line: typer.echo(line, err=True)  # noqa: E731
    if sea is not None:
        result = read_sea(sea, skip_invalid=skip_invalid)
        if result.skipped:
            log(msg.SEA_SKIPPED.format(rows="\n  ".join(result.skipped)))
        entries = result.entries
    else:
        store = _store()
        entries = store.entries(inspection)
        if not entries:
            raise UserInputError(msg.DRAFT_NO_ENTRIES.format(inspection=inspection))
    drafter = Drafter(_scanner(_settings()))  # its scanner also checks the entries
    _checked_entries(entries, drafter.scanner, log)
    assignments = []
    if any(not e.areas for e in entries):
        settings = _settings()
        checker = CoverageChecker(SentenceTransformerEmbedder(settings.model_dir), cache_dir=settings.cache_dir)
        entries, assignments = assign_areas(entries, checker)
    result_draft = drafter.draft(section, entries, prevent=prevent_priority, delegated=delegated)
    profile = drafter.profile(section, entries, prevent=prevent_priority, delegated=delegated)
    if inspection is not None:
        store.record_draft(inspection, section, "cli")
    if out is not None:
        from drafting.draft_docx import write_draft_docx

        write_draft_docx(result_draft, out, inspection)
    if as_json:
        _emit_json(result_draft.model_dump())
        return
    typer.echo(
        msg.DRAFT_HEADER.format(
            title=TITLES[section], paragraphs=len(result_draft.paragraphs), gaps=len(result_draft.gaps)
        )
    )
    for paragraph in result_draft.paragraphs:
        typer.echo(
            msg.DRAFT_PARAGRAPH.format(area=paragraph.area, text=paragraph.text, sources=", ".join(paragraph.sources))
        )
    missing_extent = unquantified(result_draft)
    if missing_extent:
        typer.echo(msg.DRAFT_EXTENT.format(paragraphs=", ".join(map(str, missing_extent))))
    if result_draft.gaps:
        typer.echo(msg.DRAFT_GAPS)
        for gap in result_draft.gaps:
            typer.echo(msg.DRAFT_GAP_ROW.format(area=gap.area, required=gap.required, why=gap.why))
    typer.echo(
        msg.DRAFT_PROFILE.format(
            entries=profile.entries,
            grades=", ".join(f"{k} {v}" for k, v in profile.by_grade.items()) or "none",
            annex_h=", ".join(profile.annex_h) or "none",
            concerns=", ".join(profile.significant_concerns) or "none",
            reviews=", ".join(profile.reviews_excluded) or "none",
        )
    )
    if profile.not_applicable:
        typer.echo(msg.DRAFT_NA.format(areas=", ".join(profile.not_applicable)))
    if assignments:
        typer.echo(
            msg.DRAFT_ASSIGNED.format(
                assignments="; ".join(f"{a.entry} → {a.area} ({a.confidence:.2f})" for a in assignments)
            )
        )
    if result_draft.identifiers:
        typer.echo(msg.DRAFT_REMOVED.format(items="; ".join(f"{i.type} “{i.text}”" for i in result_draft.identifiers)))
    if out is not None:
        typer.echo(msg.DRAFT_WRITTEN.format(path=out))


@app.command()
def slack(
    socket: Annotated[bool, typer.Option("--socket", help="Socket Mode (needs SLACK_APP_TOKEN).")] = False,
    http: Annotated[bool, typer.Option("--http", help="HTTP request URL mode, on /slack/events.")] = False,
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port for --http.")] = 3000,
) -> None:
    """Run the Slack bot. Settings: SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_APP_TOKEN (socket mode),
    HANDBOOK_SLACK_API_URL, HANDBOOK_DATABASE_URL."""
    import logging

    from slack_sdk import WebClient

    from bot.files import allowed_hosts
    from bot.server import serve_http, serve_socket_mode
    from bot.settings import SlackSettings
    from bot.slack_app import create_app
    from drafting.check import ReportChecker
    from drafting.coverage import CoverageChecker
    from drafting.draft import Drafter

    if socket == http:
        raise UserInputError(msg.SLACK_MODE)
    settings = SlackSettings()
    if settings.bot_token is None:
        raise UserInputError(msg.SLACK_NEEDS.format(name="SLACK_BOT_TOKEN", why="the bot's xoxb- token"))
    if settings.signing_secret is None:
        raise UserInputError(msg.SLACK_NEEDS.format(name="SLACK_SIGNING_SECRET", why="verifies every request"))
    if socket and settings.app_token is None:
        raise UserInputError(msg.SLACK_NEEDS.format(name="SLACK_APP_TOKEN", why="the xapp- token for Socket Mode"))
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    retrieval = _open()
    retrieval.answerer.answer("warm up")  # model and caches loaded before the first user waits
    client = WebClient(token=settings.bot_token.get_secret_value(), base_url=settings.api_url)
    scanner = _scanner(retrieval.settings)  # stateless: drafts, SEA checks and report checks share it
    app = create_app(
        client=client,
        signing_secret=settings.signing_secret.get_secret_value(),
        answerer=retrieval.answerer,
        drafter=Drafter(scanner),
        store=_store(),
        checker=ReportChecker(scanner, CoverageChecker(retrieval.embedder, cache_dir=retrieval.settings.cache_dir)),
        file_hosts=allowed_hosts(settings.api_url),
        index_manifest=retrieval.index.manifest,
    )
    typer.echo(
        msg.SLACK_STARTING.format(mode="socket" if socket else f"http :{port}", units=len(retrieval.index.units)),
        err=True,
    )
    if socket:
        serve_socket_mode(app, settings.app_token.get_secret_value())
    else:
        serve_http(app, port)


feedback_app = typer.Typer(help="Answer feedback from Slack (👍/👎).", no_args_is_help=True)
app.add_typer(feedback_app, name="feedback")


@feedback_app.command("export")
def feedback_export(as_json: Annotated[bool, typer.Option("--json", help="JSON Lines.")] = False) -> None:
    """Every rating with its question, answer and cited refs, oldest first (for evaluation)."""
    for row in _store().feedback():
        if as_json:
            _emit_json(row)
        else:
            typer.echo(
                msg.FEEDBACK_ROW.format(
                    at=row["at"], rating=row["rating"], question=row["question"], refs=", ".join(row["refs"])
                )
            )


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
    """Console-script entry: domain errors and usage errors (unknown option, bad -k, missing argument)
    become one line on stderr and exit 2, never a traceback or a boxed panel: the contract promises a
    one-line reason. `handbook` alone still prints the help."""
    try:  # Typer 0.2x carries its own copy of Click; earlier releases use Click itself
        from typer.core import _click as click
    except ImportError:
        import click

    try:
        code = app(standalone_mode=False, prog_name="handbook")
    except (UserInputError, RetrievalError, DraftingError) as exc:
        typer.echo(msg.ERROR_PREFIX + str(exc), err=True)
        sys.exit(2)
    except click.exceptions.NoArgsIsHelpError as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        typer.echo(msg.ERROR_PREFIX + usage_error_line(exc), err=True)
        sys.exit(exc.exit_code)
    except typer.Abort:
        typer.echo(msg.ABORTED, err=True)
        sys.exit(1)
    except Exception as exc:  # a bug, not the user's doing: one line and a log to report, not a traceback
        if os.environ.get("HANDBOOK_DEBUG"):
            raise
        log = write_crash_log()
        typer.echo(msg.ERROR_PREFIX + msg.INTERNAL_ERROR.format(kind=type(exc).__name__, log=log), err=True)
        sys.exit(INTERNAL_ERROR_EXIT)
    sys.exit(code if isinstance(code, int) else 0)


# sysexits.h's EX_SOFTWARE: neither success (0), findings (1) nor bad input (2).
INTERNAL_ERROR_EXIT = 70


def write_crash_log() -> Path:
    """The current exception's traceback, with the command line, in the cache directory (the temporary one
    when that cannot be written); returns its path."""
    import tempfile
    import traceback
    from datetime import UTC, datetime

    text = f"{datetime.now(UTC).isoformat()} {' '.join(sys.argv)}\n{traceback.format_exc()}"
    try:
        folder = RetrievalSettings().cache_dir
        folder.mkdir(parents=True, exist_ok=True)
    except Exception:  # a bad setting or an unwritable home: the log must still be written somewhere
        folder = Path(tempfile.gettempdir())
    log = folder / "last-error.log"
    log.write_text(text, encoding="utf-8")
    return log


def usage_error_line(exc: Exception) -> str:
    """Click's message folded to one line, with the command's help to turn to."""
    reason = " ".join(exc.format_message().split())  # type: ignore[attr-defined]
    ctx = getattr(exc, "ctx", None)
    if ctx is None:
        return reason
    return msg.USAGE_HINT.format(reason=reason, command=ctx.command_path)


__all__ = ["app", "main"]
