"""Block Kit rendering, within Slack's limits (3,000 characters per section text, 50 blocks a message)."""

from __future__ import annotations

import json

from bot import messages as msg
from retrieval.answer import Answer

SECTION_LIMIT = 3000
BLOCK_LIMIT = 50
VALUE_LIMIT = 2000  # a button's value


def _section(text: str) -> dict:
    if len(text) > SECTION_LIMIT:
        text = text[: SECTION_LIMIT - len(msg.SLACK_TRUNCATED) - 1] + "\n" + msg.SLACK_TRUNCATED
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def sections(text: str) -> list[dict]:
    """Long text split on line boundaries into as many sections as it needs."""
    out: list[dict] = []
    current = ""
    for line in text.split("\n"):
        if len(current) + len(line) + 1 > SECTION_LIMIT and current:
            out.append(_section(current))
            current = ""
        current = f"{current}\n{line}" if current else line
    if current:
        out.append(_section(current))
    return out


def limit(blocks: list[dict]) -> list[dict]:
    if len(blocks) <= BLOCK_LIMIT:
        return blocks
    return blocks[: BLOCK_LIMIT - 1] + [_section(msg.SLACK_TRUNCATED)]


def _feedback_value(answer: Answer) -> str:
    refs = list(dict.fromkeys(c.ref for c in answer.citations))
    value = json.dumps({"q": answer.question, "refs": refs})
    return value if len(value) <= VALUE_LIMIT else json.dumps({"q": answer.question[:500], "refs": refs[:10]})


def answer_blocks(answer: Answer, share_button: bool = False) -> list[dict]:
    refs = list(dict.fromkeys(c.ref for c in answer.citations))
    blocks = sections(answer.answer)
    if refs:
        blocks.append(
            {
                "type": "context",
                "elements": [{"type": "mrkdwn", "text": msg.SLACK_SOURCES.format(refs=", ".join(refs))}],
            }
        )
    value = _feedback_value(answer)
    actions = [
        {"type": "button", "action_id": "feedback_up", "text": {"type": "plain_text", "text": "👍"}, "value": value},
        {"type": "button", "action_id": "feedback_down", "text": {"type": "plain_text", "text": "👎"}, "value": value},
    ]
    if share_button:
        actions.insert(
            0,
            {
                "type": "button",
                "action_id": "share_answer",
                "style": "primary",
                "text": {"type": "plain_text", "text": msg.SLACK_SHARE},
                "value": json.dumps({"q": answer.question[: VALUE_LIMIT - 20]}),
            },
        )
    blocks.append({"type": "actions", "block_id": "answer_actions", "elements": actions})
    return limit(blocks)
