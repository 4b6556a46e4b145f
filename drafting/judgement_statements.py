"""A report's judgement statements: a judgement's name and its grade on the four-point scale, and nothing else
("The experiences and progress of care leavers are good.", "Leadership, management and governance:
inadequate."). They head every section of a report and say nothing about any reporting area within it, so they
never count as covering one: "care leavers … good" read as rights and entitlements hid that area's absence.
"""

from __future__ import annotations

import re

_EXPERIENCES = r"(?:the\s+)?(?:experiences\s+and\s+progress\s+of\s+)?"
_JUDGEMENT_NAMES = (
    rf"{_EXPERIENCES}children\s+who\s+need\s+help\s+and\s+protection",
    r"help\s+and\s+protection(?:\s+for\s+children)?",
    rf"{_EXPERIENCES}(?:children\s+looked\s+after|looked\s+after\s+children|children\s+in\s+care)"
    r"(?:\s+and\s+achieving\s+permanence)?",
    r"adoption(?:\s+performance)?",
    rf"{_EXPERIENCES}(?:care\s+leavers|young\s+people\s+leaving\s+care)",
    r"leadership,\s+management\s+and\s+governance",
    r"(?:the\s+)?impact\s+of\s+leaders\s+on\s+social\s+work\s+practice(?:\s+with\s+children\s+and\s+families)?",
    r"(?:the\s+)?overall\s+effectiveness(?:\s+of\s+(?:children['’]s\s+)?services)?",
)
_GRADE = r"(?:outstanding|good|inadequate|(?:requires?\s+)?improvement(?:\s+to\s+be\s+good)?)"
_BETWEEN = r"(?:\s*[:–—-]\s*|\s+(?:are|is)(?:\s+judged(?:\s+to\s+be)?)?\s+|\s+requires?\s+)"
_STATEMENT = re.compile(
    rf"(?:judgement\s*:\s*|overall,\s+)?(?:{'|'.join(_JUDGEMENT_NAMES)}){_BETWEEN}{_GRADE}\s*[.!]?",
    re.IGNORECASE,
)


def is_judgement_statement(sentence: str) -> bool:
    return _STATEMENT.fullmatch(sentence.strip()) is not None
