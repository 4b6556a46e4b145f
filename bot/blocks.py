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


def _options(values: list[str]) -> list[dict]:
    return [{"text": {"type": "plain_text", "text": v[:75]}, "value": v} for v in values]


def _input(block_id: str, label: str, element: dict, optional: bool = False) -> dict:
    return {
        "type": "input",
        "block_id": block_id,
        "optional": optional,
        "label": {"type": "plain_text", "text": label},
        "element": element,
    }


def sea_add_view(channel: str, judgements: list[str], areas: list[tuple[str, str]], roles: list[str]) -> dict:
    text = lambda action, multiline=True: {"type": "plain_text_input", "action_id": action, "multiline": multiline}  # noqa: E731
    return {
        "type": "modal",
        "callback_id": "sea_add_submit",
        "private_metadata": channel,
        "title": {"type": "plain_text", "text": msg.SLACK_SEA_ADD_TITLE},
        "submit": {"type": "plain_text", "text": msg.SLACK_SUBMIT},
        "blocks": [
            _input("author", "Your role", {"type": "static_select", "action_id": "value", "options": _options(roles)}),
            _input(
                "judgement",
                "Judgement",
                {"type": "static_select", "action_id": "value", "options": _options(judgements)},
            ),
            _input(
                "areas",
                "Reporting areas (leave empty to have them assigned)",
                {
                    "type": "multi_static_select",
                    "action_id": "value",
                    "options": [{"text": {"type": "plain_text", "text": f"{i}"[:75]}, "value": i} for i, _ in areas],
                },
                optional=True,
            ),
            _input("evaluation", "Evaluation: the overall evaluative statement", text("value")),
            _input("evidence", "Evidence: what you found, quantified", text("value")),
            _input("impact", "Impact on children and young people", text("value")),
            _input("cases", "Case references (;-separated, never names)", text("value", False), optional=True),
            _input(
                "grade",
                "Grade indicator",
                {
                    "type": "static_select",
                    "action_id": "value",
                    "options": _options(["outstanding", "good", "requires-improvement", "inadequate"]),
                },
                optional=True,
            ),
            _input(
                "flags",
                "Flags",
                {
                    "type": "checkboxes",
                    "action_id": "value",
                    "options": _options(["annex-h", "best-practice", "significant-concern"]),
                },
                optional=True,
            ),
        ],
    }


def file_view(callback_id: str, title: str, channel: str, label: str, filetypes: list[str]) -> dict:
    return {
        "type": "modal",
        "callback_id": callback_id,
        "private_metadata": channel,
        "title": {"type": "plain_text", "text": title},
        "submit": {"type": "plain_text", "text": msg.SLACK_SUBMIT},
        "blocks": [
            _input("file", label, {"type": "file_input", "action_id": "value", "filetypes": filetypes, "max_files": 1})
        ],
    }


def view_values(view: dict) -> dict[str, object]:
    """The submitted values of a modal, by block id: text, a selected value, a list of values, or file ids."""
    out: dict[str, object] = {}
    for block_id, actions in view.get("state", {}).get("values", {}).items():
        element = actions.get("value", {})
        kind = element.get("type")
        if kind == "static_select":
            out[block_id] = (element.get("selected_option") or {}).get("value")
        elif kind in ("multi_static_select", "checkboxes"):
            out[block_id] = [o["value"] for o in element.get("selected_options") or []]
        elif kind == "file_input":
            out[block_id] = [f["id"] for f in element.get("files") or []]
        else:
            out[block_id] = element.get("value")
    return out
