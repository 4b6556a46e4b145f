"""Named schools, colleges, nurseries and children's homes (a named setting narrows a child down)."""

from __future__ import annotations

import re
from functools import lru_cache

from drafting.identifiers.base import Finding, resolve_overlaps
from drafting.identifiers.casing import in_lower_case_line
from drafting.identifiers.lexicon import Lexicon, is_everyday_word, load_lexicon
from drafting.identifiers.name_cues import KIN_AND_ROLE, WORSHIP_AFTER, WORSHIP_KINDS
from drafting.sentences import Sentence, split_sentences

# "St Joseph's RC Primary School", "Holy Trinity C of E Academy": a denomination belongs to the name.
# "Co-op Academy Leeds", "Stoke-on-Trent College": a word's later parts may be in the lower case.
_WORD = r"(?:(?:St\.?|RC|CE|C of E|CofE)(?!\w)|[A-Z][a-z'’]+(?:-[A-Za-z][a-z'’]+){0,2})"
_JOIN = r"(?:\s+(?:of|the|and|&|on|upon|in)\s+|\s+)"
_KIND = (
    r"(?:Primary School|Secondary School|Infant School|Infants School|Junior School|High School|Grammar School"
    r"|Community School|Special School|School|Academy|College|University|Nursery|Pupil Referral Unit|PRU|Learning Centre|Education Centre"
    # An early-years setting, as a nursery is.
    r"|Early Years Centre|Children['’]s Centre"
    # A secure unit is a children's home.
    r"|Secure Unit|Secure Children['’]s Home|Young Offender Institution|YOI|Secure Training Centre"
    # A child's club narrows them down as a school does: "Hallam Juniors FC", "Parkside Boxing Club".
    r"|(?:Juniors\s+)?(?:A?FC|JFC|Football Club|Rugby Club|Rugby League Club|Cricket Club|Boxing Club|Youth Club"
    r"|Swimming Club|Gymnastics Club|Athletic Club|Athletics Club|Scout Group)"
    # A family's place of worship narrows them down as a school does: "Makki Masjid", "Bethel Church", "the New
    # Testament Church of God"; a denomination is no place ("the Methodist Church": no word of its own).
    rf"|Church of God|{'|'.join(k.capitalize() for k in WORSHIP_KINDS)}|Temple|Kingdom Hall"
    # Said without "School": "attends Brambleside Primary", "from Batley Grammar", but not "Primary Care" or "the
    # High Court".
    r"|(?:Primary|High|Juniors|Infants|Grammar)(?!\s+[A-Z]|\s+(?:care|court|street|road|school)\b))"
)
_ENDS_IN_KIND = re.compile(rf"\b{_KIND}$")
_TOWN_AFTER_KIND = re.compile(r"[^\S\n]+(?P<town>[A-Z][a-z'’]+)\b(?![\s-]+[A-Z])")
# What a setting's short name leaves out besides its kind: "St Anne's Catholic Primary" is "St Anne's".
_DENOMINATION = re.compile(
    r"(?:\s+(?:Catholic|Roman Catholic|RC|CE|C of E|CofE|Church of England|Methodist|Community))+$"
)
_KIND_WORDS = frozenset(re.findall(r"[A-Z][a-z]+", _KIND))
# A multi-academy trust is an organisation, not a child's school.
_SCHOOL = re.compile(rf"\b{_WORD}(?:{_JOIN}{_WORD}){{0,4}}\s+{_KIND}\b(?!\s+Trust)")
# Welsh names put the kind first: "Ysgol Aberconwy", "Ysgol Gynradd Llanrug", "Coleg Cambria", a home "Cartref Bryn
# Awel", a nursery "Meithrinfa Seren Fach" or "Cylch Meithrin Pont-y-clun"; so do "Masjid Ghosia", "Masjid-e-Noor",
# "Gurdwara Sahib Leeds".
_KIND_FIRST = re.compile(
    r"\b(?:(?:Ysgol|Coleg|Cartref|Meithrinfa|Cylch Meithrin|Masjid|Jamia Masjid|Gurdwara)"
    r"(?:\s+(?:Gynradd|Uwchradd|Gymraeg|Bro|Y|Yr))*(?:\s+[A-Z][a-z'’]+){1,3}|Masjid-e-[A-Z][a-z'’]+)"
)
_ROLE_OF = re.compile(
    r"(?:Headteacher|Headmaster|Headmistress|Head|Deputy|Manager|Teacher|Staff|Director|Principal|Chair|Governors?"
    r"|Pupils|Children|Parents|Residents)\s+(?:of|at)\s+(?=[A-Z])"
)
# Where a child or care leaver lives: a named home or scheme narrows them down as a school does.
_HOME_KIND = (
    r"(?i:children['’]s home|residential home|care home|supported accommodation|supported lodgings"
    r"|semi-independent|unregistered|hostel|foyer|refuge"
    # Where families are assessed or children see their parents: "Sunnyside, the council's assessment centre".
    r"|(?:assessment|family|contact|residential|respite|children['’]s) centre|family hub"
    r"|short[- ]breaks? (?:home|unit|centre)"
    # Early-years settings are often named in the lower case: "attends Little Stars nursery".
    r"|nursery|pre-school|preschool|playgroup"
    # A unit or scheme for homeless young people: "the St George's Crypt young persons' unit".
    r"|young (?:persons?['’]?|people['’]s) (?:unit|project|scheme)|supported housing|night shelter"
    # A place of worship named before its kind in the lower case: "Al-Noor mosque", "the Bethel church".
    rf"|{'|'.join(WORSHIP_KINDS)})\b"
)
# "Oak Lodge children's home", or "Willowbrook House, a children's home run by …".
_HOME = re.compile(
    rf"\b{_WORD}(?:{_JOIN}{_WORD}){{0,3}}"
    # "Toby's nursery" is Toby's, not a setting called Toby.
    rf"(?<!['’]s)(?=\s+{_HOME_KIND}|,\s+(?:a|an|the|its|our)\s+(?:[\w'’-]+\s+){{0,3}}?{_HOME_KIND})"
)
# A school by its name alone after "at", "to" or "from", typed with a capital or in a note in lower case.
_AT_SCHOOL_NAME = re.compile(r"\b(?i:at|to|from)\s+(?P<name>[A-Za-z][a-z]+)\b(?!\s+[A-Z])(?!['’])")
_SCHOOL_WORDS = re.compile(
    r"\b(?:teachers?|lessons?|maths|class(?:es|room)?|tutor|head of year|homework|playground|uniform|lunchtime"
    r"|break ?time|assembly|year \d{1,2}|gcses?|senco)\b",
    re.IGNORECASE,
)
_AT_SCHOOL_ZIPF = 2.5
# "he moved to Moorview on 3 November": where a child moved, in a sentence about a home or a placement.
_AT_NAME = re.compile(r"\b(?:at|from|(?:moved|moves|moving)\s+to)\s+(?P<name>[A-Z][a-z'’]+)\b(?!\s+[A-Z])(?!['’]s\b)")
_KIND_AFTER = re.compile(rf"\s+{_HOME_KIND}")
# "Young people at Cedar Lodge said staff listen": a named house where the text is about a children's
# home is the home, which narrows a child down more than an address would.
_HOUSE = re.compile(
    # Not "Gardens": a street ("14 Priory Gardens", found as an address) or a public park ("Piccadilly Gardens").
    r"\b(?:[A-Z][a-z'’]+\s+){1,2}(?:House|Lodge|Grange|Manor|View|Court|Cottage|Hall|Mews|Farm)\b"
)
# "the Family Court", "Crown Court": courts, not homes.
_COURTS = {"Crown", "County", "Family", "Youth", "Magistrates", "Magistrates'", "Appeal", "Supreme", "Coroner's"}
# "moved to the Haven", "young people at the Willows": a home known by "the" and one word, where the text
# is about a home or a refuge. Not a body ("the Council"), and not a frequent word ("the Board").
_THE_NAME = re.compile(r"\b(?:at|to|from|in|into|called|named)\s+the\s+(?P<name>[A-Z][a-z'’]+)\b(?!\s+[A-Z])")
_THE_NAME_ZIPF = 4.5
# The tail of a longer title joined by "and": "Drug and Alcohol Court" is a court, not a house.
_TITLE_BEFORE = re.compile(r"[A-Z][a-z'’]+\s+(?:and|&)\s+$")
_HOME_WORDS = (
    r"children['’]s home|residential (?:home|care|staff|workers?|manager|setting|unit)|registered manager|care staff"
    # Short-break units are children's homes for disabled children.
    r"|the home\b|unregistered|short breaks?\b|respite|refuges?\b|hostels?\b"
    # Where a released offender must live: a probation hostel.
    r"|approved premises"
    # Physical restraint happens in residential care; "placed at" names where a child lives.
    r"|restrain(?:ed|t|ing)\b|placed at|placement at"
    # The Children's Homes Regulations' own terms: the independent person's monthly visit and report.
    r"|reg(?:ulation)?\s+4[45]\b|independent visitor|responsible individual|statement of purpose"
    # Where children see their parents: "contact … supervised at the Beeches".
    r"|supervised (?:at|in)\b|contact centre"
)
_HOME_WORDS_RE = re.compile(_HOME_WORDS, re.IGNORECASE)
# A sentence about where a child lives: a home, or the placement itself ("the list gives the wrong placement; he
# moved to Moorview").
_LIVES_WORDS_RE = re.compile(rf"{_HOME_WORDS}|\bplacements?\b", re.IGNORECASE)
_HOME_CONTEXT = re.compile(
    # (?-i:…): "children at home" is no named place; only a capital letter starts a name.
    rf"{_HOME_WORDS}|staff at (?-i:[A-Z])|(?:young people|children) (?:at|living at|who live at|in)\s+(?-i:[A-Z])",
    re.IGNORECASE,
)
_HOME_CONTEXT_CHARS = 300
_COMMON_ZIPF = 4.0
# "two young people at Oakfield had been reported missing": a home named with no house word.
_PEOPLE_AT = re.compile(
    r"\b(?P<who>(?i:young (?:people|person)|children|child|residents|staff|manager|workers?"
    r"|placed|placements?|stay(?:s|ed|ing)?|live[sd]?))\s+"
    r"(?:at|living at|who live at|placed at)\s+(?P<name>[A-Z][a-z'’]+(?:\s+[A-Z][a-z'’]+)?)\b"
)
# Children live where they are "at", placed or staying ("her placement at Oakdene", "wants to stay at Larchwood");
# staff or a manager "at" a name may be at an office or a team.
_RESIDENTS = {
    "young people", "young person", "children", "child", "residents", "placed", "placement", "placements", "stay",
    "stays", "stayed", "staying", "live", "lives", "lived",
}  # fmt: skip
# "Toby's nursery, Little Acorns, kept records": a setting named in apposition to what it is.
_KIND_APPOSITIVE = re.compile(
    r"\b(?i:school|nursery|pre-school|preschool|college|academy|children['’]s home|residential home|setting"
    # "The sister home, Rowanbank, shares its on-call manager": a provider's other children's home.
    # "ring Connor's school? (Prince Henry's)": a note's question mark may stand between.
    r"|placement|sister home)\??\s*(?:,\s+|\(\s*)"
    rf"(?P<name>{_WORD}(?:\s+{_WORD}){{0,3}})(?=\s*[,)])"
)
# "his nursery is Little Sprouts, Almondbury": what someone's setting is, with the area after it.
_KIND_IS = re.compile(
    r"\b(?i:his|her|their|my|your)\s+(?i:school|nursery|pre-school|preschool|college|academy|children['’]s home"
    r"|residential home)\s+is\s+"
    rf"(?P<name>{_WORD}(?:\s+{_WORD}){{0,3}}(?:,\s+[A-Z][a-z'’]+)?)(?=\s*(?:[.;,)\n]|$))"
)
# "Home: Larchfield (Ofsted URN …)", "Nursery: Sunflowers.": a record's label for a setting, then its name alone.
# Not "Placement:" or "Setting:", which take a kind as often ("Placement: Kinship", "Setting: Residential").
_KIND_LABEL = re.compile(
    r"(?:^|(?<=\n)|(?<=[.;]\s))[^\S\n]*(?i:children['’]s home|residential home|home|school|nursery|pre-school"
    r"|college)[^\S\n]*:[^\S\n]+"
    rf"(?P<name>{_WORD}(?:[^\S\n]+{_WORD}){{0,3}})(?=[^\S\n]*(?:[,.;(]|$))",
    re.MULTILINE,
)
# "in Year 10 at Oakwood", "alternative provision at The Bridge", "excluded from Montgomery", "on roll at
# Oakfield": a school or a provision by its name alone.
_SCHOOL_AT = re.compile(
    r"\b(?:(?:Year\s+\d{1,2}|(?i:alternative provision|pupil referral unit|PRU))\s+at"
    r"|(?P<left>(?i:excluded\s+from|on\s+(?:the\s+)?roll\s+(?:at|of))))\s+"
    rf"(?P<name>(?:The\s+)?{_WORD}(?:\s+{_WORD}){{0,3}})(?![\w'’])"
)
# "Scouts on Thursday at 1st Baildon", "the 2nd Shipley Brownies": a scouting group, by its number and place.
_SCOUT_GROUP = re.compile(
    r"\b(?P<name>\d{1,2}(?:st|nd|rd|th)\s+(?!(?:January|February|March|April|May|June|July|August|September"
    r"|October|November|December)\b)[A-Z][a-z'’]+(?:\s+[A-Z][a-z'’]+)?"
    r"(?:\s+(?:Scouts?|Scout Group|Cubs|Beavers|Explorers|Brownies|Guides|Rainbows))?)"
)
_SCOUTING = re.compile(r"\b(?i:scouts?|cubs|beavers|explorers|brownies|guides|rainbows|scouting|guiding)\b")
# "football again at Clitheroe Wolves", "boxing for Parkside": a child's club, by the sport before its name.
_CLUB_AT = re.compile(
    r"\b(?i:football|rugby|boxing|cricket|netball|swimming|gymnastics|dance|karate|judo|athletics)\s+"
    r"(?:(?i:again|training|practice|sessions?|club)\s+)?(?:at|for)\s+"
    rf"(?P<name>{_WORD}(?:\s+{_WORD}){{0,3}})"
)
_VENUE_WORDS = {"Park", "Field", "Fields", "Ground", "Rec", "Recreation", "Stadium", "Pitches", "Baths", "Pool", "Road"}
# The next name in "from A to B to C", once A is a named setting.
_CHAIN_NEXT = re.compile(rf"\s+(?:to|then)\s+(?P<name>{_WORD}(?:\s+{_WORD}){{0,3}})")
_CHAIN_START = ("from", "to", "then")
# "on roll at Shakespeare Primary or Bankside": the next name in a list of the settings someone attends.
_LIST_NEXT = re.compile(r"\s+(?:or|and)\s+(?P<name>[A-Z][a-z'’]+)(?![\w'’-])(?!\s+[A-Z])")
_LIST_START = ("at", "attend", "attends", "attended", "attending")
# "held at Cookham Wood", "remanded to Wetherby": a named custodial setting.
_CUSTODY = re.compile(
    r"\b(?:[Hh]eld|[Rr]emanded|[Dd]etained|[Ss]entenced|[Ss]erving (?:his|her|their|a) sentence|[Ii]n custody)\s+"
    r"(?P<prep>at|to|in)\s+"
    rf"(?P<name>{_WORD}(?:\s+{_WORD}){{0,2}})"
)
# "the PEPs are on the 14th at St Gabriel's": a school or a church known by its saint alone, after "at", "to" or
# "from" (not "St Mary's Hospital", "St Anne's Road", or a saint's day).
_SAINT_AT = re.compile(
    r"\b(?:at|to|from|attends|attended|attending)\s+(?P<name>St\.?\s+[A-Z][a-z]+['’]s)(?!\w)"
    r"(?!\s+(?:[A-Z]|(?:hospital|hospice|church|cathedral|road|street|lane|avenue|way|park|close|drive|court"
    r"|crescent|day)\b))"
)
# "he's at Wetherby now": the youth custody estate's young offender institutions and secure training centre are
# known by their towns, and no one is "at" a town otherwise ("in Wetherby" stays a town).
_YOUTH_CUSTODY_AT = re.compile(r"\bat\s+(?P<name>Wetherby|Werrington|Cookham Wood|Feltham|Parc|Oakhill)\b(?!\s+[A-Z])")
# "semi-independent accommodation at Oak Tree Court", "nursery place offered at Little Stars": the kind of
# home first, then its name.
_HOME_AFTER_KIND = re.compile(
    rf"{_HOME_KIND}(?:\s+(?:accommodation|placement|provision|unit|flat|place))?(?:\s+(?:offered|found|agreed))?"
    r"\s+(?:at|called|named|known as)\s+"
    rf"(?P<name>{_WORD}(?:\s+{_WORD}){{0,3}})"
)
# Words that make a phrase generic rather than a name ("the Virtual School", "Further Education College").
_GENERIC = {
    "Virtual", "Primary", "Secondary", "Special", "Residential", "Further", "Education", "Higher", "Local",
    "Community", "High", "Grammar", "Infant", "Junior", "Independent", "Maintained", "Free", "The", "Our", "Their",
    "His", "Her", "A", "An", "This", "That", "Each", "Every", "Mainstream", "Alternative", "Boarding", "Day",
    "Sixth", "Form", "Catholic", "Church", "Faith", "State", "Private", "New", "Current", "Previous", "Same",
    "Local Authority", "Authority", "Council", "Hospital", "Nursery", "School", "College", "Academy", "Saturday", "Sunday", "Supplementary",
    "Weekend",
}  # fmt: skip


