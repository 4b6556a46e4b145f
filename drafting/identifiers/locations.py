"""Addresses (house number + street, flats, named houses) and UK postcodes."""

from __future__ import annotations

import re

from drafting.identifiers.base import Finding, resolve_overlaps
from drafting.identifiers.lexicon import Lexicon, is_everyday_word, load_lexicon

_STREET = (
    r"(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Crescent|Cres|Grove|Place|Pl|Gardens|Gdns|Court|Ct"
    r"|Terrace|Walk|Row|Mews|Square|Sq|Hill|Park|View|Rise|Parade|Green|Vale|Croft|Meadow|Meadows|Wharf|Yard"
    r"|Villas|Mount|Heights|Circus|Boulevard|Bank|Brow|Fold|Garth|Chase|Gate|Ridge|Dale|Glade|Orchard|Quay"
    r"|Approach|Lawns?|Hollow|Grange|Side)"
)
_NAME_WORD = r"[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?"
_HOUSE_NUMBER_STREET = re.compile(
    rf"\b(?:Flat|Apartment|Unit)?\s*\d{{1,4}}[A-Za-z]?,?\s+(?:{_NAME_WORD}\s+){{1,3}}{_STREET}\b"
)
# Welsh streets put their word first: "6 Heol y Nant", "12 Ffordd yr Afon", "3 Maes y Coed", "9 Clos Llanfair".
_WELSH_WORD = r"[A-Z][a-zâêîôûŵŷ'’]+(?:-[a-zA-Z][a-zâêîôûŵŷ'’]+)*"
_WELSH_STREET = re.compile(
    r"(?<![\w.])\d{1,4}[A-Za-z]?,?\s+(?:Heol|Ffordd|Stryd|Lôn|Lon|Rhodfa|Cilgant|Teras|Maes|Clos|Llys)"
    rf"(?:\s+(?:y|yr|[’']r)\b)?(?:\s+{_WELSH_WORD}){{1,3}}"
)
# Police records shout the address: "14 ELM ROAD, HUNSLET, LEEDS LS10 2PQ" (the town after it as in mixed case).
_SHOUTED_STREET = re.compile(rf"(?<![\w.])\d{{1,4}}[A-Z]?,?\s+(?:[A-Z][A-Z'’-]+\s+){{1,3}}{_STREET.upper()}\b")
_SHOUTED_TOWN_AFTER = re.compile(r",\s+(?P<town>[A-Z]{3,}(?:[\s-][A-Z]{2,})*)\b(?![a-z])")
# "3 The Paddocks, Kettering": a house number and a named close with no street word, then a town or postcode.
_NUMBER_THE = re.compile(
    rf"(?<![\w.])\d{{1,4}}[A-Za-z]?\s+The\s+(?:{_NAME_WORD}\s+)?{_NAME_WORD}(?=,\s+[A-Z][a-z]+|\s+[A-Z]{{1,2}}\d)"
)
# The words after a town's first: "Stoke-on-Trent", "Newcastle upon Tyne", "Sutton Coldfield".
_TOWN_TAIL = r"(?:[\s-](?:on|upon|under|le|in|by|[A-Z][a-z]+))*"
# Postcode format of the Royal Mail (letters that never appear in a position are excluded).
POSTCODE = re.compile(r"\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b")
# "27 Queensway, Grimsby DN31 2SS": a house number and a one-word street, known as an address by the postcode.
_NUMBER_BEFORE_POSTCODE = re.compile(
    rf"(?<![\w.])\d{{1,4}}[A-Za-z]?\s+{_NAME_WORD}(?:\s+{_NAME_WORD})?"
    rf"(?=(?:,\s+[A-Z][a-z]+{_TOWN_TAIL})?,?\s+{POSTCODE.pattern})"
)
_FLAT_NUMBER = r"\b(?:Flat|Apartment)\s+\d{1,4}[A-Za-z]?"
_FLAT = re.compile(rf"{_FLAT_NUMBER}(?:,\s*(?:{_NAME_WORD}\s+){{1,3}}(?:House|Court|Lodge|Tower|Point))?")
# "Flat 3, 88 Highgate": after a flat's number, a house number and a street with no street word. Scored
# between the street address (0.9, which wins when the street has its word: "Flat 4, 22 Cardigan Road") and
# the flat alone (0.85).
# A flat's number typed in lower case is one only here, before a house number: "(flat 3, 16 Woodhouse Street)", not
# "a flat 3 miles away".
_FLAT_STREET = re.compile(
    rf"(?:{_FLAT_NUMBER}|\bflat\s+\d{{1,4}}[A-Za-z]?),\s*\d{{1,4}}[A-Za-z]?\s+{_NAME_WORD}(?:\s+{_NAME_WORD})?(?!\s+[A-Z])"
)
# "3 Kestrel House, Brunel Way": a flat's number in a named block, then its street.
_NUMBER_BLOCK_STREET = re.compile(
    rf"(?<![\w.])\d{{1,4}}[A-Za-z]?,?\s+(?:{_NAME_WORD}\s+){{1,2}}(?:House|Court|Tower|Point|Mansions|Buildings),\s+"
    rf"(?:{_NAME_WORD}\s+){{1,3}}{_STREET}\b"
)
# Not "Lodge": a named lodge is a setting (institutions.py), as all 15 the labelled sets name are.
_NAMED_HOUSE = re.compile(rf"\b(?:{_NAME_WORD}\s+){{1,2}}(?:Cottage|Farm|Manor|Barn|Bungalow|Cottages)\b")
# Where a child lives with no street number: a plot or pitch on a site ("the council site at Cross Green Lane, plot
# 14"; a Traveller site's pitches), a room in a hotel or hostel ("Hotel: Queens Hotel, Room 412"). Only with the
# site or the hotel in the same line, since "pitch 3" at the leisure centre and "Room 2" at the civic centre are
# no one's home.
_SITE_PLOT = re.compile(r"\b(?:[Pp]lot|[Pp]itch)\s+\d{1,3}[A-Za-z]?\b")
_SITE = re.compile(r"\bsites?\b|\bcaravan\b", re.I)
_HOTEL_ROOM = re.compile(r"\b[Rr]oom\s+(?:[Nn]o\.?\s*)?\d{1,4}[A-Za-z]?\b")
_HOTEL = re.compile(r"\b(?:hotel|hostel|motel|travelodge|premier inn|b\s*(?:&|and|n)\s*b)\b", re.I)
# "14 Solway Road, Silloth at 03:00": the town after a street address belongs to the address.
_TOWN_AFTER = re.compile(rf",\s+(?P<town>{_NAME_WORD}{_TOWN_TAIL})(?=[\s,.;:)]|$)")
# "at 3 in the park", "5 mins walk": words that do not name a street.
_NOT_A_STREET_NAME = (
    r"(?:the|a|an|in|on|at|of|to|and|or|for|with|by|from|per|each|every|mins?|minutes?|hours?|hrs?|days?|weeks?|wks"
    r"|times?|am|pm)"
)
# A house number and a street typed in lower case: "12 holly bank", "17 brook st"; not "3 in the park".
_LOWER_STREET = rf"\d{{1,4}}[a-z]?\s+(?:(?!{_NOT_A_STREET_NAME}\b)[a-z][a-z'’]+\s+){{1,2}}{_STREET.lower()}\b"
# Typed in lower case in a note ("lives 12 holly bank", "visit to: 3 mayfield ave", "address given as 4 tanners
# row", "address – 9 kearsley rd"): only where the words before say an address follows, since "5 minutes walk"
# and "2 food bank vouchers" have the same shape.
_LOWER_FLAT = r"(?:\bflat\s+\d{1,4}[a-z]?,?\s+)?"
_LOWER_ADDRESS = re.compile(
    rf"(?:\b(?:at|lives?|living|address(?:\s+(?:is|was|now|given|recorded))?(?:\s+as)?|to)\s*[:\-–—]?|:)\s+"
    rf"(?P<address>{_LOWER_FLAT}{_LOWER_STREET})(?!['’-])"
)
# "with her sister at hers (12 crescent way)": a street address alone in brackets, typed in lower case.
_LOWER_BRACKETED = re.compile(rf"\((?P<address>{_LOWER_FLAT}{_LOWER_STREET})\)")
# "yeh got them. flat 4, 19 kirkstall rd": a flat's number before a street address says what follows is an
# address, as the words before it would ("5 minutes walk" never has a flat's number before it).
_LOWER_FLAT_STREET = re.compile(rf"(?P<address>\bflat\s+\d{{1,4}}[a-z]?,?\s+{_LOWER_STREET})(?!['’-])")
# Typed in lower case in a note ("ls6 2ab"): only with the space, so that other letter-digit runs stay quiet.
_LOWER_POSTCODE = re.compile(r"\b[a-pr-uwyz][a-hk-y]?\d[a-z\d]? \d[abd-hjlnp-uw-z]{2}\b")
# "new address from next month – flat 2, 17 brook st, PR1 7XS": typed in lower case with no cue before it, a
# street address is known by the postcode after it (a town may stand between).
_LOWER_BEFORE_POSTCODE = re.compile(
    rf"(?P<address>{_LOWER_FLAT}\b{_LOWER_STREET})"
    rf"(?=(?:,\s*[a-z]+(?:[- ][a-z]+)?)?,?\s+(?:{POSTCODE.pattern}|{_LOWER_POSTCODE.pattern}))"
)


