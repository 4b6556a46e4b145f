"""Slack burst benchmark: 30 signed /ask commands at once against `handbook slack --http`, with the
fake Slack Web API from the tests. Prints ack latency and the delay from ack to posted answer.

    HANDBOOK_CACHE_DIR=... .venv/bin/python bench/slack_burst.py

Lives in bench/ (not tests/) because speed is measured here, never asserted in a test.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.fake_slack import FakeSlack  # noqa: E402
from tests.test_slack import CHANNEL, MEMBER, SECRET, _free_port, command  # noqa: E402

BURST = 30


def main() -> None:
    fake = FakeSlack(members={CHANNEL: [MEMBER]})
    port = _free_port()
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "SLACK_BOT_TOKEN": "xoxb-test-token",
            "SLACK_SIGNING_SECRET": SECRET,
            "HANDBOOK_SLACK_API_URL": fake.base_url,
            "HANDBOOK_DATABASE_URL": f"sqlite:///{tmp}/store.db",
            "NO_PROXY": "127.0.0.1,localhost",
        }
        bot = subprocess.Popen(
            [sys.executable, "-m", "bot", "slack", "--http", "--port", str(port)], env=env, stderr=subprocess.DEVNULL
        )
        try:
            for _ in range(300):
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
                    break
                except OSError:
                    time.sleep(0.5)
            url = f"http://127.0.0.1:{port}/slack/events"
            command(url, "/ask", "warm up question about SEA entries")
            fake.wait_for("chat.postEphemeral", count=1, timeout=60)
            questions = [f"what happens in week {n % 4 + 1} of the inspection? ({n})" for n in range(BURST)]
            acked: dict[str, tuple[float, float]] = {}

            def send(question: str) -> None:
                started = time.monotonic()
                command(url, "/ask", question)
                acked[question] = (time.monotonic() - started, time.monotonic())

            threads = [threading.Thread(target=send, args=(q,)) for q in questions]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            fake.wait_for("chat.postEphemeral", count=BURST + 1, timeout=300)
            answered: dict[str, float] = {}
            for at, params in fake.timed("chat.postEphemeral"):
                for question in questions:
                    if json.dumps(question)[1:-1] in json.dumps(params.get("blocks", "")):
                        answered.setdefault(question, at)
            acks = [acked[q][0] for q in questions]
            delays = [answered[q] - acked[q][1] for q in questions if q in answered]
            p95 = lambda xs: statistics.quantiles(xs, n=20)[-1]  # noqa: E731
            print(f"burst of {BURST}: acked {len(acks)}, answered {len(delays)}")
            print(
                f"ack latency: median {statistics.median(acks) * 1000:.0f} ms, p95 {p95(acks) * 1000:.0f} ms, max {max(acks) * 1000:.0f} ms"
            )
            print(
                f"answer after ack: median {statistics.median(delays):.2f} s, p95 {p95(delays):.2f} s, max {max(delays):.2f} s"
            )
        finally:
            bot.terminate()
            bot.wait(timeout=10)
            fake.close()


if __name__ == "__main__":
    main()
