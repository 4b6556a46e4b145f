"""Downloading a file a user shared with the bot: only from Slack's file hosts, with the bot token,
size-capped and type-checked before anything parses it."""

from __future__ import annotations

import urllib.request
from dataclasses import dataclass
from urllib.parse import urlparse

from slack_sdk import WebClient

MAX_BYTES = 20 * 1024 * 1024
SLACK_FILE_HOSTS = frozenset({"files.slack.com", "files-edu.slack.com", "files-gov.slack.com"})


class FileRejected(Exception):
    """The file cannot be used; the message says why, fit to show the user."""


@dataclass(frozen=True)
class SharedFile:
    name: str
    suffix: str
    content: bytes


def allowed_hosts(api_url: str) -> frozenset[str]:
    """Slack's file hosts, plus the host of the configured Web API (a test double or a GovSlack URL)."""
    host = urlparse(api_url).hostname
    return SLACK_FILE_HOSTS | ({host} if host and host != "slack.com" else set())


def fetch_shared_file(client: WebClient, file_id: str, suffixes: tuple[str, ...], hosts: frozenset[str]) -> SharedFile:
    info = client.files_info(file=file_id)["file"]
    name = info.get("name") or file_id
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix not in suffixes:
        raise FileRejected(f"{name}: please upload a {' or '.join(suffixes)} file")
    size = int(info.get("size") or 0)
    if size > MAX_BYTES:
        raise FileRejected(f"{name}: {size / 1_048_576:.0f} MB is over the 20 MB limit")
    url = info.get("url_private_download") or info.get("url_private") or ""
    if urlparse(url).hostname not in hosts or urlparse(url).scheme not in ("https", "http"):
        raise FileRejected(f"{name}: not a Slack-hosted file")
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {client.token}"})
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - host checked above
        content = response.read(MAX_BYTES + 1)
    if len(content) > MAX_BYTES:
        raise FileRejected(f"{name}: over the 20 MB limit")
    return SharedFile(name=name, suffix=suffix, content=content)