class AddressDetector:
    name = "address"
    types = frozenset({"ADDRESS"})

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or load_lexicon()

    def _town_end(self, text: str, end: int, after: re.Pattern[str] = _TOWN_AFTER) -> int:
        """Where the address ends once a town after it is included; a given name after the comma is a person
        ("lives at 14 Solway Road, Sarah said")."""
        town = after.match(text, end)
        if not town or any(self.lexicon.is_given_name(w.title()) for w in town.group("town").split()):
            return end
        return town.end()

    def detect(self, text: str) -> list[Finding]:
        out = []
        for pattern, score in (
            (_HOUSE_NUMBER_STREET, 0.9),
            (_WELSH_STREET, 0.9),
            (_SHOUTED_STREET, 0.9),
            (_NUMBER_THE, 0.85),
            (_FLAT, 0.85),
            (_FLAT_STREET, 0.86),
            (_NUMBER_BLOCK_STREET, 0.9),
            (_NAMED_HOUSE, 0.75),
            (_NUMBER_BEFORE_POSTCODE, 0.85),
        ):
            for match in pattern.finditer(text):
                # "27 Children, Leeds LS6 1AA" is a count; a street's own word is rarely an everyday one.
                if pattern is _NUMBER_BEFORE_POSTCODE and is_everyday_word(match.group(0).split()[-1], 4.5):
                    continue
                start = match.start() + (len(match.group(0)) - len(match.group(0).lstrip()))
                end = match.end()
                if pattern in (_HOUSE_NUMBER_STREET, _WELSH_STREET, _SHOUTED_STREET):
                    end = self._town_end(text, end, _SHOUTED_TOWN_AFTER if pattern is _SHOUTED_STREET else _TOWN_AFTER)
                out.append(self._finding(text, start, end, score))
        for pattern, place in ((_SITE_PLOT, _SITE), (_HOTEL_ROOM, _HOTEL)):
            for match in pattern.finditer(text):
                line_start = text.rfind("\n", 0, match.start()) + 1
                line_end = text.find("\n", match.end())
                if place.search(text, line_start, line_end if line_end >= 0 else len(text)):
                    out.append(self._finding(text, *match.span(), 0.8))
        for lower in (_LOWER_ADDRESS, _LOWER_BRACKETED, _LOWER_FLAT_STREET, _LOWER_BEFORE_POSTCODE):
            out.extend(self._finding(text, *match.span("address"), 0.8) for match in lower.finditer(text))
        return resolve_overlaps(out)

    def _finding(self, text: str, start: int, end: int, score: float) -> Finding:
        return Finding(type="ADDRESS", text=text[start:end], start=start, end=end, score=score, detector=self.name)


class PostcodeDetector:
    name = "postcode"
    types = frozenset({"POSTCODE"})

    def detect(self, text: str) -> list[Finding]:
        return [
            Finding(type="POSTCODE", text=m.group(0), start=m.start(), end=m.end(), score=0.9, detector=self.name)
            for m in (*POSTCODE.finditer(text), *_LOWER_POSTCODE.finditer(text))
            if any(c.isdigit() for c in m.group(0)[:4])
        ]
