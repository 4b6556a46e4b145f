"""A name in a form's field: "First name: keeley", "Surname: o'donnell", "Child's full name: Leon Marsh". The
label says what the value is, so the value is a name however it was typed, as a young person types an online
form in lower case. The value must fill the rest of its line (or cell): a label inside a sentence ("the name:
we never knew it") is prose."""

from __future__ import annotations

import re

from drafting.identifiers.base import Finding

_NAME_FIELD = re.compile(
    r"^[^\S\n]*"
    r"(?i:(?:(?:child|young person|parent|carer|mother|father|your|their)(?:['’]s)?[^\S\n]+)?"
    r"(?:first|given|fore|last|sur|family|middle|preferred|full)?[^\S\n]?names?)"
    r"[^\S\n]*:[^\S\n]*"
    r"(?P<value>[^\W\d_][\w'’-]*(?:[^\S\n]+[^\W\d_][\w'’-]*){0,3})[^\S\n]*(?=\t|$)",
    re.MULTILINE,
)
# What a form says when it holds no name.
_NO_NAME = frozenset(
    {"unknown", "not known", "n/a", "na", "none", "withheld", "tbc", "redacted", "not given", "anonymous",
     "prefer not to say", "not recorded", "not stated", "blank"}
)  # fmt: skip


class NameFieldDetector:
    name = "name-field"
    types = frozenset({"PERSON"})

    def detect(self, text: str) -> list[Finding]:
        return [
            Finding(
                type="PERSON",
                text=m["value"],
                start=m.start("value"),
                end=m.end("value"),
                score=0.85,
                detector=self.name,
            )
            for m in _NAME_FIELD.finditer(text)
            if m["value"].lower() not in _NO_NAME
        ]
