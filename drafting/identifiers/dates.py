"""Dates of birth and birth-date phrases. An age alone ("aged 7") is not an identifier."""

from __future__ import annotations

import re

from drafting.identifiers.base import Finding
from drafting.identifiers.lexicon import Lexicon, load_lexicon

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
# A day, a month and a year, in any of the orders and forms case records use.
FULL_DATE = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\.?,?\s+\d{{4}}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    r"|\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})"
    r"|\d{4}-\d{2}-\d{2})"
)
DATE = (
    rf"(?:{FULL_DATE}"
    rf"|{_MONTH}\s+\d{{4}}"
    r"|\d{4}"
    # "her birthday is on 4 August": a day and month after a birth cue, with no year.
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b)"
)
_CUE = (
    # "born prematurely on", "born at home in", "born at 29 weeks on": a few lower-case words or a number
    # between "born" and the date.
    r"(?:born(?:(?:\s+(?:[a-z]+|\d{1,2})){0,3}?\s+(?:on|in))?|date\s+of\s+birth(?:\s+(?:is|of))?|d\.?o\.?b\.?|DOB|birthday(?:\s+(?:is|on))?"
    r"|birth\s+date"
    # "turned 18 on 02/02/2024", "turns sixteen on 3 May": the day a birthday falls on.
    r"|turn(?:s|ed|ing)?\s+(?:\d{1,2}|[a-z]+teen|twenty(?:-one)?)(?=\s+on\b))"
)
_DOB = re.compile(
    rf"\b{_CUE}\s*[:\-–(,]?\s*(?:(?:is|was|recorded|given|listed|shown|entered|down|wrongly|incorrectly|as)\s+){{0,4}}(?:on\s+)?(?:the\s+)?(?P<date>{DATE})(?!\w)",
    re.IGNORECASE,
)


# "born at the Jessop Wing in Sheffield on 2 February 2021", "born in Poland in 2009": where someone was born,
# named in capitals, then when, in the same clause: more words than _CUE lets stand between. Only a full date or
# a year, and not across "and" or "then".
_BORN_WHERE = re.compile(
    rf"\bborn\s+(?:at|in)\s+(?:(?!and\b|but\b|then\b|before\b|after\b)[\w'’,-]+\s+){{1,7}}?(?:on|in)\s+(?:the\s+)?"
    rf"(?P<date>{FULL_DATE}|\d{{4}})(?![\w/])",
    re.IGNORECASE,
)
# "b. 12.3.11" in a hurried note: "b." for born, but only before a full date (not "b. 2019" in a list).
_B_DOT = re.compile(
    rf"(?<![\w.])b\.\s*(?P<date>\d{{1,2}}[/.\-]\d{{1,2}}[/.\-](?:\d{{4}}|\d{{2}})|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\.?,?\s+\d{{2,4}})"
)
# "Callum's date of birth on the placement plan is wrong: it says 3 March 2016": what a record says the birth
# date is, a few words after the cue in the same clause (not "the GP says the visit on 3 March went well").
_DOB_SAYS = re.compile(
    rf"\b{_CUE}\b[^.;\n]{{0,60}}?\b(?:says|said|reads|shows|showed|states|stated|gives|gave)\s+"
    rf"(?:it\s+(?:is|was)\s+|as\s+)?(?P<date>{FULL_DATE})",
    re.IGNORECASE,
)
# "… and as 13/06/2011 on another", "… but it should be 13 March 2016", "… on the police system but 02/03/2010
# on ours": the same birth date again, or corrected.
_AGAIN = re.compile(
    rf"^[^.;]{{0,30}}?\b(?:and|or|not|but|should\s+be|corrected\s+to|instead\s+of|rather\s+than)\s+(?:as\s+)?"
    rf"(?P<date>{DATE})"
)
# "Leo's date of birth: 11 October 2018. Maisie's: 2 February 2022", "born on 14/02/1993; Darren Pratt on
# 22/09/1989", "… and Claire's is 8 July 1977": the next person's birth date in the same list, the cue
# left unsaid. Only a known name counts ("DOB 01/02/2010. Review: 03/04/2024" is no one's).
_NEXT_PERSON = re.compile(
    r"^(?:\s*[.;,]\s*|\s+and\s+)(?P<name>(?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*)(?:['’]s)?"
    rf"\s*(?::|\s+(?:is|was|on|born\s+on))\s+(?P<date>{FULL_DATE})"
)


class DateOfBirthDetector:
    name = "date-of-birth"
    types = frozenset({"DATE_OF_BIRTH"})

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or load_lexicon()

    def detect(self, text: str) -> list[Finding]:
        out = []
        spans = [m.span("date") for m in _B_DOT.finditer(text)]
        for match in (*_DOB.finditer(text), *_DOB_SAYS.finditer(text)):
            spans.append(match.span("date"))
            # "recorded as 31/06/2011 on one form and as 13/06/2011 on another": the same birth date again.
            tail = text[match.end() : match.end() + 80]
            again = _AGAIN.match(tail)
            if again:
                spans.append((match.end() + again.start("date"), match.end() + again.end("date")))
            end = match.end()
            while (listed := _NEXT_PERSON.match(text[end : end + 80])) and any(
                self.lexicon.is_known_name(word) for word in listed.group("name").split()
            ):
                spans.append((end + listed.start("date"), end + listed.end("date")))
                end += listed.end()
        spans += [m.span("date") for m in _BORN_WHERE.finditer(text)]
        for start, end in sorted(set(spans)):
            date = text[start:end]
            # A bare year after "born" is weaker than a full date, but still narrows identity.
            score = 0.7 if re.fullmatch(r"\d{4}", date) else 0.95
            out.append(
                Finding(
                    type="DATE_OF_BIRTH", text=text[start:end], start=start, end=end, score=score, detector=self.name
                )
            )
        return out
