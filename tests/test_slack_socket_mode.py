"""Socket Mode: `handbook slack --socket` against a local WebSocket server standing in for Slack."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import threading
import time

import pytest
from aiohttp import WSMsgType, web

from tests.fake_slack import FakeSlack
from tests.test_slack import CHANNEL, MEMBER

pytestmark = pytest.mark.model


class FakeSocketServer:
    """Says hello, sends one slash command envelope, and records the bot's acknowledgement."""

    def __init__(self) -> None:
        self.received: list[dict] = []
        self.ready = threading.Event()
        self.loop = asyncio.new_event_loop()
        threading.Thread(target=self._run, daemon=True).start()
        self.ready.wait(10)

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        app = web.Application()
        app.router.add_get("/link", self._socket)
        runner = web.AppRunner(app)
        self.loop.run_until_complete(runner.setup())
        site = web.TCPSite(runner, "127.0.0.1", 0)
        self.loop.run_until_complete(site.start())
        self.port = site._server.sockets[0].getsockname()[1]
        self.ready.set()
        self.loop.run_forever()

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        await ws.send_json(
            {"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A1"}, "debug_info": {}}
        )
        payload = {
            "command": "/ask",
            "text": "what must I report on missing children?",
            "user_id": MEMBER,
            "channel_id": CHANNEL,
            "team_id": "T1",
            "trigger_id": "t1",
            "response_url": "http://127.0.0.1:9/none",
        }
        await ws.send_json(
            {"envelope_id": "env-1", "type": "slash_commands", "accepts_response_payload": True, "payload": payload}
        )
        async for message in ws:
            if message.type == WSMsgType.TEXT:
                self.received.append(json.loads(message.data))
        return ws


def test_socket_mode_acks_the_envelope_and_answers(model_cache_dir, real_retrieval, tmp_path):
    fake = FakeSlack(members={CHANNEL: [MEMBER]})
    sockets = FakeSocketServer()
    fake.socket_url = f"ws://127.0.0.1:{sockets.port}/link"
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": "xoxb-test-token",
        "SLACK_SIGNING_SECRET": "unused-in-socket-mode",
        "SLACK_APP_TOKEN": "xapp-test-token",
        "HANDBOOK_SLACK_API_URL": fake.base_url,
        "HANDBOOK_DATABASE_URL": f"sqlite:///{tmp_path / 'store.db'}",
        "HANDBOOK_CACHE_DIR": str(model_cache_dir),
        "NO_PROXY": "127.0.0.1,localhost",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "slack", "--socket"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        answer = fake.wait_for(
            "chat.postEphemeral", lambda p: "share_answer" in json.dumps(p.get("blocks", "")), timeout=120
        )[0]
        assert "para 171" in json.dumps(answer)
        deadline = time.monotonic() + 10
        while not any(m.get("envelope_id") == "env-1" for m in sockets.received) and time.monotonic() < deadline:
            time.sleep(0.1)
        ack = next(m for m in sockets.received if m.get("envelope_id") == "env-1")
        assert "Working on it" in json.dumps(ack)
    finally:
        process.terminate()
        process.wait(timeout=10)
        fake.close()
