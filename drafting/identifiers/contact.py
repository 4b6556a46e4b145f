"""Phone numbers (Google's libphonenumber, region GB), email addresses and social media handles."""

from __future__ import annotations

import re

import phonenumbers

from drafting.identifiers.base import Finding, resolve_overlaps

# Numbers libphonenumber rejects as unallocated (Ofcom's drama ranges) still look like a real number to a reader.
_UK_SHAPE = re.compile(
    r"(?<![\d+])(?:\+44\s?7\d{3}|07\d{3})\s?\d{3}\s?\d{3}(?!\d)|(?<![\d+])0[12]\d{2,3}\s?\d{3}\s?\d{3,4}(?!\d)"
)
_EMAIL = re.compile(r"\b[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b")
# "@kaylamx_07", "@trapstar_leeds11": an account's handle, with a letter in it, not ending in a full stop, and not
# the second half of an email address; "@ 3pm" is "at".
_HANDLE = re.compile(r"(?<![\w@.])@(?=[\w.]{0,29}[A-Za-z])\w(?:[\w.]{0,28}\w)?(?![\w@])")
# "his Discord name is 'WolfPack88'", "gamertag: xXsniperXx", "Roblox username - lil_kai09": a name an account goes
# by, after the label that says so.
_LABELLED_HANDLE = re.compile(
    r"\b(?:(?:user|gamer|screen|display|profile|account|online)\s?(?:name|tag)|gamertag|handle"
    r"|(?:Discord|Xbox|PSN|PlayStation|Snapchat|Snap|TikTok|Instagram|Insta|Roblox|Fortnite|Steam|Twitch|YouTube"
    r"|Telegram|WhatsApp|Facebook|Kik|Wizz|Yubo)\s+(?:name|username|user name|handle|ID|tag))"
    r"\s*(?:is|was|[:=-])?\s*['‘\"“]?(?P<handle>[A-Za-z0-9_][\w.]{1,28}[A-Za-z0-9_])(?=['’\"”]|[\s,.;:)]|$)",
    re.IGNORECASE,
)


class PhoneDetector:
    name = "phone"
    types = frozenset({"PHONE"})

    def detect(self, text: str) -> list[Finding]:
        out = [
            Finding(type="PHONE", text=m.group(0), start=m.start(), end=m.end(), score=0.8, detector=self.name)
            for m in _UK_SHAPE.finditer(text)
        ]
        for match in phonenumbers.PhoneNumberMatcher(text, "GB", leniency=phonenumbers.Leniency.VALID):
            out.append(
                Finding(
                    type="PHONE",
                    text=match.raw_string,
                    start=match.start,
                    end=match.end,
                    score=0.95,
                    detector=self.name,
                )
            )
        return resolve_overlaps(out)


class EmailDetector:
    name = "email"
    types = frozenset({"EMAIL"})

    def detect(self, text: str) -> list[Finding]:
        return [
            Finding(type="EMAIL", text=m.group(0), start=m.start(), end=m.end(), score=0.99, detector=self.name)
            for m in _EMAIL.finditer(text)
        ]


class SocialHandleDetector:
    """An account's handle names the child or the adult behind it as surely as a name does."""

    name = "social-handle"
    types = frozenset({"PERSON"})

    def detect(self, text: str) -> list[Finding]:
        spans = [m.span() for m in _HANDLE.finditer(text)]
        # After its label a handle has a digit, an underscore or a capital inside it ("WolfPack88"); "her Instagram
        # name was private" names none, and a plain given name is the name detector's.
        spans += [
            m.span("handle")
            for m in _LABELLED_HANDLE.finditer(text)
            if any(c.isdigit() or c == "_" or c.isupper() for c in m["handle"][1:])
        ]
        return [
            # Under the name detector's score: a Facebook tag "@Dean Hirst" is the whole name, not "@Dean".
            Finding(type="PERSON", text=text[start:end], start=start, end=end, score=0.75, detector=self.name)
            for start, end in spans
        ]
