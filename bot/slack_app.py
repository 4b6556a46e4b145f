"""The Slack app: a factory that takes its collaborators, thin handlers that call the library.

Every slow step acknowledges at once ("Working on it…") and answers afterwards from a listener pool
large enough for a burst (Bolt's default pool is small: a sixth slow command would miss the 3-second
acknowledgement). No state lives in the process: evidence, threads and feedback are in the store, so
several instances can run behind a load balancer.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import tempfile
import typing
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pydantic import ValidationError
from slack_bolt import App
from slack_sdk import WebClient

from bot import messages as msg
from bot.blocks import answer_blocks, file_view, limit, sea_add_view, sections, view_values
from bot.files import SLACK_FILE_HOSTS, FileRejected, fetch_shared_file
from bot.threads import follow_up_query, remembered_context
from drafting.annotate import annotate_docx
from drafting.check import CheckOptions, ReportChecker, finding_context, type_label
from drafting.draft import JUDGEMENTS, SECTIONS, TITLES, Drafter
from drafting.draft_docx import write_draft_docx
from drafting.errors import DraftingError
from drafting.sea import FIX_HINTS, Role, SeaEntry
from drafting.sea_check import entry_identifiers
from drafting.sea_readers import SeaFileError, read_sea
from drafting.store import EvidenceStore
from retrieval.answer import Answerer
from retrieval.errors import BadQueryError
from retrieval.search import MAX_QUERY_CHARS

log = logging.getLogger("handbook.slack")
LISTENER_THREADS = 64
# Slow work (retrieval, drafting, uploads) runs on a small pool of its own: a burst of commands then
# never starves the threads that acknowledge requests (CPU-bound work on 2 cores gains nothing from more).
WORKER_THREADS = 4
# A check's reply lists this many placeholders left in a draft; the annotated copy marks them all.
UNFINISHED_LISTED = 10


def create_app(
    *,
    client: WebClient,
    signing_secret: str,
    answerer: Answerer,
    drafter: Drafter,
    store: EvidenceStore,
    checker: ReportChecker | None = None,
    file_hosts: frozenset[str] = SLACK_FILE_HOSTS,
    index_manifest: dict | None = None,
    listener_threads: int = LISTENER_THREADS,
    worker_threads: int = WORKER_THREADS,
) -> App:
    app = App(
        client=client,
        signing_secret=signing_secret,
        listener_executor=ThreadPoolExecutor(max_workers=listener_threads, thread_name_prefix="listener"),
        # Errors are answered politely by the handler below, not re-raised into the HTTP response.
        raise_error_for_unhandled_request=False,
    )

    workers = ThreadPoolExecutor(max_workers=worker_threads, thread_name_prefix="worker")

    @app.error
    def on_error(error, body, logger):  # one handler: log the failure, tell the user politely
        report_failure(error, body)

    def report_failure(error: BaseException, body: dict) -> None:
        log.error("handler failed: %s", type(error).__name__, exc_info=error)
        event = body.get("event") or {}
        channel = (body.get("channel") or {}).get("id") or body.get("channel_id") or event.get("channel")
        user = (body.get("user") or {}).get("id") or body.get("user_id") or event.get("user")
        if channel and user:
            try:
                client.chat_postEphemeral(channel=channel, user=user, text=msg.SLACK_ERROR)
            except Exception:  # noqa: BLE001 - already failing; the log has it
                log.warning("could not tell the user about the failure")

    def later(body: dict, work, *args) -> None:
        """Run slow work after the acknowledgement; failures reach the same polite error path."""

        def run() -> None:
            try:
                work(*args)
            except Exception as exc:  # noqa: BLE001 - reported to the user and the log
                report_failure(exc, body)

        workers.submit(run)

    def answer_question(question: str, previous: str | None = None):
        question = question.strip()
        if not question:
            raise BadQueryError(msg.SLACK_EMPTY_QUESTION)
        if len(question) > MAX_QUERY_CHARS:
            raise BadQueryError(msg.SLACK_QUESTION_TOO_LONG)
        answer = answerer.answer(follow_up_query(previous, question, MAX_QUERY_CHARS))
        return answer.model_copy(update={"question": question})

    # Ask ----------------------------------------------------------------------------------------
    @app.command("/ask")
    def ask_command(ack, command):
        text = (command.get("text") or "").strip()
        if not text:
            ack(text=msg.SLACK_EMPTY_QUESTION)
            return
        ack(text=msg.SLACK_WORKING)
        later(command, ask_reply, command["channel_id"], command["user_id"], text)

    def ask_reply(channel: str, user: str, text: str) -> None:
        try:
            answer = answer_question(text)
        except BadQueryError as exc:
            client.chat_postEphemeral(channel=channel, user=user, text=str(exc))
            return
        client.chat_postEphemeral(
            channel=channel, user=user, text=answer.answer[:3000], blocks=answer_blocks(answer, share_button=True)
        )

    @app.event("app_mention")
    def on_mention(body, event):
        question = " ".join(w for w in (event.get("text") or "").split() if not w.startswith("<@"))
        thread_ts = event.get("thread_ts") or event["ts"]
        later(body, reply_in_thread, event["channel"], thread_ts, question, bool(event.get("thread_ts")))

    @app.event("message")
    def on_message(body, event):
        if event.get("bot_id") or event.get("subtype"):
            return
        channel_type = event.get("channel_type")
        thread_ts = event.get("thread_ts")
        if channel_type == "im":
            later(
                body,
                reply_in_thread,
                event["channel"],
                thread_ts or event["ts"],
                event.get("text") or "",
                bool(thread_ts),
            )
        elif thread_ts and "<@" not in (event.get("text") or ""):
            # Only a follow-up in a thread the bot answered; other thread chatter is not for the bot.
            later(body, reply_in_thread, event["channel"], thread_ts, event.get("text") or "", True, True)

    def reply_in_thread(
        channel: str, thread_ts: str, question: str, in_thread: bool, only_if_known: bool = False
    ) -> None:
        previous = store.thread_question(channel, thread_ts) if in_thread else None
        if only_if_known and previous is None:
            return
        try:
            answer = answer_question(question, previous)
        except BadQueryError as exc:
            client.chat_postMessage(channel=channel, thread_ts=thread_ts, text=str(exc))
            return
        # Remembered before posting: a follow-up typed the moment the answer appears must find the thread.
        store.remember_thread(channel, thread_ts, remembered_context(previous, answer.question))
        client.chat_postMessage(
            channel=channel, thread_ts=thread_ts, text=answer.answer[:3000], blocks=answer_blocks(answer)
        )

    @app.action("share_answer")
    def share(ack, body, action):
        ack()
        later(body, share_reply, body, action)

    def share_reply(body: dict, action: dict) -> None:
        question = json.loads(action["value"])["q"]
        answer = answerer.answer(question)
        blocks = sections(msg.SLACK_SHARED_BY.format(user=body["user"]["id"], question=question)) + answer_blocks(
            answer
        )
        client.chat_postMessage(channel=body["channel"]["id"], text=answer.answer[:3000], blocks=limit(blocks))

    @app.action("feedback_up")
    @app.action("feedback_down")
    def feedback(ack, body, action):
        ack()
        value = json.loads(action["value"])
        answer_text = "\n".join(
            b.get("text", {}).get("text", "")
            for b in (body.get("message") or {}).get("blocks", [])
            if b.get("type") == "section"
        )
        channel = (body.get("channel") or body.get("container") or {}).get("id") or (body.get("container") or {}).get(
            "channel_id", ""
        )
        store.add_feedback(
            channel=channel or "",
            user=body["user"]["id"],
            question=value["q"],
            answer=answer_text,
            refs=value.get("refs", []),
            rating="up" if action["action_id"] == "feedback_up" else "down",
        )
        if channel:
            client.chat_postEphemeral(channel=channel, user=body["user"]["id"], text=msg.SLACK_THANKS)

    # Draft --------------------------------------------------------------------------------------
    def is_member(channel: str, user: str) -> bool:
        cursor = None
        while True:
            page = client.conversations_members(channel=channel, cursor=cursor, limit=1000)
            if user in page.get("members", []):
                return True
            cursor = (page.get("response_metadata") or {}).get("next_cursor")
            if not cursor:
                return False

    @app.command("/draft")
    def draft_command(ack, command):
        section = (command.get("text") or "").strip().lower()
        if not section:
            ack(text=msg.SLACK_DRAFT_USAGE.format(sections=", ".join(SECTIONS)))
            return
        if section not in SECTIONS:
            ack(text=msg.SLACK_UNKNOWN_SECTION.format(section=section[:60], sections=", ".join(SECTIONS)))
            return
        ack(text=msg.SLACK_WORKING)
        later(command, draft_reply, command["channel_id"], command["user_id"], section)

    def draft_reply(channel: str, user: str, section: str) -> None:
        # Channel membership is checked before any evidence is read.
        if not is_member(channel, user):
            client.chat_postEphemeral(channel=channel, user=user, text=msg.SLACK_NOT_MEMBER)
            return
        entries = store.entries(channel)
        if not entries:
            client.chat_postEphemeral(channel=channel, user=user, text=msg.SLACK_NO_EVIDENCE)
            return
        draft = drafter.draft(section, entries)
        profile = drafter.profile(section, entries)
        store.record_draft(channel, section, user)
        lines = [
            msg.SLACK_DRAFT_SUMMARY.format(
                title=TITLES[section], paragraphs=len(draft.paragraphs), entries=profile.entries, gaps=len(draft.gaps)
            )
        ]
        if draft.gaps:
            lines.append(msg.SLACK_DRAFT_GAPS.format(areas=", ".join(g.area for g in draft.gaps)))
        lines.append(
            msg.SLACK_DRAFT_PROFILE.format(
                grades=", ".join(f"{k} {v}" for k, v in profile.by_grade.items()) or "none",
                annex_h=", ".join(profile.annex_h) or "none",
                concerns=", ".join(profile.significant_concerns) or "none",
            )
        )
        if draft.identifiers:
            lines.append(msg.SLACK_DRAFT_REMOVED.format(count=len(draft.identifiers)))
        posted = client.chat_postMessage(channel=channel, text=lines[0], blocks=limit(sections("\n".join(lines))))
        with tempfile.TemporaryDirectory() as tmp:
            path = write_draft_docx(draft, Path(tmp) / f"draft-{section}.docx", inspection=channel)
            client.files_upload_v2(
                channel=channel,
                thread_ts=posted["ts"],
                file=str(path),
                filename=path.name,
                title=msg.SLACK_DRAFT_FILE.format(section=section),
            )

    # SEA ----------------------------------------------------------------------------------------
    @app.command("/sea")
    def sea_command(ack, command, body):
        words = (command.get("text") or "").split()
        verb = words[0].lower() if words else ""
        channel, user = command["channel_id"], command["user_id"]
        if verb not in ("add", "import", "list", "purge"):
            ack(text=msg.SLACK_SEA_USAGE_FULL)
            return
        ack()
        if not is_member(channel, user):
            client.chat_postEphemeral(channel=channel, user=user, text=msg.SLACK_NOT_MEMBER)
            return
        if verb == "add":
            areas = [(a.id, a.area) for a in drafter.table.areas]
            roles = list(typing.get_args(Role))
            view = sea_add_view(channel, list(JUDGEMENTS), areas, roles)
            client.views_open(trigger_id=command["trigger_id"], view=view)
            return
        if verb == "import":
            view = file_view(
                "sea_import_submit",
                msg.SLACK_SEA_IMPORT_TITLE,
                channel,
                "SEA file (.csv, .xlsx, .docx)",
                ["csv", "xlsx", "docx"],
            )
            client.views_open(trigger_id=command["trigger_id"], view=view)
            return
        later(body, sea_show, channel, user, verb)

    def sea_show(channel: str, user: str, verb: str) -> None:
        entries = store.entries(channel)
        if verb == "list":
            rows = [
                msg.SLACK_SEA_LIST_ROW.format(
                    id=e.id, date=e.date, judgement=e.judgement, grade=e.grade or "", evaluation=e.evaluation
                )
                for e in entries
            ]
            client.chat_postEphemeral(
                channel=channel,
                user=user,
                text="SEA",
                blocks=limit(sections("\n".join(rows) or msg.SLACK_SEA_LIST_EMPTY)),
            )
            return
        confirm = {
            "type": "actions",
            "elements": [
                {
                    "type": "button",
                    "action_id": "sea_purge_confirm",
                    "style": "danger",
                    "value": channel,
                    "text": {"type": "plain_text", "text": msg.SLACK_SEA_PURGE_BUTTON},
                }
            ],
        }
        text = msg.SLACK_SEA_PURGE_CONFIRM.format(count=len(entries))
        client.chat_postEphemeral(channel=channel, user=user, text=text, blocks=sections(text) + [confirm])

    sea_scanner = drafter.scanner  # one scanner for drafts and SEA checks

    def identifier_problems(entry: SeaEntry) -> dict[str, str]:
        """Identifying details per field, SEA mode (case references and initials allowed, para 160)."""
        by_field: dict[str, list[str]] = {}
        for _, field, f in entry_identifiers([entry], sea_scanner):
            by_field.setdefault(field, []).append(f"{f.type.lower()} “{f.text}”")
        return {field: msg.SLACK_SEA_IDENTIFIER.format(items=", ".join(items)) for field, items in by_field.items()}

    @app.view("sea_add_submit")
    def sea_add_submitted(ack, body, view):
        channel, user = view["private_metadata"], body["user"]["id"]
        values = view_values(view)
        candidate = {
            "id": "SEA-NEW",
            "date": dt.date.today().isoformat(),
            "author": values.get("author"),
            "judgement": values.get("judgement"),
            "areas": values.get("areas") or [],
            "evaluation": values.get("evaluation") or "",
            "evidence": values.get("evidence") or "",
            "impact": values.get("impact") or "",
            "cases": values.get("cases") or "",
            "grade": values.get("grade"),
            "flags": values.get("flags") or [],
        }
        try:
            entry = SeaEntry.model_validate(candidate)
        except ValidationError as exc:
            errors = {
                str(e["loc"][0]): f"{e['msg']}: {FIX_HINTS.get(str(e['loc'][0]), '')}"[:150]
                for e in exc.errors()
                if e["loc"]
            }
            ack(response_action="errors", errors=errors)
            return
        problems = identifier_problems(entry)
        if problems:  # warn and ask to fix; never store silently
            ack(response_action="errors", errors={k: v[:150] for k, v in problems.items()})
            return
        if not is_member(channel, user):
            ack(response_action="errors", errors={"evaluation": msg.SLACK_NOT_MEMBER})
            return
        ack()
        stored = store.add_new_entry(channel, entry, actor=user)
        client.chat_postEphemeral(
            channel=channel, user=user, text=msg.SLACK_SEA_ADDED.format(id=stored.id, judgement=stored.judgement)
        )

    @app.view("sea_import_submit")
    def sea_import_submitted(ack, body, view):
        ack()
        later(body, sea_import_file, view["private_metadata"], body["user"]["id"], view_values(view).get("file") or [])

    def sea_import_file(channel: str, user: str, file_ids: list[str]) -> None:
        if not is_member(channel, user):
            client.chat_postEphemeral(channel=channel, user=user, text=msg.SLACK_NOT_MEMBER)
            return
        try:
            shared = fetch_shared_file(client, file_ids[0], (".csv", ".xlsx", ".docx"), file_hosts)
        except (FileRejected, IndexError) as exc:
            client.chat_postEphemeral(channel=channel, user=user, text=msg.SLACK_FILE_REJECTED.format(reason=exc))
            return
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"sea{shared.suffix}"
            path.write_bytes(shared.content)
            try:
                result = read_sea(path)
            except SeaFileError as exc:
                problems = "\n".join(f"• {p}" for p in exc.problems[:20])
                client.chat_postEphemeral(
                    channel=channel,
                    user=user,
                    text=msg.SLACK_SEA_IMPORT_FAILED.format(file=shared.name, problems=problems),
                )
                return
        problems = {f"{e.id} {k}": v for e in result.entries for k, v in identifier_problems(e).items()}
        if problems:
            text = msg.SLACK_SEA_IMPORT_FAILED.format(
                file=shared.name, problems="\n".join(f"• {k}: {v}" for k, v in problems.items())
            )
            client.chat_postEphemeral(channel=channel, user=user, text=text[:3000])
            return
        counts = store.import_entries(channel, result.entries, actor=user)
        client.chat_postEphemeral(
            channel=channel, user=user, text=msg.SLACK_SEA_IMPORT_DONE.format(file=shared.name, **counts)
        )

    # Check --------------------------------------------------------------------------------------
    @app.command("/check-report")
    def check_command(ack, command):
        ack()
        view = file_view(
            "check_report_submit", msg.SLACK_CHECK_TITLE, command["channel_id"], "Report draft (.docx)", ["docx"]
        )
        client.views_open(trigger_id=command["trigger_id"], view=view)

    @app.view("check_report_submit")
    def check_submitted(ack, body, view):
        ack()
        later(body, check_file, view["private_metadata"], body["user"]["id"], view_values(view).get("file") or [])

    def check_file(channel: str, user: str, file_ids: list[str]) -> None:
        if checker is None:
            raise RuntimeError("report checker not configured")
        try:
            shared = fetch_shared_file(client, file_ids[0], (".docx",), file_hosts)
        except (FileRejected, IndexError) as exc:
            client.chat_postEphemeral(channel=channel, user=user, text=msg.SLACK_FILE_REJECTED.format(reason=exc))
            return
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "draft.docx"
            path.write_bytes(shared.content)
            try:
                checked = checker.check_file(path, CheckOptions())
            except DraftingError as exc:
                client.chat_postEphemeral(
                    channel=channel, user=user, text=msg.SLACK_FILE_REJECTED.format(reason=str(exc).split(": ", 1)[-1])
                )
                return
            result, text = checked.result, checked.text
            lines = [msg.SLACK_CHECK_RESULT.format(file=shared.name)]
            if result.identifiers:
                lines.append(msg.SLACK_CHECK_IDENTIFIERS.format(count=len(result.identifiers)))
                for f in result.identifiers:
                    context = finding_context(text, f.start, f.end)
                    kind = type_label(f.type, f.score)
                    region = checked.region(f)
                    where = f" ({msg.FINDING_REGION[region]})" if region else ""
                    lines.append(
                        msg.SLACK_CHECK_IDENTIFIER_ROW.format(type=kind, text=f.text, where=where, context=context)
                    )
            if result.coverage.missing:
                lines.append(
                    msg.SLACK_CHECK_MISSING.format(
                        count=len(result.coverage.missing), areas=", ".join(result.coverage.missing)
                    )
                )
            if result.structure:
                lines.append(msg.SLACK_CHECK_STRUCTURE.format(items="; ".join(s.message for s in result.structure)))
            if result.unfinished:
                shown = result.unfinished[:UNFINISHED_LISTED]
                items = ", ".join(f"`{text[s.start : s.end]}`" for s in shown)
                if len(result.unfinished) > len(shown):
                    items += msg.SLACK_AND_MORE.format(count=len(result.unfinished) - len(shown))
                lines.append(msg.SLACK_CHECK_UNFINISHED.format(count=len(result.unfinished), items=items))
            if result.advice:
                lines.append(msg.SLACK_CHECK_STYLE.format(count=len(result.advice)))
            if not result.has_problems:
                lines.append(msg.SLACK_CHECK_CLEAN)
            posted = client.chat_postMessage(channel=channel, text=lines[0], blocks=limit(sections("\n".join(lines))))
            target = Path(tmp) / f"checked-{Path(shared.name).stem}.docx"
            annotate_docx(path, result, target)
            client.files_upload_v2(
                channel=channel, thread_ts=posted["ts"], file=str(target), filename=target.name,
                title=msg.SLACK_CHECK_ANNOTATED.format(file=shared.name),
            )  # fmt: skip

    @app.action("sea_purge_confirm")
    def purge(ack, body, action):
        ack()
        channel, user = action["value"], body["user"]["id"]
        if not is_member(channel, user):
            client.chat_postEphemeral(channel=channel, user=user, text=msg.SLACK_NOT_MEMBER)
            return
        count = store.purge(channel, actor=user)
        client.chat_postMessage(channel=channel, text=msg.SLACK_SEA_PURGED.format(user=user, count=count))

    # Home ---------------------------------------------------------------------------------------
    @app.event("app_home_opened")
    def home(event):
        manifest = index_manifest or {}
        body = msg.SLACK_HOME_BODY.format(
            units=manifest.get("units", "?"),
            documents=", ".join(manifest.get("documents", [])) or "the handbook",
            built=manifest.get("built_at", "?"),
        )
        client.views_publish(
            user_id=event["user"],
            view={
                "type": "home",
                "blocks": [
                    {"type": "header", "text": {"type": "plain_text", "text": msg.SLACK_HOME_TITLE}},
                    *sections(body),
                ],
            },
        )

    return app