# Services and bodies known by "the" and one word: "the Hub", "the Panel".
_SERVICES = {
    "Hub", "Hubs", "Team", "Service", "Services", "Panel", "Board", "Forum", "Network", "Partnership", "Council",
    "Court", "Unit", "Department", "Directorate", "Office", "Front", "Door", "Project", "Programme", "Group",
}  # fmt: skip
_NOT_A_HOUSE_NAME = _GENERIC | _COURTS | _SERVICES
# "the council's offices at Wellington House", "teams based at Quayside House": a workplace.
_OFFICE_BEFORE = re.compile(r"\b(?:offices?|headquarters|HQ|based|building|premises|reception)\b", re.IGNORECASE)
# "Hartshire Town Hall", "the Village Hall": public buildings, not homes.
_PUBLIC_BUILDING = {
    "Town", "City", "County", "Civic", "Village", "Church", "Community", "Sports", "Leisure", "Market", "Guild",
    "Concert", "Memorial", "Council", "Parish", "Court",
}  # fmt: skip
# "Seen at Piccadilly Gardens", "at Leeds Station": a public place or a street, not where a child lives.
_PUBLIC_PLACE_LAST = frozenset(
    {"Gardens", "Square", "Street", "Road", "Lane", "Avenue", "Way", "Drive", "Station", "Hospital", "Centre",
     "Market", "Beach", "Bridge", "Airport", "Arcade", "Precinct", "Library", "Museum"}
) | _VENUE_WORDS  # fmt: skip
# "at my short breaks at Cherry Tree": a name of two words after "at", in a sentence about where a child lives.
_AT_TWO_WORDS = re.compile(r"\b(?:at|from)\s+(?P<name>[A-Z][a-z'’]+\s+[A-Z][a-z'’]+)\b(?!\s+(?!I\b)[A-Z])(?![-'’])")


