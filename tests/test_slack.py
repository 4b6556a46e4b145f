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
