"""Serving the Slack app: HTTP (a threaded stdlib WSGI server around Bolt's WSGI adapter, so a burst of
requests is handled in parallel) or Socket Mode."""

from __future__ import annotations

import logging
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler

log = logging.getLogger("handbook.slack.http")
EVENTS_PATH = "/slack/events"


class _ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    request_queue_size = 128


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002 - stdlib signature
        # Paths and status only, at debug level: message text never reaches the logs.
        log.debug("%s %s", self.address_string(), format % args)


def wsgi_application(app: App):
    bolt = SlackRequestHandler(app, path=EVENTS_PATH)

    def application(environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path == "/healthz":
            start_response("200 OK", [("Content-Type", "text/plain")])
            return [b"ok"]
        if path != EVENTS_PATH:
            start_response("404 Not Found", [("Content-Type", "text/plain")])
            return [b"not found"]
        return bolt(environ, start_response)

    return application


def serve_http(app: App, port: int, host: str = "0.0.0.0") -> None:
    server = make_server(
        host, port, wsgi_application(app), server_class=_ThreadingWSGIServer, handler_class=_QuietHandler
    )
    log.info("listening on %s:%d%s", host, port, EVENTS_PATH)
    server.serve_forever()


def serve_socket_mode(app: App, app_token: str) -> None:
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    SocketModeHandler(app, app_token).start()
