"""The Slack bot over real HTTP: `handbook slack --http` in a subprocess, signed requests from the test,
and a fake Slack Web API on 127.0.0.1 that records what the bot sent. No mocks of Bolt."""

from __future__ import annotations

import io
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

import docx
import pytest
from slack_sdk.signature import SignatureVerifier

from tests.fake_slack import FakeSlack

SECRET = "test-signing-secret"
CHANNEL, MEMBER, OUTSIDER = "C-INSPECTION", "U-HMI", "U-OTHER"
SAMPLE = Path(__file__).parent / "data" / "sea-sample.csv"
pytestmark = pytest.mark.model


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def slack(model_cache_dir, real_retrieval, tmp_path_factory):
    """The fake Slack API and the bot process, shared by this module's tests."""
    fake = FakeSlack(members={CHANNEL: [MEMBER, "U-QAM"]})
    port = _free_port()
    db = tmp_path_factory.mktemp("slack-db") / "store.db"
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": "xoxb-test-token",
        "SLACK_SIGNING_SECRET": SECRET,
        "HANDBOOK_SLACK_API_URL": fake.base_url,
        "HANDBOOK_DATABASE_URL": f"sqlite:///{db}",
        "HANDBOOK_CACHE_DIR": str(model_cache_dir),
        "NO_PROXY": "127.0.0.1,localhost",
    }
    subprocess.run(
        [sys.executable, "-m", "bot", "sea", "import", str(SAMPLE), "--inspection", CHANNEL],
        env=env,
        check=True,
        capture_output=True,
    )
    log = open(tmp_path_factory.mktemp("slack-log") / "bot.log", "w+b")  # noqa: SIM115 - closed below
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "slack", "--http", "--port", str(port)], env=env, stdout=log, stderr=log
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=1) as response:
                if response.status == 200:
                    break
        except OSError:
            if process.poll() is not None:
                log.seek(0)
                raise AssertionError(log.read().decode()) from None
            time.sleep(0.3)
    else:
        raise AssertionError("bot did not start")
    yield {"fake": fake, "url": f"{base}/slack/events", "env": env}
    process.terminate()
    process.wait(timeout=10)
    log.seek(0)
    output = log.read().decode()
    log.close()
    fake.close()
    assert "xoxb-test-token" not in output, "tokens must never be logged"


def post(url: str, body: str, content_type: str, timestamp: int | None = None, signature: str | None = None):
    timestamp = int(time.time()) if timestamp is None else timestamp
    signature = signature or SignatureVerifier(SECRET).generate_signature(timestamp=str(timestamp), body=body)
    request = urllib.request.Request(
        url,
        data=body.encode(),
        method="POST",
        headers={
            "Content-Type": content_type,
            "X-Slack-Request-Timestamp": str(timestamp),
            "X-Slack-Signature": signature,
        },
    )
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode(), time.monotonic() - started
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode(), time.monotonic() - started


def command(url: str, name: str, text: str, user: str = MEMBER, **kw):
    body = urlencode(
        {
            "command": name,
            "text": text,
            "user_id": user,
            "channel_id": CHANNEL,
            "team_id": "T1",
            "trigger_id": "trig",
            "response_url": "http://127.0.0.1:9/none",
        }
    )
    return post(url, body, "application/x-www-form-urlencoded", **kw)


def event(url: str, payload: dict):
    body = json.dumps(
        {
            "type": "event_callback",
            "team_id": "T1",
            "api_app_id": "A1",
            "event_id": f"Ev{time.monotonic_ns()}",
            "event_time": int(time.time()),
            "event": payload,
        }
    )
    return post(url, body, "application/json")


