"""A fake Slack Web API on 127.0.0.1 that answers what the bot calls and records every call."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs


class FakeSlack:
    def __init__(self, members: dict[str, list[str]] | None = None) -> None:
        self.members = members or {}
        self.calls: list[tuple[str, dict]] = []
        self.times: list[float] = []  # monotonic arrival time of each Web API call (not downloads)
        self.uploads: dict[str, bytes] = {}
        # Files users "shared": id -> (name, content, size reported by files.info, download host)
        self.shared: dict[str, tuple[str, bytes, int, str]] = {}
        self.socket_url = ""  # what apps.connections.open hands out (a local WebSocket server in tests)
        self._lock = threading.Lock()
        self._counter = 0
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 - stdlib name
                if self.path.startswith("/files/"):
                    file_id = self.path.rsplit("/", 1)[-1]
                    with fake._lock:
                        fake.calls.append(
                            ("download", {"file": file_id, "auth": self.headers.get("Authorization", "")})
                        )
                    if self.headers.get("Authorization") != "Bearer xoxb-test-token" or file_id not in fake.shared:
                        self._send(403, b"forbidden", "text/plain")
                        return
                    self._send(200, fake.shared[file_id][1], "application/octet-stream")
                    return
                self.do_POST()

            def do_POST(self) -> None:  # noqa: N802 - stdlib name
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                if self.path.startswith("/upload/"):
                    fake.uploads[self.path.rsplit("/", 1)[-1]] = raw
                    self._send(200, b"OK", "text/plain")
                    return
                method = self.path.rsplit("/", 1)[-1]
                params = fake._parse(raw, self.headers.get("Content-Type", ""))
                with fake._lock:
                    fake.calls.append((method, params))
                    fake.times.append(time.monotonic())
                self._send(200, json.dumps(fake._answer(method, params)).encode(), "application/json")

            def _send(self, status: int, body: bytes, kind: str) -> None:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.base_url = f"http://127.0.0.1:{self.port}/api/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @staticmethod
    def _parse(raw: bytes, content_type: str) -> dict:
        if not raw:
            return {}
        if "json" in content_type:
            return json.loads(raw)
        return {k: v[0] for k, v in parse_qs(raw.decode()).items()}

    def _ts(self) -> str:
        with self._lock:
            self._counter += 1
            return f"{int(time.time())}.{self._counter:06d}"

    def _answer(self, method: str, params: dict) -> dict:
        if method == "auth.test":
            return {"ok": True, "user_id": "UBOT", "bot_id": "BBOT", "team_id": "T1", "user": "handbook"}
        if method == "apps.connections.open":
            return {"ok": True, "url": self.socket_url}
        if method == "chat.postMessage":
            return {"ok": True, "channel": params.get("channel"), "ts": self._ts()}
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": self._ts()}
        if method == "conversations.members":
            return {
                "ok": True,
                "members": self.members.get(params.get("channel"), []),
                "response_metadata": {"next_cursor": ""},
            }
        if method == "files.getUploadURLExternal":
            file_id = f"F{self._ts().replace('.', '')}"
            return {"ok": True, "upload_url": f"http://127.0.0.1:{self.port}/upload/{file_id}", "file_id": file_id}
        if method == "files.completeUploadExternal":
            files = (
                json.loads(params.get("files", "[]"))
                if isinstance(params.get("files"), str)
                else params.get("files", [])
            )
            return {"ok": True, "files": [{"id": f["id"], "title": f.get("title", "")} for f in files]}
        if method == "files.info":
            file_id = params.get("file")
            if file_id in self.shared:
                name, content, size, host = self.shared[file_id]
                url = f"http://{host}:{self.port}/files/{file_id}"
                return {"ok": True, "file": {"id": file_id, "name": name, "size": size, "url_private_download": url}}
            return {"ok": True, "file": {"id": file_id, "name": "draft.docx"}}
        return {"ok": True}

    def share_file(
        self, file_id: str, name: str, content: bytes, size: int | None = None, host: str = "127.0.0.1"
    ) -> None:
        self.shared[file_id] = (name, content, len(content) if size is None else size, host)

    def timed(self, method: str) -> list[tuple[float, dict]]:
        with self._lock:
            return [(t, p) for (m, p), t in zip(self.calls, self.times, strict=True) if m == method]

    def called(self, method: str) -> list[dict]:
        with self._lock:
            return [p for m, p in self.calls if m == method]

    def wait_for(self, method: str, predicate=lambda p: True, count: int = 1, timeout: float = 60.0) -> list[dict]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = [p for p in self.called(method) if predicate(p)]
            if len(found) >= count:
                return found
            time.sleep(0.05)
        raise AssertionError(f"{method}: wanted {count}, saw {len([p for p in self.called(method) if predicate(p)])}")

    def close(self) -> None:
        self.server.shutdown()