# Settings typed in lower case, in a line typed wholly so: "back to st hilda's after half term" (a saint's
# name and its possessive), "his school, ridgeway academy" (a word no one uses as a word, then the kind). Not
# "st mary's hospital" or "brook st"; not "boarding school" or "the local academy", which name no one setting.
_LOWER_SAINT = re.compile(
    r"(?<![\w'’])st\.?\s+[a-z]+['’]s(?!\w)"
    r"(?!\s+(?:hospital|hospice|church|cathedral|road|street|st|lane|avenue|way|park|close|drive|court|crescent)\b)"
)
_LOWER_KIND = re.compile(
    r"(?<![\w'’-])(?P<name>[a-z]+(?:[ \t]+[a-z]+)?)[ \t]+"
    r"(?:primary school|primary|infants|juniors|high school|secondary school|academy|college|nursery|school)(?![\w'’])"
)
_LOWER_KIND_ZIPF = 4.0
# "i was told id stay at beech house till i was 18", "i dont want to move from hollins view": a named house typed
# in lower case, after "at", "to" or "from"; not "at my dads house", "to a halfway house" or "at crown court" (a
# possessive, a kind, an everyday word).
_LOWER_HOUSE = re.compile(
    r"(?<![\w'’-])(?:at|to|from)\s+(?P<name>(?P<word>[a-z]+)\s+(?:house|lodge|grange|manor|court|cottage|mews|view))"
    r"(?![\w'’])"
)
_LOWER_HOUSE_ZIPF = 4.5
# A house's name of one word and its kind: "Beech House", "beech house", "Moorview Lodge".
_HOUSE_SHORT = re.compile(r"(?P<word>[A-Za-z][a-z]+)\s+(?i:house|lodge|grange|manor|court|cottage|mews)")
_HOUSE_KINDS = frozenset(
    {"boarding", "halfway", "respite", "foster", "guest", "bail", "council", "dolls", "wendy", "tree", "play",
     "bouncy", "country", "party", "opposite", "next"}
)  # fmt: skip
# "a leeds academy", "any bradford college": one of a town's, not one named after it.
_ANY_OF = frozenset({"a", "an", "any", "another", "every", "each", "some", "other"})
# "to", "at", "his", "back": words this frequent are never part of a setting's name typed in lower case.
_FUNCTION_ZIPF = 5.5