def action(url: str, action_id: str, value: str, user: str = MEMBER, message: dict | None = None):
    payload = {
        "type": "block_actions",
        "team": {"id": "T1"},
        "user": {"id": user},
        "api_app_id": "A1",
        "channel": {"id": CHANNEL},
        "container": {"type": "message", "channel_id": CHANNEL},
        "trigger_id": "trig",
        "message": message or {"blocks": []},
        "actions": [{"action_id": action_id, "block_id": "answer_actions", "value": value, "type": "button"}],
    }
    return post(url, urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded")


def test_forged_and_stale_requests_are_refused(slack):
    status, _, _ = command(slack["url"], "/ask", "hello", signature="v0=" + "0" * 64)
    assert status == 401
    status, _, _ = command(slack["url"], "/ask", "hello", timestamp=int(time.time()) - 600)
    assert status == 401


def test_mention_answers_in_thread_citing_para_171(slack):
    fake = slack["fake"]
    status, _, elapsed = event(
        slack["url"],
        {
            "type": "app_mention",
            "user": MEMBER,
            "channel": CHANNEL,
            "ts": "111.222",
            "text": "<@UBOT> what must I report on missing children?",
        },
    )
    assert status == 200 and elapsed < 3
    posted = fake.wait_for("chat.postMessage", lambda p: p.get("thread_ts") == "111.222")[0]
    blocks = json.loads(posted["blocks"]) if isinstance(posted["blocks"], str) else posted["blocks"]
    assert "para 171" in json.dumps(blocks)
    assert any(b["type"] == "actions" for b in blocks), "feedback buttons"


def test_follow_up_in_thread_keeps_context(slack):
    fake = slack["fake"]
    event(
        slack["url"],
        {
            "type": "app_mention",
            "user": MEMBER,
            "channel": CHANNEL,
            "ts": "333.444",
            "text": "<@UBOT> what should foster carers always be asked about?",
        },
    )
    fake.wait_for("chat.postMessage", lambda p: p.get("thread_ts") == "333.444")
    event(
        slack["url"],
        {
            "type": "message",
            "channel_type": "channel",
            "user": MEMBER,
            "channel": CHANNEL,
            "ts": "333.999",
            "thread_ts": "333.444",
            "text": "and about delegated authority?",
        },
    )
    replies = fake.wait_for("chat.postMessage", lambda p: p.get("thread_ts") == "333.444", count=2)
    assert "para 88" in json.dumps(replies[1])


def test_ask_is_ephemeral_with_share_and_feedback(slack):
    fake = slack["fake"]
    status, body, elapsed = command(slack["url"], "/ask", "how many cases should each social care HMI track?")
    assert status == 200 and elapsed < 3 and "Working on it" in body
    answer = fake.wait_for("chat.postEphemeral", lambda p: "share_answer" in json.dumps(p.get("blocks", "")))[0]
    blocks = json.loads(answer["blocks"]) if isinstance(answer["blocks"], str) else answer["blocks"]
    buttons = {e["action_id"]: e["value"] for b in blocks if b["type"] == "actions" for e in b["elements"]}
    before = len(fake.called("chat.postMessage"))
    assert action(slack["url"], "share_answer", buttons["share_answer"])[0] == 200
    fake.wait_for("chat.postMessage", count=before + 1)
    assert action(slack["url"], "feedback_up", buttons["feedback_up"], message={"blocks": blocks})[0] == 200
    fake.wait_for("chat.postEphemeral", lambda p: "Thanks" in p.get("text", ""))
    export = subprocess.run(
        [sys.executable, "-m", "bot", "feedback", "export", "--json"], env=slack["env"], capture_output=True, check=True
    )
    rows = [json.loads(line) for line in export.stdout.decode().splitlines()]
    assert rows[-1]["rating"] == "up" and rows[-1]["question"].startswith("how many cases") and rows[-1]["refs"]


def test_empty_question_and_unknown_section_get_helpful_replies(slack):
    status, body, _ = command(slack["url"], "/ask", "   ")
    assert status == 200 and "Ask me a question" in body
    status, body, _ = command(slack["url"], "/draft", "nonsense")
    assert status == 200 and "don't know the section" in body


def test_draft_uploads_a_docx_to_the_thread(slack):
    fake = slack["fake"]
    status, body, elapsed = command(slack["url"], "/draft", "leadership")
    assert status == 200 and elapsed < 3
    summary = fake.wait_for("chat.postMessage", lambda p: "Draft: Leadership" in p.get("text", ""))[0]
    complete = fake.wait_for("files.completeUploadExternal")[0]
    assert complete.get("thread_ts") and complete.get("channel_id") == CHANNEL
    assert summary
    document = docx.Document(io.BytesIO(next(iter(fake.uploads.values()))))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Leadership, management and governance" in text
    assert "Caseloads are too high in the long-term teams." in text
    assert "CT-04" not in text


def test_non_member_cannot_draft(slack):
    fake = slack["fake"]
    uploads = len(fake.called("files.completeUploadExternal"))
    command(slack["url"], "/draft", "leadership", user=OUTSIDER)
    fake.wait_for("chat.postEphemeral", lambda p: p.get("user") == OUTSIDER and "member" in p.get("text", ""))
    time.sleep(0.5)
    assert len(fake.called("files.completeUploadExternal")) == uploads


def test_app_home_describes_the_bot(slack):
    event(slack["url"], {"type": "app_home_opened", "user": MEMBER, "channel": "D1", "tab": "home"})
    published = slack["fake"].wait_for("views.publish")[0]
    assert "/ask" in json.dumps(published)


def test_burst_of_30_commands_is_acked_in_time_and_answered(slack):
    fake = slack["fake"]
    questions = [f"what happens in week {n % 4 + 1} of the inspection? ({n})" for n in range(30)]
    before = len(fake.called("chat.postEphemeral"))
    results: list[tuple[int, float]] = []
    started = time.monotonic()

    def send(question: str) -> None:
        status, _, elapsed = command(slack["url"], "/ask", question)
        results.append((status, elapsed))

    threads = [threading.Thread(target=send, args=(q,)) for q in questions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    acked_all = time.monotonic() - started
    assert [s for s, _ in results] == [200] * 30
    assert max(e for _, e in results) < 3.0 and acked_all < 3.0
    fake.wait_for("chat.postEphemeral", count=before + 30, timeout=180)
    ack_p95 = statistics.quantiles([e for _, e in results], n=20)[-1]
    print(f"burst: 30 acked in {acked_all:.2f} s, ack p95 {ack_p95:.3f} s")


def view_submission(url: str, callback_id: str, values: dict, user: str = MEMBER):
    state = {}
    for block_id, value in values.items():
        if isinstance(value, dict):
            state[block_id] = {"value": value}
        else:
            state[block_id] = {"value": {"type": "plain_text_input", "value": value}}
    payload = {
        "type": "view_submission",
        "team": {"id": "T1"},
        "user": {"id": user},
        "api_app_id": "A1",
        "trigger_id": "trig",
        "view": {
            "id": "V1",
            "type": "modal",
            "callback_id": callback_id,
            "private_metadata": CHANNEL,
            "state": {"values": state},
        },
    }
    return post(url, urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded")


def select(value: str) -> dict:
    return {"type": "static_select", "selected_option": {"value": value}}


def files(file_id: str) -> dict:
    return {"type": "file_input", "files": [{"id": file_id}]}


def sea_ids(slack) -> list[str]:
    listed = subprocess.run(
        [sys.executable, "-m", "bot", "sea", "list", "--inspection", CHANNEL, "--json"],
        env=slack["env"],
        capture_output=True,
        check=True,
    )
    return [json.loads(line)["id"] for line in listed.stdout.decode().splitlines()]


def test_sea_add_modal_round_trip(slack):
    fake = slack["fake"]
    status, _, _ = command(slack["url"], "/sea", "add")
    assert status == 200
    view = fake.wait_for("views.open", lambda p: "sea_add_submit" in json.dumps(p))[0]
    assert "trig" in json.dumps(view) and "education HMI" in json.dumps(view)
    values = {
        "author": select("HMI"),
        "judgement": select("help-and-protection"),
        "areas": {"type": "multi_static_select", "selected_options": [{"value": "thresholds"}]},
        "evaluation": "Thresholds are applied consistently at the front door.",
        "evidence": "18 of 20 contacts were correctly progressed.",
        "impact": "Children get the right help quickly.",
        "cases": "CT-31",
        "grade": {"type": "static_select", "selected_option": None},
        "flags": {"type": "checkboxes", "selected_options": []},
    }
    before = set(sea_ids(slack))
    status, body, _ = view_submission(slack["url"], "sea_add_submit", values)
    assert status == 200 and "errors" not in body
    fake.wait_for("chat.postEphemeral", lambda p: "Added SEA-" in p.get("text", ""))
    assert len(set(sea_ids(slack)) - before) == 1


def test_sea_add_with_a_name_or_half_empty_is_refused(slack):
    values = {
        "author": select("HMI"),
        "judgement": select("leadership"),
        "evaluation": "Leaders know their services well.",
        "evidence": "Mrs Ferreira, the head of service, audits 10 cases a month.",
        "impact": "Children get help sooner.",
    }
    before = sea_ids(slack)
    status, body, _ = view_submission(slack["url"], "sea_add_submit", values)
    assert status == 200
    errors = json.loads(body)
    assert errors["response_action"] == "errors" and "Ferreira" in errors["errors"]["evidence"]
    status, body, _ = view_submission(
        slack["url"],
        "sea_add_submit",
        {"author": select("HMI"), "judgement": select("leadership"), "evaluation": "", "evidence": "", "impact": ""},
    )
    assert json.loads(body)["response_action"] == "errors"
    assert sea_ids(slack) == before, "nothing stored half-way"


def test_sea_import_modal_with_a_file(slack, tmp_path):
    fake = slack["fake"]
    fake.share_file("FBAD", "bad.csv", b"id,date,author\nSEA-9,2026-01-01,HMI\n")
    view_submission(slack["url"], "sea_import_submit", {"file": files("FBAD")})
    message = fake.wait_for("chat.postEphemeral", lambda p: "Nothing was imported from bad.csv" in p.get("text", ""))[0]
    assert "missing column 'judgement'" in message["text"]
    rows = SAMPLE.read_text(encoding="utf-8").replace("SEA-00", "SEA-I0")
    fake.share_file("FGOOD", "more.csv", rows.encode())
    view_submission(slack["url"], "sea_import_submit", {"file": files("FGOOD")})
    fake.wait_for("chat.postEphemeral", lambda p: "Imported more.csv: 6 added" in p.get("text", ""))
    downloads = [p for p in fake.called("download") if p["file"] == "FGOOD"]
    assert downloads and downloads[0]["auth"] == "Bearer xoxb-test-token"


def _report_docx(*paragraphs: str) -> bytes:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _check_in_slack(slack, file_id: str, name: str, *paragraphs: str):
    """Share a draft, submit the check modal, and return the reply posted and the annotated copy uploaded."""
    fake = slack["fake"]
    uploads_before = len(fake.uploads)
    fake.share_file(file_id, name, _report_docx(*paragraphs))
    view_submission(slack["url"], "check_report_submit", {"file": files(file_id)})
    posted = fake.wait_for("chat.postMessage", lambda p: f"Report check: {name}" in p.get("text", ""))[0]
    deadline = time.monotonic() + 30
    while len(fake.uploads) == uploads_before and time.monotonic() < deadline:
        time.sleep(0.1)
    return posted, docx.Document(io.BytesIO(list(fake.uploads.values())[-1]))


def test_check_report_modal_finds_a_planted_name(slack):
    command(slack["url"], "/check-report", "")
    slack["fake"].wait_for("views.open", lambda p: "check_report_submit" in json.dumps(p))
    result, annotated = _check_in_slack(
        slack, "FREP", "north-draft.docx", "Executive summary",
        "Tayo, aged 9, told inspectors he feels safe with his foster carers.",
    )  # fmt: skip
    assert "Tayo" in json.dumps(result) and "PERSON" in json.dumps(result)
    assert any("Identifying detail" in c.text for c in annotated.comments)


def test_check_report_modal_lists_what_is_left_from_drafting(slack):
    posted, annotated = _check_in_slack(
        slack, "FTBC", "tbc-draft.docx", "Executive summary",
        "XX% of visits were on time. Leaders know their services [CHECK: quote].",
    )  # fmt: skip
    text = "\n".join(block["text"]["text"] for block in posted["blocks"] if "text" in block)
    assert "*Left from drafting (2)* — para 162: `XX%`, `[CHECK: quote]`" in text
    assert sum("is left from drafting" in c.text for c in annotated.comments) == 2


def test_a_question_naming_a_paragraph_is_answered_from_it(slack):
    event(
        slack["url"],
        {
            "type": "message",
            "channel_type": "im",
            "user": MEMBER,
            "channel": "D-REF",
            "ts": "777.888",
            "text": "what does para 160 say?",
        },
    )
    reply = json.dumps(slack["fake"].wait_for("chat.postMessage", lambda p: p.get("channel") == "D-REF")[0])
    assert "para 160 (Recording evidence)" in reply and "could not find" not in reply


def test_check_report_modal_says_where_a_name_outside_the_report_text_is(slack, tmp_path):
    from tests.test_check_report import make_qa_docx

    fake = slack["fake"]
    fake.share_file("FQA", "qa-draft.docx", make_qa_docx(tmp_path / "qa.docx").read_bytes())
    view_submission(slack["url"], "check_report_submit", {"file": files("FQA")})
    posted = fake.wait_for("chat.postMessage", lambda p: "Report check: qa-draft.docx" in p.get("text", ""))[0]
    text = "\n".join(block["text"]["text"] for block in posted["blocks"] if "text" in block)
    rows = [line for line in text.splitlines() if "`" in line]
    where = {row.split("`")[1]: row for row in rows}
    assert "deleted under tracked changes, still in the file" in where["Paisley Fielding"]
    assert "in a reviewer's comment" in where["Ruby"]
    assert "in the file's properties or a picture's alt text" in where["Mia Gregson"]
    assert "tracked changes" not in where["Tyler-James"] and "comment" not in where["Tyler-James"]


@pytest.mark.parametrize(
    ("file_id", "name", "content", "size", "host", "reason"),
    [
        ("FHUGE", "huge.docx", b"PK", 50 * 1024 * 1024, "127.0.0.1", "over the 20 MB limit"),
        ("FZIP", "notzip.docx", b"this is not a zip", None, "127.0.0.1", "not a valid .docx"),
        ("FPDF", "report.pdf", b"%PDF", None, "127.0.0.1", "please upload a .docx file"),
        ("FHOST", "elsewhere.docx", b"PK", None, "localhost", "not a Slack-hosted file"),
    ],
)
def test_bad_report_files_get_a_helpful_reply(slack, file_id, name, content, size, host, reason):
    fake = slack["fake"]
    fake.share_file(file_id, name, content, size=size, host=host)
    view_submission(slack["url"], "check_report_submit", {"file": files(file_id)})
    fake.wait_for("chat.postEphemeral", lambda p: reason in p.get("text", ""))
    if file_id in ("FHUGE", "FPDF", "FHOST"):
        assert not [p for p in fake.called("download") if p["file"] == file_id], "rejected before download"


def test_direct_message_is_answered(slack):
    event(
        slack["url"],
        {
            "type": "message",
            "channel_type": "im",
            "user": MEMBER,
            "channel": "D-HMI",
            "ts": "555.666",
            "text": "what is in the pre-inspection briefing?",
        },
    )
    reply = slack["fake"].wait_for("chat.postMessage", lambda p: p.get("channel") == "D-HMI")[0]
    assert "para 16" in json.dumps(reply)


def test_manifest_declares_what_the_app_handles():
    import yaml

    manifest = yaml.safe_load((Path(__file__).parent.parent / "bot" / "manifest.yml").read_text())
    commands = {c["command"] for c in manifest["features"]["slash_commands"]}
    assert commands == {"/ask", "/draft", "/sea", "/check-report"}
    source = (Path(__file__).parent.parent / "bot" / "slack_app.py").read_text()
    for name in commands:
        assert f'@app.command("{name}")' in source
    assert {"app_mention", "message.im", "app_home_opened"} <= set(
        manifest["settings"]["event_subscriptions"]["bot_events"]
    )
    assert manifest["settings"]["interactivity"]["is_enabled"] is True