@lru_cache(maxsize=2)
def _sentences(text: str) -> tuple[Sentence, ...]:
    return tuple(split_sentences(text))


def _sentence_at(text: str, position: int) -> Sentence | None:
    """The sentence a position stands in, the text split once however many rules ask."""
    return next((s for s in _sentences(text) if s.start <= position < s.end), None)


def _around(text: str, match: re.Match[str]) -> str:
    """The text within _HOME_CONTEXT_CHARS of a match: where children's-home words are looked for."""
    return text[max(0, match.start() - _HOME_CONTEXT_CHARS) : match.end() + _HOME_CONTEXT_CHARS]


def _split_coordinated(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """ "Brambleside Primary and Hillcrest High School" is two settings; "Hartley and Ross School" is one."""
    spans = []
    for joint in re.finditer(r"\s+(?:and|&)\s+", text[start:end]):
        if _ENDS_IN_KIND.search(text, start, start + joint.start()):
            spans.append((start, start + joint.start()))
            start += joint.end()
    return [*spans, (start, end)]


def _ends_term(terms: list[tuple[int, int]], start: int, end: int) -> bool:
    """A term of the allow-list ends where the span ends ("the Virtual School")."""
    return any(s >= start and e == end for s, e in terms)


class InstitutionDetector:
    name = "institution"
    types = frozenset({"INSTITUTION"})

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or load_lexicon()

    def _finding(self, text: str, start: int, end: int, score: float) -> Finding:
        return Finding(type="INSTITUTION", text=text[start:end], start=start, end=end, score=score, detector=self.name)

    def detect(self, text: str) -> list[Finding]:
        lex = self.lexicon
        terms = lex.phrase_spans(text)
        out = self._named_homes(text)
        for pattern, score in ((_SCHOOL, 0.85), (_KIND_FIRST, 0.85), (_HOME, 0.85)):
            for m in pattern.finditer(text):
                for start, end in _split_coordinated(text, m.start(), m.end()):
                    # "The Local Authority's contact centre": a possessive ending is not part of a name.
                    words = [re.sub(r"['’]s$", "", w) for w in re.findall(r"[A-Z][a-z'’]+|St\.?", text[start:end])]
                    own = [w for w in words if w not in _GENERIC and w not in _KIND_WORDS]
                    # "New College Swindon", "Sixth Form College Farnborough": a town after the kind is part of
                    # the name, and names the one college; not after a term of the allow-list ("the Virtual
                    # School Leeds team" is the council's).
                    town = _TOWN_AFTER_KIND.match(text, end) if pattern is _SCHOOL else None
                    if town and town.group("town") in lex.towns and not _ends_term(terms, start, end):
                        end = town.end()
                        own.append(town.group("town"))
                    # "the Polish Saturday School": a language or a term and a kind of school names no one school;
                    # a town's or an area's name does ("Sheffield College", "Calderdale College").
                    if not own or all(w in lex.never_names and w not in lex.towns and w not in lex.places for w in own):
                        continue
                    # "Leeds church leaders": a town's places of worship are many, not one.
                    if (
                        pattern is _HOME
                        and WORSHIP_AFTER.match(text, end)
                        and all(w in lex.towns or w in lex.places for w in own)
                    ):
                        continue
                    # "Ryan's YOI placement": a child's own setting, named by the child; the name detector has him.
                    first = text[start:end].split()[0]
                    if len(own) == 1 and first in (f"{own[0]}'s", f"{own[0]}’s") and lex.is_given_name(own[0]):
                        continue
                    # "Orchard Family Centre", "Holbeck Foyer": a kind written in capitals is part of the name.
                    kind = _KIND_AFTER.match(text, end) if pattern is _HOME else None
                    if kind and all(w[:1].isupper() for w in kind.group(0).split()):
                        end = kind.end()
                    # Sentence-initial articles are not part of the name, nor is a role before "of" or "at"
                    # ("Headteacher of Ormsgill Nursery").
                    for article in ("The ", "A ", "An "):
                        if text.startswith(article, start):
                            start += len(article)
                    role = _ROLE_OF.match(text, start, end)
                    if role:
                        start = role.end()
                    out.append(self._finding(text, start, end, score))
        for m in _THE_NAME.finditer(text):
            name = m.group("name")
            if name in lex.never_names or name in _NOT_A_HOUSE_NAME or is_everyday_word(name, _THE_NAME_ZIPF):
                continue
            if _HOME_CONTEXT.search(_around(text, m)):
                out.append(self._finding(text, *m.span("name"), 0.7))
        # "his short breaks are at Hollybank", "she was restrained at Oakhurst": a one-word name after "at" where the
        # same sentence is about a home; "you love being at Springwood now … every lunchtime", "catch him at
        # brigshaw tomorrow after his maths lesson": one where it is about school, typed with a capital or in a note
        # in lower case. A town, an area, a person's name or an everyday word is no setting.
        for pattern, about, zipf, score in (
            (_AT_NAME, _LIVES_WORDS_RE, _THE_NAME_ZIPF, 0.7),
            (_AT_TWO_WORDS, _LIVES_WORDS_RE, _THE_NAME_ZIPF, 0.7),
            (_AT_SCHOOL_NAME, _SCHOOL_WORDS, _AT_SCHOOL_ZIPF, 0.6),
        ):
            for m in pattern.finditer(text):
                name = m.group("name")
                title = name[:1].upper() + name[1:]
                if name.islower() and not in_lower_case_line(text, m.start("name")):
                    continue
                words = title.split()
                if (
                    self._names_something_else(name, zipf)
                    # "at Cherry Tree": not a term's words, a town's, or a person's ("at Jack Smith")
                    or (len(words) > 1 and any(w in lex.never_names or w in lex.towns for w in words))
                    or (len(words) > 1 and lex.is_given_name(words[0]))
                    or (len(words) > 1 and (words[-1] in _PUBLIC_PLACE_LAST or words[0] in _PUBLIC_BUILDING))
                ):
                    continue
                sentence = _sentence_at(text, m.start())
                if sentence and about.search(text, sentence.start, sentence.end):
                    out.append(self._finding(text, *m.span("name"), score))
        for m in _HOUSE.finditer(text):
            words = m.group(0).split()
            if words[0] in _NOT_A_HOUSE_NAME or words[-2] in _PUBLIC_BUILDING:
                continue
            if words[-1] == "Court" and words[-2] in _COURTS:  # "Liverpool Family Court", "Carlisle Crown Court"
                continue
            if _TITLE_BEFORE.search(text, 0, m.start()):  # "the Family Drug and Alcohol Court"
                continue
            # A named house anywhere else ("would not go back to Thornbury House") may still be where a child
            # lives: flagged as possible, for the inspector to judge.
            home = _HOME_CONTEXT.search(_around(text, m))
            if not home and _OFFICE_BEFORE.search(text, max(0, m.start() - 40), m.start()):
                continue  # "the council's offices at Wellington House"
            # A named lodge is a setting far more often than a home's address: every one of the 15 the labelled
            # sets name ("Willow Lodge", "Brunswick Lodge"); it is scored as the address rule scored it.
            lodge = words[-1] == "Lodge"
            out.append(self._finding(text, m.start(), m.end(), 0.8 if home else 0.75 if lodge else 0.55))
        out.extend(self._lower_case_settings(text))
        out.extend(self._next_in_chain(text, out))
        # A term of the allow-list is never a setting, whatever its last word ("the Social Work Academy"), nor is
        # its short name ("Social Work").

        def outside_terms(finding: Finding) -> bool:
            return not any(s <= finding.start and finding.end <= e for s, e in terms)

        out = [f for f in out if outside_terms(f)]
        out.extend(f for f in self._short_names(text, out) if outside_terms(f))
        out.extend(f for f in self._house_short_names(text, out) if outside_terms(f))
        return resolve_overlaps(out)

    def _lower_case_settings(self, text: str) -> list[Finding]:
        out = [
            self._finding(text, m.start(), m.end(), 0.65)
            for m in _LOWER_SAINT.finditer(text)
            if in_lower_case_line(text, m.start())
        ]
        for m in _LOWER_HOUSE.finditer(text):
            word = m.group("word")
            if (
                in_lower_case_line(text, m.start())
                # "at my dads house", "at nans house": a possessive typed without its apostrophe ("hollins view" is
                # a name).
                and not (word.endswith("s") and (word[:-1] in KIN_AND_ROLE or is_everyday_word(word[:-1], 3.0)))
                and word not in _HOUSE_KINDS
                and not is_everyday_word(word, _LOWER_HOUSE_ZIPF)
                and word.capitalize() not in self.lexicon.towns
                and word.capitalize() not in self.lexicon.places
            ):
                out.append(self._finding(text, *m.span("name"), 0.65))
        for m in _LOWER_KIND.finditer(text):
            if not in_lower_case_line(text, m.start()):
                continue
            # "at oakfield primary": the words before the name are not part of it.
            found = list(re.finditer(r"[a-z]+", m.group("name")))
            while found and is_everyday_word(found[0].group(0), _FUNCTION_ZIPF):
                found = found[1:]
            if not found:
                continue
            words = [w.group(0) for w in found]
            start = m.start("name") + found[0].start()
            # "a leeds academy", "any bradford college": one of a town's settings, not one named.
            before = re.search(r"([a-z]+)\s+$", text[max(0, start - 12) : start])
            if before and before.group(1) in _ANY_OF:
                continue
            # "leeds city college", "salford college": a college or academy named after its town, though the
            # words are everyday ones.
            if self._named_after_town(m, words):
                out.append(self._finding(text, start, m.end(), 0.65))
                continue
            # "boarding school", "took zak to school", "forest school": a kind, a function word or only everyday
            # words name no setting; "ridgeway academy" and "beacon hill academy" do.
            if any(w.capitalize() in _GENERIC or w.capitalize() in self.lexicon.never_names for w in words):
                continue
            if any(is_everyday_word(w, _FUNCTION_ZIPF) for w in words):
                continue
            if all(is_everyday_word(w, _LOWER_KIND_ZIPF) for w in words):
                continue
            out.append(self._finding(text, start, m.end(), 0.65))
        return out

    def _named_after_town(self, match: re.Match[str], words: list[str]) -> bool:
        return (
            match.group(0).endswith(("college", "academy"))
            and words[0].capitalize() in self.lexicon.places
            and all(w == "city" for w in words[1:])
        )

    def _short_names(self, text: str, found: list[Finding]) -> list[Finding]:
        """ "St Anne's Catholic Primary …; the breakfast club at St Anne's": once a setting is named in full, its
        name without its kind and denomination names it too. Only a saint's name or two words or more: one word
        alone ("Thornhill", of "Thornhill Community Academy") is as often the place, and a capitalised word after
        the short name ("St Anne's Hospital") names something else."""
        out: list[Finding] = []
        for finding in found:
            kind = _ENDS_IN_KIND.search(finding.text)
            if not kind:
                continue
            short = _DENOMINATION.sub("", finding.text[: kind.start()].rstrip())
            saint = short.startswith("St ") and short.endswith(("'s", "’s"))
            if not (saint or len(short.split()) >= 2) or short in self.lexicon.towns:
                continue
            for m in re.finditer(rf"(?<![\w'’]){re.escape(short)}(?![\w'’])(?!\s+[A-Z])", text):
                if not any(f.start <= m.start() < f.end for f in found):
                    out.append(self._finding(text, m.start(), m.end(), 0.9))
        return out

    def _names_something_else(self, name: str, zipf: float) -> bool:
        """A setting's name alone, found by where it stands, is none of these: a term, a town, an area, a person's
        name or a word this frequent ("at Barnsley", "at Jack", "at Home")."""
        title = name[:1].upper() + name[1:]
        lex = self.lexicon
        return (
            title in lex.never_names
            or title in lex.towns
            or title in lex.places
            or lex.is_known_name(title)
            or is_everyday_word(name, zipf)
        )

    def _house_short_names(self, text: str, found: list[Finding]) -> list[Finding]:
        """ "stay at beech house …; my key worker at beech": once a house is named, its first word after "at",
        "to" or "from" names it too, typed as the house was; not a town's or a person's name, nor an everyday
        word ("the staff at Park" of "Park House")."""
        out: list[Finding] = []
        for finding in found:
            m = _HOUSE_SHORT.fullmatch(finding.text)
            if not m:
                continue
            word = m.group("word")
            if self._names_something_else(word, _LOWER_HOUSE_ZIPF):
                continue
            for at in re.finditer(rf"\b(?:at|to|from)\s+(?P<word>{re.escape(word)})(?![\w'’])(?!\s+[A-Z])", text):
                if not any(f.start <= at.start("word") < f.end for f in found):
                    out.append(self._finding(text, *at.span("word"), 0.85))
        return out

    def _next_in_chain(self, text: str, found: list[Finding]) -> list[Finding]:
        """ "moved from Brambles Primary to Eastfield to St Oswald's": after a named setting, the next name in a
        "from … to …" chain is one too."""
        out: list[Finding] = []
        queue = sorted(found, key=lambda f: f.start)
        while queue:
            finding = queue.pop(0)
            m = _CHAIN_NEXT.match(text, finding.end)
            if not m or not text[max(0, finding.start - 60) : finding.start].rstrip().lower().endswith(_CHAIN_START):
                continue
            words = re.findall(r"[A-Z][a-z'’]+", m.group("name"))
            if any(w in self.lexicon.towns or w in self.lexicon.places or w in _NOT_A_HOUSE_NAME for w in words):
                continue
            nxt = self._finding(text, *m.span("name"), 0.75)
            out.append(nxt)
            queue.insert(0, nxt)
        for finding in found:
            m = _LIST_NEXT.match(text, finding.end)
            if not m or not text[max(0, finding.start - 20) : finding.start].rstrip().lower().endswith(_LIST_START):
                continue
            if self._names_something_else(m.group("name"), _COMMON_ZIPF):
                continue
            out.append(self._finding(text, *m.span("name"), 0.75))
        return out

    def _named_homes(self, text: str) -> list[Finding]:
        out = []
        for m in (
            *_HOME_AFTER_KIND.finditer(text),
            *_KIND_APPOSITIVE.finditer(text),
            *_KIND_IS.finditer(text),
            *_CUSTODY.finditer(text),
            *_KIND_LABEL.finditer(text),
        ):
            words = m.group("name").split()
            if words[0] in _GENERIC or all(w in self.lexicon.never_names for w in words):
                continue
            # "his school is Jack's", "her nursery is Mum's": a person's, not a setting.
            if m.re is _KIND_IS and (
                (self.lexicon.is_given_name(words[0]) and not _ENDS_IN_KIND.search(m.group("name")))
                or re.search(r"['’]s?,?$", words[-1])
            ):
                continue
            # "Home: Mum's", "Home: Grandparents", "School: None": a label filled with words or a person names no
            # setting.
            if m.re is _KIND_LABEL and (
                all(is_everyday_word(w, _COMMON_ZIPF) for w in words)
                or self.lexicon.is_known_name(words[0])
                or any(re.sub(r"(?:['’]s?|s)$", "", w).lower() in KIN_AND_ROLE for w in words)
                or re.fullmatch(_HOME_KIND, m.group("name"))  # "Home: Unregistered"
                or re.search(r"['’]s?$", words[-1])
            ):
                continue
            # "the placement, Bradford, …": a place; but "remanded to Wetherby" names the institution there.
            custody_at = m.re is _CUSTODY and m.group("prep") in ("at", "to")
            if m.group("name") in self.lexicon.towns and not custody_at:
                continue
            # "the sister home, Rowanbank,": a name no list holds, named as a setting, is the setting's, not a
            # person's; "the nursery, Dawn," stays a person (the name detector's equal score wins the tie).
            known = any(self.lexicon.is_known_name(w) for w in words)
            score = 0.8 if known or m.re is not _KIND_APPOSITIVE else 0.85
            # "his school (Prince Henry's)": a person's name with its possessive, set beside the kind, is the
            # setting named after them.
            if m.re is _KIND_APPOSITIVE and re.search(r"['’]s$", words[-1]):
                score = 0.9
            out.append(self._finding(text, *m.span("name"), score))
        out += [self._finding(text, *m.span("name"), 0.8) for m in _YOUTH_CUSTODY_AT.finditer(text)]
        out += [self._finding(text, *m.span("name"), 0.75) for m in _SAINT_AT.finditer(text)]
        # A pupil is in Year 10 at a school, not at a town, so a town's name here is the school's ("Oakwood").
        for m in _SCHOOL_AT.finditer(text):
            words = [w for w in m.group("name").split() if w != "The"]
            if not words or all(w in self.lexicon.never_names or w in _GENERIC for w in words):
                continue
            # "excluded from Science lessons" (but "in Year 10 at The Bridge"); "in Year 9 at Grace's house".
            if m.group("left") and all(is_everyday_word(w, _COMMON_ZIPF) for w in words):
                continue
            own = re.match(r"(\w+)['’]s$", m.group("name"))
            if own and self.lexicon.is_given_name(own.group(1)):
                continue
            # The cue outweighs a given name: no one is in Year 9 at, or excluded from, Montgomery the person.
            out.append(self._finding(text, *m.span("name"), 0.9))
        lex = self.lexicon
        for m in _CLUB_AT.finditer(text):
            words = m.group("name").split()
            # A town's own club ("football for Burnley", not "Clitheroe Wolves"), a term, a person ("boxing at
            # Jack's"), a park or a word is not.
            if (
                any(w in lex.never_names for w in words)
                or all(w in lex.towns or w in lex.places for w in words)
                or words[-1] in _VENUE_WORDS  # "football at Hesketh Park": a public place
                or lex.is_given_name(re.sub(r"['’]s$", "", words[0]))
                or all(is_everyday_word(w, _COMMON_ZIPF) for w in words)
            ):
                continue
            out.append(self._finding(text, *m.span("name"), 0.8))
        # A scouting group in a sentence about scouting: "1st Baildon" alone is a date's shape otherwise.
        for m in _SCOUT_GROUP.finditer(text):
            sentence = _sentence_at(text, m.start())
            if sentence and _SCOUTING.search(text, sentence.start, sentence.end):
                out.append(self._finding(text, *m.span("name"), 0.75))
        for m in _PEOPLE_AT.finditer(text):
            name = m.group("name")
            words = name.split()
            if any(w in self.lexicon.never_names or w in _GENERIC for w in words):
                continue
            if m.group("who").lower() not in _RESIDENTS and not _HOME_WORDS_RE.search(_around(text, m)):
                continue
            if name in self.lexicon.towns:  # "children at Rochdale": a place, not a setting
                continue
            if any(is_everyday_word(w, _COMMON_ZIPF) for w in words):  # "at Christmas", "at Easter"
                continue
            out.append(self._finding(text, *m.span("name"), 0.75))
        return out
