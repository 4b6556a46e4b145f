"""Person names: children, family members, carers, staff and professionals.

Weight comes from context, as the handbook's own vocabulary shows what is *not* a name: titles
("Mrs Ferreira"), kinship and role words before ("her son Jack", "social worker Priya"), what follows
("Jack's", "Tayo, aged 7", "Grace said"), family phrases ("the Ferreira family"), full names, and
document-level propagation: once a name is found, every mention of it or its parts is found too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafting.identifiers.base import Finding, SpanCover, resolve_overlaps
from drafting.identifiers.casing import in_line_without_capital_starts, in_lower_case_line
from drafting.identifiers.lexicon import ROLE_ABBREVIATIONS, Lexicon, is_everyday_word, load_lexicon
from drafting.identifiers.name_cues import (
    ADVERBS_BEFORE_VERB,
    AFTER_A_NAME,
    AGE_AFTER,
    AGENTIVE_VERBS,
    ALSO_PLURAL_NOUNS,
    AND_KIN,
    ANIMAL_AFTER,
    ANIMAL_BEFORE,
    APPOSITIVE,
    ARABIC_ARTICLE,
    ARTICLES,
    ASIDE_THEN_SAID,
    AUTHORITY_AFTER,
    BEFORE_A_MONTH,
    CLAUSE_ENDS,
    COLLAR_NUMBER,
    CONDITION_AFTER,
    CONTACTED_VERBS,
    DETERMINERS,
    ENTRY_DASH_AFTER,
    FAMILY_WORDS,
    FIRM_SUFFIXES,
    FOLLOWING_VERBS,
    FROM_A_SERVICE_AFTER,
    FUNCTION_WORDS,
    GREETING_BEFORE,
    INITIAL_BEFORE,
    IRREGULAR_PARTICIPLES,
    IS_A_ROLE,
    JOINS,
    KIN_AND_ROLE,
    KIN_APPOSITIVE,
    KIN_IS_BEFORE,
    LABEL_NUMBER_AFTER,
    LETTER_LABEL_BEFORE,
    LIVES_IN_BEFORE,
    LIVES_WITH_BEFORE,
    LOWER_RANKS,
    LOWER_SPEAKER_AFTER,
    LOWER_TITLES,
    MEETING_VERBS,
    MESSAGE_SPEAKER_AFTER,
    MESSAGE_SPEAKER_BEFORE,
    MET_VERBS,
    MONTHS,
    MOTION_VERBS,
    NAME_ENDS_GREETING,
    NAME_NOUNS,
    NAME_SAID_BEFORE,
    NAMED_THING_AFTER,
    OF_A_PERSON,
    ORGANISATION_AFTER_POSSESSIVE,
    ORIGIN_PREPOSITIONS,
    PAST_AGENTIVE,
    PERSON_CALLED_BEFORE,
    PERSON_PASSIVE,
    PLACE_KIND_BEFORE,
    PLACE_NAME_AGE,
    PLACE_PREPOSITIONS,
    PLACE_WORDS,
    POSSESSIVE,
    POSSESSIVE_DETERMINERS,
    POSTCODE_AFTER,
    PREPOSITIONS,
    PRISON_TITLES,
    PRONOUNS,
    QUOTED_NAME_AFTER,
    QUOTES,
    RELATIVE_POSSESSIVE,
    ROLE_IN_BRACKETS,
    ROLE_LABEL_BEFORE,
    SALUTATION_BEFORE,
    SELF_NAMED_BEFORE,
    SENTENCE_END,
    SETTING_AFTER_FAMILY,
    SETTING_BEFORE_AREA,
    SETTING_NOUNS,
    SHORT_NAME_ZIPF,
    SHOUTED_TITLES,
    SURNAME_INITIAL,
    SURNAME_PARTICLES,
    SURNAME_WORD_ZIPF,
    TITLES,
    TO_A_PERSON,
    TOKEN,
    TOWARDS,
    UNKNOWN_WORD_SCORE,
    UNKNOWN_WORD_ZIPF,
    VIETNAMESE_MIDDLE_NAMES,
    WEEKDAYS_SHORT,
    WHO_AFTER,
    WORD_TITLES,
    WORSHIP_AFTER,
)
from drafting.identifiers.tables import csv_cell_starts, header_rows


def _is_common_word(word: str, lexicon: Lexicon) -> bool:
    """Frequent English words (wordfreq's Zipf scale, 4 = once per 10,000 words) that are not given names."""
    return is_everyday_word(word, 4.0) and not lexicon.is_given_name(word)


@dataclass
class _Tok:
    text: str
    start: int
    end: int
    sentence_initial: bool

    @property
    def capitalised(self) -> bool:
        return self.text[0].isupper() and not self.text.isupper()


def _title_before(toks: list[_Tok], i: int, text: str, lexicon: Lexicon) -> int | None:
    """The index of the title the token follows, directly ("Mrs Ferreira", "Sgt. Parry"), after initials
    ("Mr J Smith", "Dr A. B. Patel") or after a police officer's collar number ("PC 4471 Hargreaves"); None
    when it follows no title."""
    k = i - 1
    while k >= 0 and i - k <= 3 and len(toks[k].text) == 1 and toks[k].text.isupper():
        if toks[k].end < toks[k + 1].start - 2:
            return None
        k -= 1
    # "Mrs de Souza", "Mr van der Berg": the surname's particles stand between the title and the name.
    while k >= 0 and i - k <= 3 and toks[k].text in SURNAME_PARTICLES and toks[k + 1].start - toks[k].end == 1:
        k -= 1
    if k < 0 or toks[k].text not in TITLES:
        return None
    # "the Sergeant on duty", "QA with the SHMI Fri am": a word title before a word or a day is no name.
    if toks[k].text in WORD_TITLES and (
        toks[i].text in WEEKDAYS_SHORT
        or (_is_common_word(toks[i].text, lexicon) and not lexicon.is_known_name(toks[i].text))
    ):
        return None
    gap = text[toks[k].end : toks[k + 1].start]
    # "DC: Tell me about …": a transcript's speaker, then what they say.
    if ":" in gap:
        return None
    return k if len(gap) <= 2 or COLLAR_NUMBER.fullmatch(gap) else None


# "Jade has not agreed to the plan", "has written a letter": what only a person has done.
_PARTICIPLES_OF_PERSONS = PAST_AGENTIVE | {"written", "spoken", "chosen"}


def _perfect_agentive(toks: list[_Tok], k: int) -> bool:
    """Whether the tokens from k say that someone has done what only a person does: "has agreed", "has not
    agreed", "had already told", each word after the last."""
    if k >= len(toks) or toks[k].text not in ("has", "had"):
        return False
    j = k + 1
    while j < len(toks) and j - k <= 2 and (toks[j].text in ("not", "already") or toks[j].text in ADVERBS_BEFORE_VERB):
        j += 1
    return (
        j < len(toks)
        and toks[j].text in _PARTICIPLES_OF_PERSONS
        and all(toks[m + 1].start - toks[m].end == 1 for m in range(k, j))
    )


def _initial_before(tok: _Tok, text: str) -> re.Match[str] | None:
    """The initial and full stop just before the token ("M. Lennox"), unless a label comes before the letter
    ("Annex B. Leaders", "Plan A. Sarah")."""
    m = INITIAL_BEFORE.search(text, max(0, tok.start - 3), tok.start)
    if m is None or LETTER_LABEL_BEFORE.search(text, max(0, m.start() - 30), m.start()):
        return None
    return m


def _after_title(toks: list[_Tok], i: int, text: str, lexicon: Lexicon) -> bool:
    return _title_before(toks, i, text, lexicon) is not None


# What a person in capitals does in a police record: "NOWAK was arrested", "AGNIESZKA had a red mark".
_SHOUTED_PERSON_VERBS = AGENTIVE_VERBS | {"was", "had", "is", "has"}
_COUNTRY_AFTER = re.compile(r",\s+(?P<country>[A-Z][a-z]+)(?=\s*(?:[.,;:)\n]|$))")
_CLAUSE_BREAK = re.compile(r"[;:.!?()\n]")
_TEKNONYMS = {"Abu", "Umm", "Um", "Ibn", "Bint"}
_STREET_SHORT = {"St", "Rd", "Ave", "Ln"}
# Words of a found name that make no name of their own: "Mrs", and "St" ("Mary St Clair" makes no "St" a name:
# "a flat at Byron St").
_NO_NAME_ALONE = TITLES | _STREET_SHORT


def _place_part(toks: list[_Tok], i: int, text: str) -> bool:
    """Part of a place's or a firm's name: "Holly Farm", "Oak House", "Fern Bank Secure Unit", "Hartley Greene LLP", the
    place or firm word itself ("Cedar Lodge said", "Forbes Solicitors and …") or a saint's name ("St Joseph's")."""
    tok = toks[i]
    # "Fern Bank Secure Unit": every word of a capitalised run that ends in a place word.
    for j in range(i + 1, min(i + 4, len(toks))):
        if toks[j].start - toks[j - 1].end != 1 or toks[j].sentence_initial:
            break
        if toks[j].text in PLACE_WORDS or toks[j].text in FIRM_SUFFIXES:
            return True
        # "a flat at Byron St", "Kirkstall Rd": a street's short form ends the run ("Mary St Clair" and "Mary St.
        # Clair" go on).
        if toks[j].text in _STREET_SHORT and not (
            j + 1 < len(toks) and toks[j + 1].capitalised and text[toks[j].end : toks[j + 1].start] in (" ", ". ")
        ):
            return True
        if not toks[j].capitalised:
            break
    prev = toks[i - 1] if i > 0 else None
    return (
        prev is not None
        and prev.capitalised
        and tok.start - prev.end == 1
        # "Mr Hall" is a person; "Forbes Solicitors" a firm.
        and ((tok.text in PLACE_WORDS | FIRM_SUFFIXES and prev.text not in TITLES) or prev.text == "St")
    )


# "On 3 June, Kelsey Marr wrote", "the 21st of May": a day's number before a month.
_DAY_BEFORE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?$")


# A month cut short: "the dentist on 9 Jan", "Jan 2025", though "Jan" is also a given name.
_MONTHS_SHORT = {"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"}


def _month_meant(toks: list[_Tok], i: int, text: str) -> bool:
    """ "In April", "since June", "on 3 June": a month, though April and June are also given names."""
    if toks[i].text in _MONTHS_SHORT:
        return bool(
            _DAY_BEFORE.search(text, max(0, toks[i].start - 10), toks[i].start)
            or re.match(r"\.?\s+\d{2}(?:\d{2})?\b", text[toks[i].end : toks[i].end + 8])
        )
    if toks[i].text not in MONTHS:
        return False
    return (i > 0 and toks[i - 1].text.lower() in BEFORE_A_MONTH) or bool(
        _DAY_BEFORE.search(text, max(0, toks[i].start - 10), toks[i].start)
    )


# "Thu 6 March", "Thu 6th", "Thu 06/03": a day's number after the day of the week.
_DAY_NUMBER_AFTER = re.compile(r"\.?,?\s+\d{1,2}(?:st|nd|rd|th|/\d{1,2})?\b")


def _weekday_meant(toks: list[_Tok], i: int, text: str) -> bool:
    """ "Thu 6 March:": a diary's day of the week cut short, though "Thu" is also a given name."""
    return toks[i].text in WEEKDAYS_SHORT and bool(_DAY_NUMBER_AFTER.match(text, toks[i].end))


def _of_a_person(toks: list[_Tok], i: int) -> bool:
    """ "the permanent care of Shannon", "an age assessment of Zabihullah": "of" after what belongs to a person."""
    return i > 1 and toks[i - 1].text == "of" and toks[i - 2].text.lower() in OF_A_PERSON


def _ends_phrase(toks: list[_Tok], i: int, text: str) -> bool:
    """A name ends its phrase or is followed by what a person does; a word before a noun is no name ("Amber
    ratings", "Summer camps")."""
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is None:
        return True
    gap = text[toks[i].end : nxt.start]
    # A line's end ends a phrase: "members: rob and shabana\npresent: me".
    return gap.strip() != "" or "\n" in gap or nxt.text in AFTER_A_NAME


def _past_verb_after(toks: list[_Tok], i: int) -> bool:
    """ "freddie started at …": a verb in the past tense straight after the word (not a noun such as "bed",
    "seed" or "shed")."""
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    return (
        nxt is not None
        and nxt.start - toks[i].end == 1
        and len(nxt.text) >= 5
        and nxt.text.endswith("ed")
        and not nxt.text.endswith("eed")
    )


# "jayden v positive about his sw", "priya really upset": a degree word after a name, its verb left out; a
# noun follows no degree word.
_DEGREE_WORDS = {"v", "very", "really", "quite", "so", "too", "fairly", "extremely"}


def _degree_after(toks: list[_Tok], i: int) -> bool:
    return _adjacent(toks, i, i + 1) and toks[i + 1].text in _DEGREE_WORDS


# A hospital's departments, which no given name or surname ends like: "Paediatrics", "Haematology",
# "Psychiatry", "Physiotherapy".
_MEDICAL_SPECIALTY = re.compile(r"(?:ology|iatrics|iatry|paedics|pedics|stetrics|therapy)$")


def _adjacent(toks: list[_Tok], i: int, j: int) -> bool:
    """Tokens i to j are one space apart: no punctuation or line break between them."""
    return j < len(toks) and all(toks[k + 1].start - toks[k].end == 1 for k in range(i, j))


# Words before a noun, not a person: "the bill came round", "our hope was", "free will is".
_BEFORE_A_NOUN = DETERMINERS | POSSESSIVE_DETERMINERS | {"my", "our", "your", "free", "good", "own"}


def _acts(toks: list[_Tok], i: int) -> bool:
    """ "ray is often late" once "grandad ray" is known: a found name that is also a word, straight before what
    a person does, and not after a word that starts a noun phrase."""
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is None or nxt.text not in FOLLOWING_VERBS or nxt.start - toks[i].end != 1:
        return False
    return i == 0 or toks[i - 1].text.lower() not in _BEFORE_A_NOUN


def _capitalised_run(toks: list[_Tok], i: int) -> tuple[int, int]:
    """The first and last index of the run of adjacent capitalised words that token i belongs to."""
    first = last = i
    while first > 0 and toks[first - 1].capitalised and toks[first].start - toks[first - 1].end == 1:
        first -= 1
    while last + 1 < len(toks) and toks[last + 1].capitalised and toks[last + 1].start - toks[last].end == 1:
        last += 1
    return first, last


def _in_capitalised_run(toks: list[_Tok], i: int) -> bool:
    """A capitalised word joins the token before or after it: part of a longer proper name."""
    prev = toks[i - 1] if i > 0 else None
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    return (prev is not None and prev.capitalised and toks[i].start - prev.end <= 1) or (
        nxt is not None and nxt.capitalised and nxt.start - toks[i].end <= 1
    )


# "Jade Ormerod (senior RSW), Olu Adeyemi": an aside in brackets after a name in a list.
_ASIDE = re.compile(r"^\s*\([^()\n]{1,40}\)")


def _list_gap(gap: str) -> bool:
    """The text between two words joins them in a list: a comma or "and", after an aside in brackets or not,
    between quotes or not."""
    return _ASIDE.sub("", gap, count=1).strip().strip(QUOTES).strip() in JOINS


# What stands either side of a whole item in a list typed as a note: "present: rob, shabana and me".
_ITEM_MARKS = {",", "&", "(", ")", ".", ";"}


def _whole_list_item(toks: list[_Tok], i: int, text: str) -> bool:
    """The word stands alone between list separators ("and", a comma, a colon before it), or a line's start or
    end: "panel members: rob and shabana"."""

    def separated(gap: str, word: str | None) -> bool:
        mark = gap.strip()
        return word is None or "\n" in gap or mark in _ITEM_MARKS or (mark == "" and word == "and")

    tok = toks[i]
    prev = toks[i - 1] if i > 0 else None
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    before = text[prev.end : tok.start] if prev else ""
    after = text[tok.end : nxt.start] if nxt else ""
    return (separated(before, prev and prev.text) or before.strip().endswith(":")) and separated(
        after, nxt and nxt.text
    )


def _is_role(word: str) -> bool:
    """A kinship or role word in any case ("mum", "Reviewer"), or a role's abbreviation in capitals or, in a
    hurried note, in lower case ("TM", "hv")."""
    return (
        word.lower() in KIN_AND_ROLE
        or word in ROLE_ABBREVIATIONS
        or (word.islower() and word.upper() in ROLE_ABBREVIATIONS)
    )


def _words_before(toks: list[_Tok], i: int, n: int) -> list[str]:
    return [t.text.lower() for t in toks[max(0, i - n) : i]]


def _covered_tokens(found: dict[int, tuple[int, float]]) -> set[int]:
    """The indices of every token inside a found name (found: first token -> (last token, score))."""
    return {k for first, (last, _) in found.items() for k in range(first, last + 1)}


def _merged(found: dict[int, tuple[int, float]]) -> list[tuple[int, tuple[int, float]]]:
    """Overlapping found names as one span with the best score: "Karen Lowe" whole, not "Lowe" alone."""
    out: list[tuple[int, tuple[int, float]]] = []
    for first, (last, score) in sorted(found.items()):
        if out and first <= out[-1][1][0]:
            prev_first, (prev_last, prev_score) = out[-1]
            out[-1] = (prev_first, (max(prev_last, last), max(prev_score, score)))
        else:
            out.append((first, (last, score)))
    return out


def _tokens(text: str) -> list[_Tok]:
    out: list[_Tok] = []
    cell_starts = csv_cell_starts(text)
    for match in TOKEN.finditer(text):
        before = text[max(0, match.start() - 3) : match.start()]
        initial = (
            not out
            or bool(SENTENCE_END.search(text[out[-1].end : match.start()]))
            or before.endswith("- ")
            or match.start() in cell_starts
        )
        out.append(_Tok(match.group(0), match.start(), match.end(), initial))
    return out


# "From Jaz_22 to Everyone": a display name's underscore and what follows it belong to the name.
_HANDLE_TAIL = re.compile(r"(?:_[^\W_]+)+")


def _with_handle_tail(text: str, finding: Finding) -> Finding:
    tail = _HANDLE_TAIL.match(text, finding.end)
    if tail is None:
        return finding
    return finding.model_copy(update={"end": tail.end(), "text": text[finding.start : tail.end()]})


# A quoted nickname, then the person's full name in brackets ("'Little T' (Tyrese Barker, 17)"), and the quoted
# names listed after the bracket (" and 'Fats'").
_NICKNAME_THEN_NAME = re.compile(
    r"['‘](?P<nick>[A-Z][\w-]*(?:\s[A-Z][\w-]*){0,2})['’]\s*\([A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+[^()\n]{0,20}\)"
)
_QUOTED_LIST_ITEM = re.compile(r"\s*(?:,|,?\s+and)\s+['‘](?P<nick>[A-Z][\w-]*(?:\s[A-Z][\w-]*){0,2})['’]")
# "Mrs McDonald's son": after a title a term's words are a surname ("McDonald's" the restaurant is a term).
_TITLE_JUST_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(TITLES))})\.?\s$")
_BRACKET = re.compile(r"[()]")
# Wide enough for the longest title with its full stop and space ("Councillor "), not a fixed guess.
_TITLE_WINDOW = max(map(len, TITLES)) + 2


def _masked_spans(text: str, lexicon: Lexicon) -> list[tuple[int, int]]:
    """Terms of the allow-list (unless a title comes just before: "Mrs Care"), and tables' header rows
    ("Name\tRelationship\tDOB")."""
    return [
        (start, end)
        for start, end in lexicon.phrase_spans(text)
        if not _TITLE_JUST_BEFORE.search(text, max(0, start - _TITLE_WINDOW), start)
    ] + header_rows(text)


class PersonNameDetector:
    name = "person-name"
    types = frozenset({"PERSON"})

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or load_lexicon()
        # The last text's findings: the named-initials detector asks for the same text's names straight after.
        self._last: tuple[str, tuple[Finding, ...]] | None = None

    def detect(self, text: str) -> list[Finding]:
        if self._last is None or self._last[0] != text:
            self._last = (text, tuple(self._detect(text)))
        return list(self._last[1])

    def _detect(self, text: str) -> list[Finding]:
        lex = self.lexicon
        masked = SpanCover(_masked_spans(text, lex))
        toks = [t for t in _tokens(text) if not masked.holds(t.start)]
        found: dict[int, tuple[int, float]] = {}  # token index -> (last token index of the name, score)

        for i, tok in enumerate(toks):
            if tok.text.islower() and self._careless_name(toks, i, text):
                found[i] = (i + 1 if self._lower_surname_after(toks, i) else i, 0.7)
                continue
            # "known as JJ": a nickname in capitals is a name, not initials.
            if tok.text.isupper() and len(tok.text) <= 4 and _words_before(toks, i, 2) == ["known", "as"]:
                found[i] = (i, 0.85)
                continue
            # "DC Foster", "Mrs Care": after a title even a word the handbook uses is a surname.
            title = _title_before(toks, i, text, self.lexicon)
            after_title = title is not None
            if (
                not tok.capitalised
                or (tok.text in lex.never_names and not after_title)
                or tok.text in _NO_NAME_ALONE  # a street's "St" or a saint's, part of a name only after one
                or tok.text in PRONOUNS  # "She's 14", "He was born in 2012"
                or _MEDICAL_SPECIALTY.search(tok.text)  # "Dr Okonkwo, Paediatrics", "seen by Orthopaedics"
                or ANIMAL_BEFORE.search(text, max(0, tok.start - 40), tok.start)
                or ANIMAL_AFTER.match(text[tok.end : tok.end + 50])
                or WORSHIP_AFTER.match(text, tok.end)  # "the Bethel church": a place of worship's name
            ):
                continue
            # "Catch22", "Kids4Kids": a word run into digits is a charity's or a product's name.
            if text[tok.end : tok.end + 1].isdigit() or self._compound_word(tok.text):
                continue
            # "Mum's partner", "Nan said": a kinship word used as a form of address is not a name.
            if tok.text.lower() in KIN_AND_ROLE and not after_title:
                continue
            # "Kingston upon Thames", "Ashby, LE65 2QT", "Wolverton children's services", "HMP Haverigg": a place;
            # "Op Aurora", "Operation Encompass": a police operation.
            if (
                (i > 0 and toks[i - 1].text in ("upon", "Op", "Operation", *PRISON_TITLES))
                or POSTCODE_AFTER.match(text, tok.end)
                # "Tom's disease" is Tom's; "Down's syndrome" is no one's.
                or (
                    CONDITION_AFTER.match(text, tok.end)
                    and not (lex.is_given_name(tok.text) and POSSESSIVE.match(text[tok.end : tok.end + 3]))
                )
                or AUTHORITY_AFTER.match(text, tok.end)
            ):
                continue
            if _place_part(toks, i, text) or self._other_sense(toks, i, text):
                continue
            score = self._score(toks, i, text) or (
                UNKNOWN_WORD_SCORE if self._unknown_word(toks, i, text) or self._lone_name_word(toks, i, text) else 0.0
            )
            if score > 0:
                # "Mr J Smith": the initials between the title and the surname belong to the name.
                first = self._name_start(toks, i, text) if title is None else title + 1
                # A name reached from two of its words keeps its furthest end and its best score.
                end, best = found.get(first, (first, 0.0))
                found[first] = (max(end, self._extend(toks, i, text)), max(best, score))

        self._family_names(text, toks, found)
        self._aged_runs(text, toks, found)
        self._repeated_mentions(toks, found, text)
        self._coordinated(text, toks, found)
        self._shouted_names(toks, found, text)
        firms = self._drop_firms(toks, found)
        findings = [
            Finding(
                type="PERSON",
                text=text[toks[i].start : toks[j].end],
                start=toks[i].start,
                end=toks[j].end,
                score=score,
                detector=self.name,
            )
            for i, (j, score) in _merged(found)
        ]
        findings += self._nicknames_before_names(text)
        return [_with_handle_tail(text, f) for f in self._propagate(text, toks, findings, not_people=firms)]

    def _nicknames_before_names(self, text: str) -> list[Finding]:
        """ "Associates: 'Little T' (Tyrese Barker, 17) and 'Fats'": a quoted name with the person's full name in
        brackets after it is their nickname, and so is a quoted name listed after it."""
        out: list[Finding] = []
        for m in _NICKNAME_THEN_NAME.finditer(text):
            out.append(self._nickname(text, *m.span("nick")))
            at = m.end()
            while (more := _QUOTED_LIST_ITEM.match(text, at)) is not None:
                if more["nick"] in self.lexicon.never_names:
                    break
                out.append(self._nickname(text, *more.span("nick")))
                at = more.end()
        return out

    def _nickname(self, text: str, start: int, end: int) -> Finding:
        return Finding(type="PERSON", text=text[start:end], start=start, end=end, score=0.8, detector=self.name)

    @staticmethod
    def _drop_firms(toks: list[_Tok], found: dict[int, tuple[int, float]]) -> SpanCover:
        """ "Mr T. Lowery of Ison Harrison": a name right after a person's name and "of" is their firm or their
        town, named as a person would be. Returns where the firms stand, so that no found name's word is found
        again there."""
        ends = {j for j, _ in found.values()}
        firms = [i for i in found if i > 1 and toks[i - 1].text == "of" and i - 2 in ends]
        spans = [(toks[i].start, toks[found[i][0]].end) for i in firms]
        for i in firms:
            del found[i]
        return SpanCover(spans)

    def _aged_runs(self, text: str, toks: list[_Tok], found: dict[int, tuple[int, float]]) -> None:
        """ "Nguyen Van An, 15, was found": a run of capitalised words with an age after it is a person when one
        word is a known name, though the run opens a sentence and ends in a word such as "An"."""
        covered = _covered_tokens(found)
        i = 0
        while i < len(toks):
            if not toks[i].capitalised:
                i += 1
                continue
            _, j = _capitalised_run(toks, i)
            run = toks[i : j + 1]
            if (
                1 <= j - i <= 3
                and not any(k in covered for k in range(i, j + 1))
                and any(self.lexicon.is_known_name(t.text) for t in run)
                and not any(t.text in PLACE_WORDS or t.text in TITLES for t in run)
                and not _is_common_word(run[0].text, self.lexicon)  # "In April, a 15-year-old"
                and PLACE_NAME_AGE.match(text[toks[j].end : toks[j].end + 60])
                and not any(self._other_sense(toks, k, text) for k in range(i, j + 1))
            ):
                found[i] = (j, 0.8)
            i = j + 1

    def _shouted_names(self, toks: list[_Tok], found: dict[int, tuple[int, float]], text: str) -> None:
        """A name in capitals, as in a subject line or a heading: "Re: JOSHUA PEARCE", "MR DANIEL HAYES". Only
        a given name followed by a surname, or words after a title, so that shouted headings stay quiet. Police
        records write the surname in capitals: "KOWALSKI, Nikola", "PC 4471 HARGREAVES"."""
        lex = self.lexicon
        for i, tok in enumerate(toks):
            if not self._shouted_surname(tok):
                continue
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if nxt is not None and text[tok.end : nxt.start] == ", " and lex.is_given_name(nxt.text):
                found.setdefault(i, (i + 1, 0.9))
            elif _title_before(toks, i, text, lex) is not None:
                found.setdefault(i, (i, 0.9))
            elif self._shouted_person(toks, i, text):
                found.setdefault(i, (i, 0.8))
        for i, tok in enumerate(toks[:-1]):
            if not tok.text.isupper():
                continue
            if tok.text in SHOUTED_TITLES and self._shouted_name_part(toks, i + 1):
                last = i + 2 if self._shouted_name_part(toks, i + 2) else i + 1
                found.setdefault(i + 1, (last, 0.85))
            elif lex.is_given_name(tok.text.title()) and tok.text.title() not in lex.name_words:
                # "RYAN PAUL ATHERTON": a surname in capitals may be a town's name, as English surnames often are.
                last = i
                while last - i < 3 and self._shouted_name_part(toks, last + 1, towns_too=True):
                    last += 1
                if last > i:
                    found.setdefault(i, (last, 0.8))

    def _city_of(self, toks: list[_Tok], first: int, last: int, text: str) -> bool:
        """A capitalised run is a city where a country follows it ("from Hai Phong, Vietnam") or where someone
        lives in it ("her parents live in Hai Phong"; not "lives in Jack's flat")."""
        lex = self.lexicon
        country = _COUNTRY_AFTER.match(text, toks[last].end)
        if country and country["country"] in lex.countries and country["country"] not in lex.place_names:
            return True
        return bool(
            LIVES_IN_BEFORE.search(text, max(0, toks[first].start - 30), toks[first].start)
            and not POSSESSIVE.match(text[toks[last].end : toks[last].end + 3])
        )

    def _shouted_person(self, toks: list[_Tok], i: int, text: str) -> bool:
        """A known name in capitals with a person's cue, as a police record writes it: "NOWAK was arrested",
        "her brother FILIP (6)"; the verb in lower case, so that a shouted heading stays quiet."""
        tok, lex = toks[i], self.lexicon
        if not lex.is_known_name(tok.text.title()):
            return False
        kin = i > 0 and toks[i - 1].text in KIN_AND_ROLE and text[toks[i - 1].end : tok.start] == " "
        if kin or AGE_AFTER.match(text, tok.end):
            return True
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        # Not "DASH was completed", a risk assessment: before a verb, a word in capitals is a name only if rare.
        return (
            tok.text.title() not in lex.name_words
            and nxt is not None
            and text[tok.end : nxt.start] == " "
            and nxt.text in _SHOUTED_PERSON_VERBS
            and not is_everyday_word(tok.text.lower(), 3.5)
        )

    def _shouted_surname(self, tok: _Tok) -> bool:
        """A word in capitals that may be a surname: a known name, or no English word, and no term's initials."""
        word = tok.text
        return (
            len(word) > 2
            and word.isupper()
            and word not in self.lexicon.acronyms
            and word.title() not in self.lexicon.never_names
            and (self.lexicon.is_known_name(word.title()) or not is_everyday_word(word.lower(), 3.0))
        )

    def _shouted_name_part(self, toks: list[_Tok], j: int, towns_too: bool = False) -> bool:
        """Token j is a known name in capitals right after the token before it ("PEARCE" in "JOSHUA PEARCE"), or
        with `towns_too` a town's ("ATHERTON" in "RYAN ATHERTON")."""
        if not (
            j < len(toks) and len(toks[j].text) > 1 and toks[j].text.isupper() and toks[j].start - toks[j - 1].end == 1
        ):
            return False
        word = toks[j].text.title()
        lex = self.lexicon
        return lex.is_known_name(word) or (
            towns_too and (word in lex.towns or word in lex.places) and toks[j].text not in lex.acronyms
        )

    def _score(self, toks: list[_Tok], i: int, text: str) -> float:
        lex = self.lexicon
        tok = toks[i]
        word = tok.text
        if _after_title(toks, i, text, self.lexicon):
            return 0.95
        first, last = _capitalised_run(toks, i)
        run_start = toks[first].start
        if PLACE_KIND_BEFORE.search(text, max(0, run_start - 30), run_start) or self._city_of(toks, first, last, text):
            return 0.0
        strong = lex.is_given_name(word) and word not in lex.name_words and word not in lex.place_names
        # "Tyler-James", "Ellie-Mae", "Smith-Jones": a known name joined to capitalised parts (a place keeps a
        # lower-case "on" or "upon": "Stockton-on-Tees").
        parts = re.split(r"[-'’]", word)
        if (
            len(parts) > 1
            and lex.is_known_name(parts[0])
            and parts[0] not in lex.name_words
            and all(len(p) > 1 and p[0].isupper() and p not in lex.never_names for p in parts[1:])
        ):
            strong = True
        # "Lily-Mae", "Ruby-Rose": given names joined are a name even when each is also a word. "Hoi-Yan",
        # "Mei-Ling": a romanised given name whose later syllable is a known given name and whose other syllables
        # are no words.
        if (
            len(parts) > 1
            and "-" in word
            and lex.is_given_name(parts[0])
            and all(p[:1].isupper() and (lex.is_given_name(p) or not is_everyday_word(p, 4.0)) for p in parts[1:])
        ) or (
            len(parts) > 1
            and "-" in word
            and word not in lex.never_names
            and word not in lex.place_names
            and any(lex.is_given_name(p) and p not in lex.name_words for p in parts[1:])
            and all(len(p) >= 3 and p[:1].isupper() and p[1:].islower() for p in parts)
            and all(lex.is_given_name(p) or not is_everyday_word(p, 4.0) for p in parts)
        ):
            strong = True
        if strong:
            return 0.75 if tok.sentence_initial else 0.85
        if self._has_cue(toks, i, text):
            return 0.8
        return 0.0

    def _town_pair(self, toks: list[_Tok], i: int, text: str) -> bool:
        """ "Wigan & Leigh", "Blackburn and Darwen": a town joined to a town that is no given name is a place,
        though its own name is one."""
        lex = self.lexicon
        if toks[i].text not in lex.towns:
            return False
        for j in (i - 1, i + 1):
            if 0 <= j < len(toks):
                gap = text[min(toks[i].end, toks[j].end) : max(toks[i].start, toks[j].start)].strip()
                other = toks[j].text
                if gap in ("&", "and", "with") and other in lex.towns and not lex.is_given_name(other):
                    return True
        return False

    def _compound_word(self, word: str) -> bool:
        """ "Self-harm", "Follow-up", "Drop-in": everyday words joined, the later ones in the lower case; not
        "Tayla-Rose", "Seo-yeon" ("yeon" is no everyday word) or "Jean-paul" ("Jean" is a given name)."""
        first, *rest = re.split(r"[-'’]", word)
        return (
            "-" in word
            and all(part.islower() for part in rest)
            and not self.lexicon.is_given_name(first)
            and all(is_everyday_word(part, 4.0) for part in (first, *rest))
        )

    def _greeted_or_speaking(self, toks: list[_Tok], i: int, text: str) -> bool:
        """ "Dear Grace," (not "Dear Madam"), or the speaker of a pasted message ("[21:14] Tee: where u at"; not
        "[21:16] Unknown: …")."""
        tok = toks[i]
        lex = self.lexicon
        window = max(0, tok.start - 40)
        if SALUTATION_BEFORE.search(text, window, tok.start):
            return lex.is_known_name(tok.text) or not is_everyday_word(tok.text, UNKNOWN_WORD_ZIPF)
        return bool(
            MESSAGE_SPEAKER_BEFORE.search(text, window, tok.start)
            and MESSAGE_SPEAKER_AFTER.match(text[tok.end : tok.end + 30])
            and (lex.is_known_name(tok.text) or not _is_common_word(tok.text, lex))
        )

    def _unknown_word(self, toks: list[_Tok], i: int, text: str) -> bool:
        """The last resort: a capitalised word in mid-sentence that is no English word, no known term, town or
        title, standing alone ("When inspectors met Oluwaseun"). A child's name missed is the worst failure, so
        an unfamiliar word is flagged at a lower score rather than passed over."""
        tok = toks[i]
        word = tok.text
        parts = re.split(r"[-'’]", word)
        if tok.sentence_initial or len(word) < 3 or not all(p[:1].isupper() and p[1:].islower() for p in parts):
            return False
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is not None and nxt.text in SETTING_NOUNS and nxt.start - tok.end == 1:
            return False  # "settled on Kestrel unit": a unit's, a ward's or a class's name
        if _in_capitalised_run(toks, i):
            return False  # part of a longer proper name: a body, a programme, a place
        prev = toks[i - 1] if i > 0 else None
        if prev is not None and prev.text.lower() in PLACE_PREPOSITIONS and not _of_a_person(toks, i):
            return False  # "lives in Eastgate", "the manager of Sunnybank": a place or a setting
        if prev is not None and prev.text.lower() == "on":
            return False  # "McDonald's on Briggate": a street; a person "relied on" is a name some list holds
        # "Bramble House children's home, Armley.": the area after a setting, ending the clause.
        if (
            prev is not None
            and prev.text.lower() in SETTING_BEFORE_AREA
            and text[prev.end : tok.start] == ", "
            and CLAUSE_ENDS.match(text, tok.end)
        ):
            return False
        if prev is not None and prev.text.lower() in ARTICLES and not word.endswith("s"):
            return False  # "seen near the Arndale": a place known by "the"; "the Fairbrothers" are a family
        lex = self.lexicon
        return (
            word not in lex.never_names
            and word not in lex.towns
            and word not in lex.place_names
            and not is_everyday_word(word, UNKNOWN_WORD_ZIPF)
        )

    def _lone_name_word(self, toks: list[_Tok], i: int, text: str) -> bool:
        """A name that is also a word, capitalised alone in mid-sentence with no article ("the return home
        interview for Precious was late"): English capitalises such a word only as a name, so it is flagged
        as a possible name rather than passed over."""
        tok = toks[i]
        lex = self.lexicon
        if tok.sentence_initial or tok.text not in lex.name_words:
            return False
        if tok.text in lex.cue_only_names or tok.text in MONTHS:
            return False
        if not (tok.text[:1].isupper() and tok.text[1:].islower()):
            return False
        if _in_capitalised_run(toks, i):
            return False  # part of a title: "Hope Street", "Living Will", "Summer Reading Challenge"
        prev = toks[i - 1] if i > 0 else None
        if is_everyday_word(tok.text, 6.0) or (prev is not None and prev.text.lower() in DETERMINERS):
            return False  # "and Will has a different meaning", "the Will", "rated Amber"
        # "He likes PE and Art": listed with a term, a school subject or a programme, not a person.
        if prev is not None and prev.text in ("and", "or") and i > 1:
            listed = toks[i - 2].text
            if listed in lex.acronyms or (listed in lex.never_names and not lex.is_known_name(listed)):
                return False
        # "Amber ratings", "Summer holiday activities", "Grace periods": a word before a noun is no name; a name
        # ends the phrase or is followed by what a person does.
        return _ends_phrase(toks, i, text)

    def _careless_name(self, toks: list[_Tok], i: int, text: str) -> bool:
        """A name typed in lower case in a hurried note ("spoke to mum (tracey)", "kyle had not been home"):
        a given name that is not also a word, with a kinship or role word before it or a verb after it."""
        name = toks[i].text.capitalize()
        lex = self.lexicon
        if toks[i].text in KIN_AND_ROLE:  # "nan", "dad": a kinship word, even where a name list has it
            return False
        if self._named_after_kin(toks, i, text):
            return True
        # "hi sue its tracey, …": the reader greeted and the writer named, in a message typed in lower case; a
        # name that is also a word must end the greeting ("hi will," but not "morning will be spent …").
        preceding = text[max(0, toks[i].start - 40) : toks[i].start]
        if (GREETING_BEFORE.search(preceding) or SELF_NAMED_BEFORE.search(preceding)) and (
            (lex.is_given_name(name) and name not in lex.name_words)
            or (name in lex.name_words and NAME_ENDS_GREETING.match(text[toks[i].end : toks[i].end + 8]))
        ):
            return True
        # "[22:14] kerry: all in bed": the speaker of a pasted message, typed in lower case; a given name, even one
        # that is also a word, or a word rare in English ("[07:02] update:" and "[09:00] mum:" are not).
        if (
            LOWER_SPEAKER_AFTER.match(text, toks[i].end)
            and MESSAGE_SPEAKER_BEFORE.search(text, max(0, toks[i].start - 40), toks[i].start)
            and self._name_or_no_word(toks[i].text)
        ):
            return True
        # "someone called 'tank'": a word in quotes that a person is called, though it is also a word; unquoted,
        # a given name ("a friend called poppy").
        called = PERSON_CALLED_BEFORE.search(preceding)
        if called and (
            (called.group("quote") and QUOTED_NAME_AFTER.match(text, toks[i].end))
            or (not called.group("quote") and (lex.is_given_name(name) or name in lex.name_words))
        ):
            return True
        # "dale marsden dob …": a given name and a surname, both typed in lower case.
        if self._lower_surname_after(toks, i):
            return True
        prev = toks[i - 1].text if i > 0 else ""
        nxt = toks[i + 1].text if i + 1 < len(toks) else ""
        # "can you let claire know": someone to be told.
        if prev == "let" and nxt == "know" and lex.is_given_name(name) and name not in lex.name_words:
            return True
        # "the hussain family over in gipton": a family by its surname; not "the foster family" (a dictionary's word).
        if (
            prev == "the"
            and nxt in FAMILY_WORDS
            and lex.is_known_name(name)
            and name not in lex.dictionary_surnames
            and name not in lex.dictionary_names
            and name not in lex.name_words
        ):
            return True
        # "at jordans", "going round kyles": someone's home, typed without the apostrophe.
        stem = name[:-1]
        if (
            name.endswith("s")
            and i > 0
            and toks[i - 1].text.lower() in ("at", "round", "to", "from")
            and lex.is_given_name(stem)
            and stem not in lex.name_words
            and stem.lower() not in KIN_AND_ROLE  # "at nannas": the grandmother's, not Nanna's
            and name.upper() not in lex.acronyms  # "from nyas": a body's initials typed in lower case
            and not is_everyday_word(toks[i].text, 3.0)  # "at marks", "to bills"
        ):
            return True
        # "teacher mrs kaur": a title typed in lower case still makes the next word a surname.
        if (
            i > 0
            and toks[i - 1].text in LOWER_TITLES
            and toks[i].start - toks[i - 1].end <= 2
            and toks[i].text not in FUNCTION_WORDS  # "mr and mrs donnelly"
        ):
            return True
        # "pc hughes", "miss kowalski": a police rank or "miss" in lower case before a known name that is not a
        # frequent word, or before a word rare in English; not "the pc crashed", "ds checklist" or "miss school".
        if (
            i > 0
            and toks[i - 1].text in LOWER_RANKS
            and toks[i].start - toks[i - 1].end == 1
            and name not in lex.name_words
            and len(toks[i].text) >= 3
            and (
                (lex.is_known_name(name) and not is_everyday_word(toks[i].text, 5.0))
                or not is_everyday_word(toks[i].text, 3.0)
            )
        ):
            return True
        # "his name was 'ghost'", "her surname is akhtar-bell": a name said to be one, in quotes or no word at all.
        said = NAME_SAID_BEFORE.search(preceding)
        if (
            said
            and toks[i].text not in FUNCTION_WORDS
            and (
                (said.group("quote") and QUOTED_NAME_AFTER.match(text, toks[i].end))
                or self._name_or_no_word(toks[i].text)
            )
        ):
            return True
        # "written by me, kaytlin, with help from stacey": the writer naming themselves, set off by commas.
        if (
            preceding.endswith("me, ")
            and text[toks[i].end : toks[i].end + 1] in (",", ")")
            and toks[i].text not in FUNCTION_WORDS
            and self._name_or_no_word(toks[i].text)
        ):
            return True
        # "my best mate is aleesha", "my social worker is called priti": who a relation or a role is, a given
        # name or a word no dictionary lists, ending its phrase.
        kin_is = KIN_IS_BEFORE.search(preceding)
        if (
            kin_is
            and _is_role(kin_is.group("kin"))
            and toks[i].text not in FUNCTION_WORDS
            and self._name_or_no_word(toks[i].text)
            and name not in lex.never_names
        ):
            return True
        # "my little bruv reegan", "her new fella mick": straight after a kinship word, in a line typed in lower
        # case, a word no dictionary lists is the person's name.
        if (
            i > 0
            and toks[i - 1].text in KIN_AND_ROLE  # a word, not a team's shorthand ("yot appt")
            and toks[i].start - toks[i - 1].end == 1
            and len(toks[i].text) >= 3
            and name not in lex.never_names
            and not is_everyday_word(toks[i].text, 3.0)
            and in_lower_case_line(text, toks[i].start)
        ):
            return True
        # "ruby-leigh had been staying": joined given names typed in lower case.
        parts = toks[i].text.split("-")
        if len(parts) > 1 and all(lex.is_given_name(p.capitalize()) for p in parts):
            return True
        if not (lex.is_given_name(name) or name in lex.name_words) or self._other_sense(toks, i, text):
            return False
        # "did jade from the childrens centre ring u": someone from a service, though a dictionary lists the word.
        if FROM_A_SERVICE_AFTER.match(text, toks[i].end) and not is_everyday_word(toks[i].text, 5.0):
            return True
        # "leighton's dad phoned", "gemma's mum": a given name whose relative follows, though a dictionary lists it.
        if name not in lex.name_words and RELATIVE_POSSESSIVE.match(text[toks[i].end : toks[i].end + 60]):
            return True
        # "leighton - good day, did his college work": a handover's entry for a child, opening its line.
        if (
            name not in lex.name_words
            and (toks[i].start == 0 or text[toks[i].start - 1] == "\n")
            and ENTRY_DASH_AFTER.match(text, toks[i].end)
            and in_lower_case_line(text, toks[i].start)
            and not is_everyday_word(toks[i].text, 4.0)
        ):
            return True
        # "on shift: me, ionut, priya", "jayden's in toxteth": in a line typed wholly in lower case, a given
        # name that is no word at all (in no dictionary, rare in English, no shorthand or place) needs no cue.
        # Not before a noun ("moses basket") or after a saint's "st" ("st hilda's", a school or a church).
        if (
            self._name_only(toks[i].text)
            and (in_lower_case_line(text, toks[i].start) or in_line_without_capital_starts(text, toks[i].start))
            and (_ends_phrase(toks, i, text) or _past_verb_after(toks, i) or _degree_after(toks, i))
            and not (i > 0 and toks[i - 1].text == "st")
        ):
            return True
        # "jessica (14) missing again": a given name with an age after it.
        if AGE_AFTER.match(text[toks[i].end : toks[i].end + 20]):
            return True
        before = _words_before(toks, i, 2)
        spoken_to = before[-1:] in (["to"], ["with"]) and before[:1] == ["spoke"]
        # A name that is also a word needs a person's context: "spoke to jack and his nan", "jack said".
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if name in lex.name_words:
            nxt_word = nxt.text if nxt is not None else ""
            # "nanna pat", "dad frank"; not "mum will", "dad may", where a frequent word is a verb.
            kin_named = (
                before[-1:] != []
                and _is_role(before[-1])
                and not is_everyday_word(toks[i].text, 5.0)
                and _ends_phrase(toks, i, text)
                and nxt_word != "to"  # "her sister rose to the challenge"
            )
            return bool(
                spoken_to
                or kin_named
                or AND_KIN.match(text[toks[i].end : toks[i].end + 60])
                or nxt_word in PAST_AGENTIVE
            )
        # Frequent words ("case", "young", "long" are above Zipf 5) are not names, even when a list has them.
        if is_everyday_word(toks[i].text, 5.0):
            return False
        # "dad (jordan)": a kinship word is a strong cue; so is being spoken to or seen ("spoke to liam").
        if any(_is_role(w) for w in before):  # "sw hannah", "hv fliss": a role's shorthand too
            return True
        if before and (before[-1] in MET_VERBS or before[-1] in CONTACTED_VERBS or spoken_to):
            return True
        # "jordan kicked off again", "…, stacey booked on", "ollie seen, no marks", "ollie smiling", "deano not
        # present": a note or a clause that opens with a given name and a verb cut to its participle, or "not".
        opens = toks[i].sentence_initial or text[: toks[i].start].rstrip()[-1:] in (",", ";", "-", "–", "—")
        # "tilly still not sleeping": an adverb may stand between the name and its verb.
        v = i + 2 if nxt is not None and nxt.text in ADVERBS_BEFORE_VERB else i + 1
        if (
            opens
            and _adjacent(toks, i, v)
            and (toks[v].text.endswith(("ed", "ing")) or toks[v].text in IRREGULAR_PARTICIPLES or toks[v].text == "not")
        ):
            return True
        # "ryan is going home": a given name no dictionary lists, then "is" or "was" and a verb in "-ing", though
        # the name is frequent in English (its frequency is the name's own).
        if (
            name not in lex.dictionary_names
            and nxt is not None
            and nxt.text in ("is", "was")
            and _adjacent(toks, i, i + 2)
            and toks[i + 2].text.endswith("ing")
        ):
            return True
        # "also ryan keeps messaging me", "ryan said": such a name straight before what a person does (not "is",
        # "was", "has" or "had", which things do as well).
        if (
            name not in lex.dictionary_names
            and nxt is not None
            and _adjacent(toks, i, i + 1)
            and (nxt.text in FOLLOWING_VERBS or nxt.text in AGENTIVE_VERBS)
            and nxt.text not in ("is", "was", "has", "had")
        ):
            return True
        if is_everyday_word(toks[i].text, 4.5):
            return False
        return (
            nxt is not None
            and text[toks[i].end : nxt.start].strip() in ("", ",")
            and (nxt.text in AGENTIVE_VERBS or nxt.text in FOLLOWING_VERBS)
        )

    def _name_only(self, word: str, zipf: float = 4.0) -> bool:
        """A lower-case word that can only be a given name: "priya", "bogdan"; not "dale", "grove" (words a
        dictionary lists), "cla" (shorthand), "preston" (a town) or a word at least this frequent (Zipf)."""
        lex = self.lexicon
        name = word.capitalize()
        return (
            len(word) >= 3
            and lex.is_given_name(name)
            and name not in lex.name_words
            and name not in lex.dictionary_names
            and name not in lex.towns
            and name not in lex.places
            and word.upper() not in lex.acronyms
            and not is_everyday_word(word, zipf)
        )

    def _name_or_no_word(self, word: str) -> bool:
        """A lower-case word a cue can make a name: a given name, or a word rare in English ("kaytlin")."""
        return self.lexicon.is_given_name(word.capitalize()) or not is_everyday_word(word, 3.0)

    def _named_after_kin(self, toks: list[_Tok], i: int, text: str) -> bool:
        """ "Dad (Ste)", "dads (gav)", "her partner (dean)", "TM (gill)": a word in brackets straight after a
        kinship word or a role's abbreviation names the person, even one that is also a word or a short form no
        name list holds; not "dad (deceased)" or "mum (tbc)"."""
        tok = toks[i]
        bracketed = text[max(0, tok.start - 1) : tok.start] == "(" and text[tok.end : tok.end + 1] == ")"
        if not (bracketed and i > 0):
            return False
        word = tok.text
        # "me (sam) and kev": the writer naming themselves, with a given name only ("told me (see below)").
        if toks[i - 1].text.lower() in ("me", "myself"):
            return self.lexicon.is_given_name(word.capitalize()) and word.lower() not in FUNCTION_WORDS
        if not _is_role(toks[i - 1].text):
            return False
        if self.lexicon.is_given_name(word.capitalize()) or word.capitalize() in self.lexicon.name_words:
            return True
        return (
            len(word) >= 3
            and word.isalpha()
            and any(c in "aeiouy" for c in word.lower())
            and word.capitalize() not in self.lexicon.never_names
            and not is_everyday_word(word.lower(), SHORT_NAME_ZIPF)
        )

    def _lower_surname_after(self, toks: list[_Tok], i: int) -> bool:
        """A lower-case given name followed by a lower-case surname that is no everyday word ("dale marsden",
        "pauline gregg"; not "will smith" or "grace period"), nor, after a name that is also a word, a word a
        dictionary lists ("amber puffer jacket")."""
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is None or not nxt.text.islower() or nxt.start - toks[i].end != 1:
            return False
        lex = self.lexicon
        surname = nxt.text.capitalize()
        return (
            lex.is_given_name(toks[i].text.capitalize())
            and not is_everyday_word(toks[i].text, 5.0)
            and lex.is_surname_after(toks[i].text.capitalize(), surname)
            and surname not in lex.never_names
            and not is_everyday_word(nxt.text, SURNAME_WORD_ZIPF)
            and not (toks[i].text.capitalize() in lex.name_words and surname in lex.dictionary_surnames)
        )

    def _has_cue(self, toks: list[_Tok], i: int, text: str) -> bool:
        tok = toks[i]
        lex = self.lexicon
        if LABEL_NUMBER_AFTER.match(text, tok.end):
            return False  # "(Reg 24)", "Tier 2": a word numbered is a label, not a person
        if self._greeted_or_speaking(toks, i, text):
            return True
        if tok.text in lex.place_names:
            return self._place_name_cue(toks, i, text)
        if self._after_initial(tok, text) or self._named_after_kin(toks, i, text):
            return True
        if not tok.sentence_initial:
            window = _words_before(toks, i, 2)
            # "her son Jack", "social worker Priya"; not "lead the Practice Improvement Programme".
            # "the manager of Sunnybank": after a preposition only a known name is a person.
            prepositional = window[-1] in PREPOSITIONS and not lex.is_known_name(tok.text)
            # "the Child Death Overview Panel": a capitalised role word is part of a body's title, unless a
            # known name follows ("Team Manager Sarah").
            # Not across a bracket: "(mother)\nSecond Respondent:"; a word in brackets straight after a kinship
            # word ("dad (Deceased)", "officer (Raj)") was weighed by _named_after_kin.
            kin = [
                t for t in toks[max(0, i - 2) : i] if _is_role(t.text) and not _BRACKET.search(text, t.end, tok.start)
            ]
            # ... but a name that is also a word needs the lower-case role: "the Parent Carer Forum".
            kin_ok = any(
                t.text.islower() or (lex.is_known_name(tok.text) and tok.text not in lex.name_words) for t in kin
            )
            if kin_ok and window[-1] not in ARTICLES and not prepositional and not self._titled_thing(toks, i):
                return True
            # "known as Mikey", "gave his name as Dean", "uses the surname Mellor at school".
            if window in (["known", "as"], ["name", "as"], ["names", "as"]) or window[-1] in NAME_NOUNS:
                return True
            if NAME_SAID_BEFORE.search(text, max(0, tok.start - 40), tok.start):
                return True
            # "I cannot see Liberty until …", but not "children visiting Summer camps".
            if window[-1] in MEETING_VERBS and toks[i - 1].end + 1 == tok.start and _ends_phrase(toks, i, text):
                return True
            # "referred to only as 'Smithy'", "he was with 'Smurf'": a quoted nickname after "as" or "with".
            quoted = text[toks[i - 1].end : tok.start].strip() in ("'", "‘", '"', "“")
            if quoted and toks[i - 1].text.lower() in ("as", "with", "called", "named", "nicknamed"):
                return True
            # Set off by commas after a role or kinship phrase: "her key worker at the nursery, Dawn, noticed".
            commas = text[toks[i - 1].end : tok.start].strip() == "," and text[tok.end : tok.end + 1] == ","
            if commas and any(_is_role(t.text) for t in toks[max(0, i - 5) : i]):
                return True
        after = text[tok.end : tok.end + 60]
        if POSSESSIVE.match(after) and not self._body_possessive(toks, i, after):
            return True
        if ROLE_IN_BRACKETS.match(after):
            return True
        could_be_name = lex.is_known_name(tok.text) or not _is_common_word(tok.text, self.lexicon)
        # "Contact: Referral Order Coordinator": a run of capitals ending in a role is a job title.
        job_title = toks[_capitalised_run(toks, i)[1]].text.lower() in KIN_AND_ROLE
        if could_be_name and not job_title and ROLE_LABEL_BEFORE.search(text, max(0, tok.start - 40), tok.start):
            return True
        # "Harmony B (DOB …)": a surname's initial may stand between the name and its age.
        after_initial = SURNAME_INITIAL.match(after)
        if after_initial and AGE_AFTER.match(after[after_initial.end() :]):
            return True
        # "5. Precious A. - UASC, 17": a given name with its surname's initial and full stop, as a list of cases
        # names children; not "Plan B." or "Annex A.", which are no given names.
        if (
            after_initial
            and after_initial.group(0).endswith(".")
            and (lex.is_given_name(tok.text) or tok.text in lex.name_words)
        ):
            return True
        if AGE_AFTER.match(after) or KIN_APPOSITIVE.match(after):
            return True
        # "Bill, who has early dementia": "who" follows a person; a thing takes "which" ("Managers, who" is no
        # name: only a given name counts here).
        if (WHO_AFTER.match(after) or ASIDE_THEN_SAID.match(after)) and (
            lex.is_given_name(tok.text) or tok.text in lex.name_words
        ):
            return True
        # A common word opening a sentence ("Mother and her baby", "Children were placed") is not a name, nor
        # is an unknown word after a place preposition ("young people at Oakfield had been reported missing").
        after_place = (
            not tok.sentence_initial
            and toks[i - 1].text.lower() in PLACE_PREPOSITIONS
            and not lex.is_known_name(tok.text)
        )
        if (
            not (tok.sentence_initial and _is_common_word(tok.text, self.lexicon))
            and not after_place
            and (AND_KIN.match(after) or PERSON_PASSIVE.match(after))
        ):
            return True
        appositive = APPOSITIVE.match(after)
        # "the Local Safeguarding Children Partnership, the Designated Officer": a common word is no name; but
        # only a person is "her personal adviser" ("supported by Honey, her personal adviser").
        could_be_name = could_be_name or tok.text in lex.name_words
        if appositive and (could_be_name or (appositive.group("det").lower() in POSSESSIVE_DETERMINERS)):
            words = {w.lower() for w in re.findall(r"[\w-]+", appositive.group("phrase"))[:5]}
            if words & KIN_AND_ROLE or "leaver" in words:
                return True
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        # "Young people at Willowbrook told inspectors": the people told, not the place.
        # "at the Willows said": after an article, an unknown word is a thing or a place, not the speaker.
        after_article = (
            not tok.sentence_initial and toks[i - 1].text.lower() in ARTICLES and not lex.is_known_name(tok.text)
        )
        if (
            nxt is not None
            and nxt.start - tok.end <= 2
            and not nxt.sentence_initial
            and not (after_place or after_article)
        ):
            if text[tok.end : nxt.start].strip() in ("", ","):
                # A common word opening a sentence ("Workers described") is not a name.
                if tok.text in lex.name_words:
                    # "Summer visits were reduced": a plural noun, not a verb, after a name-word.
                    if (
                        (nxt.text in AGENTIVE_VERBS and nxt.text not in ALSO_PLURAL_NOUNS)
                        or nxt.text in PAST_AGENTIVE
                        or _perfect_agentive(toks, i + 1)
                    ):
                        return True
                elif (
                    (nxt.text in AGENTIVE_VERBS or _perfect_agentive(toks, i + 1))
                    and not (tok.sentence_initial and _is_common_word(tok.text, self.lexicon))
                ) or (
                    # "Senait arrived in the UK": a word that is no English word, doing what people do.
                    nxt.text in MOTION_VERBS and not is_everyday_word(tok.text, UNKNOWN_WORD_ZIPF)
                ):
                    return True
                # "was", "has": a person or a thing; only a known given name mid-sentence counts.
                known = lex.is_known_name(tok.text) and tok.text not in lex.cue_only_names  # not "the Carer Forum has"
                if nxt.text in FOLLOWING_VERBS and not tok.sentence_initial and known:
                    return True
            if nxt.capitalised and lex.is_surname_after(tok.text, nxt.text) and nxt.text not in lex.never_names:
                return lex.is_known_name(tok.text)
            # "Visitor: Hazel Oduya, independent person": a given name, then a word no list or dictionary holds.
            unknown = not (nxt.text in lex.never_names or nxt.text in lex.towns or lex.is_known_name(nxt.text))
            # Not "Summer Kickabout sessions": the name ends its phrase.
            if nxt.capitalised and unknown and not is_everyday_word(nxt.text, UNKNOWN_WORD_ZIPF):
                return lex.is_given_name(tok.text) and _ends_phrase(toks, i + 1, text)
        return False

    def _after_initial(self, tok: _Tok, text: str) -> bool:
        """ "approved – M. Lennox": a surname after an initial and a full stop (which reads as a sentence end),
        but not "Annex B. Leaders" or "Plan A. Managers"."""
        if _initial_before(tok, text) is None:
            return False
        return self.lexicon.is_known_name(tok.text) or not is_everyday_word(tok.text, 3.5)

    def _titled_thing(self, toks: list[_Tok], i: int) -> bool:
        """ "A youth council called Speak Up", "a group named Bright Spots": after "called" or "named", a run
        of ordinary words in capitals is a title; a person is "called Ash" or "named Rob Akers"."""
        first, last = _capitalised_run(toks, i)
        if first == 0 or toks[first - 1].text not in ("called", "named"):
            return False
        run = [t.text for t in toks[first : last + 1]]
        return len(run) > 1 and all(_is_common_word(w, self.lexicon) and not self.lexicon.is_known_name(w) for w in run)

    def _place_name_cue(self, toks: list[_Tok], i: int, text: str) -> bool:
        """A place that is also a given name ("Devon", "India", "Jordan") is a person only where a place could
        not be meant: an age, a person's verb, a baby or a sibling, a kinship word before it, a relative after
        a possessive ("Devon's mum", "Chelsea's low mood", never "Kent's leaders"), a role after "'s the"
        ("Jordan's the best PA"), "contact with" before it; never after "in", "from" or "to"."""
        tok = toks[i]
        # "the flat of Jordan Mellor", "at Chelsea Brannigan's": a place-given-name followed by a surname, and
        # nothing more capitalised, is a person wherever it stands.
        if self._surname_follows(toks, i, text):
            return True
        # The same test as everywhere else, so that "spoke to Devon, aged 12" is not read as a place.
        if self._place_meant(toks, i, text):
            return False
        prev = toks[i - 1].text if i > 0 and not tok.sentence_initial else ""
        if prev and _is_role(prev):  # "his sister India", "her PA, Jordan,"
            return True
        if LIVES_WITH_BEFORE.search(text, max(0, tok.start - 30), tok.start) and not _in_capitalised_run(toks, i):
            return True
        after = text[tok.end : tok.end + 60]
        if any(p.match(after) for p in (PLACE_NAME_AGE, AND_KIN, PERSON_PASSIVE, RELATIVE_POSSESSIVE, IS_A_ROLE)):
            return True
        appositive = APPOSITIVE.match(after)
        if appositive and appositive.group("det").lower() in POSSESSIVE_DETERMINERS:
            return True
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        return (
            nxt is not None
            and text[tok.end : nxt.start].strip() == ""
            and nxt.text in AGENTIVE_VERBS
            and nxt.text not in ALSO_PLURAL_NOUNS
        )

    def _surname_follows(self, toks: list[_Tok], i: int, text: str) -> bool:
        """Token i is a given name and the next is a surname, or a word too rare to be English, that is no place
        and no everyday word ("Mellor", "Brannigan"; not "Valley", "Street" or "Hall"), ending the capitalised
        run, a middle name allowed between ("Chelsea Marie Doyle"): "Jordan Valley", "India House" stay places."""
        lex = self.lexicon
        if not lex.is_given_name(toks[i].text) or i + 1 >= len(toks):
            return False
        # "Chelsea Marie Doyle": a middle name may stand between.
        middle = toks[i + 1]
        if (
            i + 2 < len(toks)
            and middle.start - toks[i].end == 1
            and lex.is_given_name(middle.text)
            and middle.text not in lex.place_names
            and toks[i + 2].start - middle.end == 1
        ):
            i += 1
        nxt = toks[i + 1]
        surname = nxt.text  # a token never carries its "'s" (TOKEN)
        after = toks[i + 2] if i + 2 < len(toks) else None
        # "Devon Carrick-Shaw": a double-barrelled surname is one by its parts.
        parts = surname.split("-")
        barrelled = len(parts) > 1 and all(p[:1].isupper() for p in parts) and any(lex.is_known_name(p) for p in parts)
        return (
            nxt.start - toks[i].end == 1
            and (
                lex.is_surname_after(toks[i].text, surname)
                or barrelled
                or not is_everyday_word(surname, UNKNOWN_WORD_ZIPF)
            )
            and surname not in lex.never_names
            and surname not in lex.place_names
            and surname not in lex.towns
            and surname not in lex.places
            and not is_everyday_word(surname, SURNAME_WORD_ZIPF)
            and not (after is not None and after.capitalised and after.start - nxt.end <= 1)
        )

    def _body_possessive(self, toks: list[_Tok], i: int, after: str) -> bool:
        """A possessive that belongs to a body, not a person: "the Review Panel's national review", "the
        Panel's decision", "Panel's recommendation:" opening a minute, "the Prince's Trust"."""
        if ORGANISATION_AFTER_POSSESSIVE.match(after):
            return True
        prev = toks[i - 1] if i > 0 else None
        return (
            (
                toks[i].sentence_initial
                or (
                    prev is not None
                    and (prev.text.lower() == "the" or (prev.capitalised and toks[i].start - prev.end == 1))
                )
            )
            and _is_common_word(toks[i].text, self.lexicon)
            and not self.lexicon.is_known_name(toks[i].text)
        )

    def _name_start(self, toks: list[_Tok], i: int, text: str) -> int:
        """Where a name found at token i starts: one word earlier for a Vietnamese name, whose family name
        stands before the middle name "Thi" or "Van" ("Tran Thi Lan"), for a given name that is also a word or
        no word at all before a surname ("Star Hobson", "Temi Adebayo"), and for an initial ("N. Blenkinship")."""
        # "Signed: N. Blenkinship": the initial belongs to the name.
        if i > 0 and _initial_before(toks[i], text) is not None:
            return i - 1
        if i == 0 or not toks[i - 1].capitalised or toks[i].start - toks[i - 1].end != 1:
            return i
        before = toks[i - 1].text
        lex = self.lexicon
        if before in lex.never_names or before in TITLES or before in MONTHS:
            return i
        if toks[i].text in VIETNAMESE_MIDDLE_NAMES or before in lex.name_words:
            return i - 1
        # "Abu Omar", "Umm Omar": a parent called by the eldest child's name is named whole.
        if before in _TEKNONYMS:
            return i - 1
        # "Nguyen Van Minh": the family name before the middle name.
        family = toks[i - 2] if i >= 2 else None
        if (
            before in VIETNAMESE_MIDDLE_NAMES
            and family is not None
            and family.capitalised
            and family.text not in TITLES
            and family.text not in lex.never_names
            and toks[i - 1].start - family.end == 1
        ):
            return i - 2
        # "Re: Temi Adebayo", "Barakat Ali Hassan": a word no list or dictionary holds, before a name, is its
        # given name; not a role ("Caseworker Ngọc Trần").
        if (
            before.lower() not in KIN_AND_ROLE
            and not is_everyday_word(before, UNKNOWN_WORD_ZIPF)
            and before not in lex.towns
            and before not in lex.place_names
        ):
            return i - 1
        return i

    def _extend(self, toks: list[_Tok], i: int, text: str) -> int:
        """A found given name carries the capitalised surname(s) that follow it, with their particles ("Pieter
        van der Berg", "Abdullah al-Hashimi")."""
        j, parts = i, 0
        while j + 1 < len(toks) and parts < 2:
            step = 1
            # Up to two lower-case particles, when a capitalised part follows them.
            while step <= 2 and j + step < len(toks) and toks[j + step].text in SURNAME_PARTICLES:
                step += 1
            if step > 1 and j + step >= len(toks):
                break
            nxt = toks[j + step]
            joined = all(toks[k].start - toks[k - 1].end == 1 for k in range(j + 1, j + step + 1))
            if ARABIC_ARTICLE.match(nxt.text) and joined:
                j, parts = j + step, parts + 1
                continue
            # "Kayden B (DOB …)", "Shannon B.": a surname's initial ends the name.
            initial = step == 1 and len(nxt.text) == 1 and nxt.text.isupper()
            if initial and parts == 0 and SURNAME_INITIAL.match(text[toks[j].end : toks[j].end + 12]):
                return j + 1
            # "Ellie B Smith", "Karen J. Lowe": a middle initial between the names (after "A." a sentence may
            # start instead: "met Kayden A. Later, …").
            then = toks[j + 2] if initial and j + 2 < len(toks) else None
            if (
                then is not None
                and then.capitalised
                and then.text not in self.lexicon.never_names
                and (
                    text[nxt.end : then.start] == " "
                    or (text[nxt.end : then.start] == ". " and not is_everyday_word(then.text, 4.0))
                )
            ):
                j, parts = j + 2, parts + 1
                continue
            # "Signed: N. Blenkinship Dated: 20 May": an everyday word before a colon is the next label.
            label = text[nxt.end : nxt.end + 1] == ":" and _is_common_word(nxt.text, self.lexicon)
            if (
                not (joined and nxt.capitalised and not nxt.sentence_initial)
                or nxt.text in self.lexicon.never_names
                or nxt.text in PLACE_WORDS
                or label
            ):
                break
            j, parts = j + step, parts + 1
        return j

    def _repeated_mentions(self, toks: list[_Tok], found: dict[int, tuple[int, float]], text: str) -> None:
        """Every capitalised mention of a found name counts before names are joined ("Patience and Joy ...
        Patience said"); _propagate later adds possessives, plurals and lower-case mentions."""
        covered = _covered_tokens(found)
        names = {toks[k].text for k in covered} - self.lexicon.never_names - _NO_NAME_ALONE
        for k, tok in enumerate(toks):
            if (
                k not in covered
                and tok.capitalised
                and tok.text in names
                and not self._other_sense(toks, k, text)
                and not self._name_word_as_word(toks, k, text)
            ):
                found[k] = (k, 0.8)

    def _other_sense(self, toks: list[_Tok], k: int, text: str) -> bool:
        """The word is used here as a place or a month, though it is also a name ("placed in Kent", "In
        April", "Wigan & Leigh"): no rule, and no earlier mention of the name, makes this mention a person."""
        return (
            self._thing_meant(toks, k, text)
            or self._place_meant(toks, k, text)
            or _month_meant(toks, k, text)
            or _weekday_meant(toks, k, text)
            or self._town_pair(toks, k, text)
            or self._lived_in(toks, k, text)
        )

    def _thing_meant(self, toks: list[_Tok], k: int, text: str) -> bool:
        """A medicine by its dose, a product by what it is or a place by its team ("Stiripentol 500 mg", "a Leckey
        bath seat", "Harehills CIN team"), though "Mr Leckey" is someone; a given name before a dose is a person
        ("gave Ellie 5 mg")."""
        return bool(
            NAMED_THING_AFTER.match(text, toks[k].end)
            and not self.lexicon.is_given_name(toks[k].text)
            and not _after_title(toks, k, text, self.lexicon)
        )

    def _name_word_as_word(self, toks: list[_Tok], k: int, text: str) -> bool:
        """A capitalised name-word used as a word, though someone of that name is in the document: opening a
        sentence before a noun or as a question's verb ("Summer holiday provision", "Grace periods", "Will the
        local authority …"), or after an article ("the Will"). Mid-sentence it stays a name ("where Max
        received", "whom Skye already knows"), and so do its possessive and a verb in -ed ("Ruby moved")."""
        tok = toks[k]
        if not tok.capitalised or tok.text not in self.lexicon.name_words:
            return False
        if POSSESSIVE.match(text[tok.end : tok.end + 3]):
            return False
        if k > 0 and toks[k - 1].text.lower() in ARTICLES:
            return True
        nxt = toks[k + 1].text if k + 1 < len(toks) else ""
        return tok.sentence_initial and not _ends_phrase(toks, k, text) and not nxt.endswith("ed")

    def _lived_in(self, toks: list[_Tok], k: int, text: str) -> bool:
        """ "who lives in Layton": a place, unless a surname or a possessive follows ("placed in Grace Lee's
        care", "lives in Jack's flat")."""
        tok = toks[k]
        return bool(
            LIVES_IN_BEFORE.search(text, max(0, tok.start - 30), tok.start)
            and not POSSESSIVE.match(text[tok.end : tok.end + 3])
            and not self._surname_follows(toks, k, text)
        )

    def _place_meant(self, toks: list[_Tok], k: int, text: str) -> bool:
        """A place or town that is also a name, after "in", "from" or "to", or listed with other places after
        one: "Sarah Kent … placed in Kent", "children living in Barrow and Kendal"."""
        lex = self.lexicon
        word = toks[k].text.capitalize()
        if word not in lex.place_names and word not in lex.towns:
            return False
        if self._surname_follows(toks, k, text):  # "the flat of Jordan Mellor"
            return False
        if _title_before(toks, k, text, lex) is not None:  # "a disclosure to Ms Lofthouse", "went to Mrs Preston"
            return False
        j = k - 1
        # Back over the list's other places ("Barrow and"), but not over a person ("Jack and Kendal"); a clause with
        # no word before the place has no "in" or "to" ("went to Ysgol Castellau; Mali is in Year 3", "We drove to
        # Mali.\nMali (8) …").
        while j >= 0 and k - j <= 6:
            if _CLAUSE_BREAK.search(text, toks[j].end, toks[j + 1].start):
                return False
            if toks[j].sentence_initial:
                break
            before = toks[j].text
            if before in ("and", "or") or (toks[j].capitalised and not lex.is_given_name(before)):
                j -= 1
                continue
            break
        if j < 0 or j == k:
            return False
        word_before = toks[j].text.lower()
        if word_before == "to" and j > 0 and toks[j - 1].text.lower() in TO_A_PERSON:  # "spoke to Kendal"
            return False
        if j == k - 1 and _of_a_person(toks, k):  # "permanent care of Shannon"
            return False
        # "the chronology for Harlow, 15,": a place has no age. After "in" or "from" the age may be someone
        # else's ("a girl from Jordan, aged 16").
        if (
            word_before not in ORIGIN_PREPOSITIONS
            and j == k - 1
            and PLACE_NAME_AGE.match(text[toks[k].end : toks[k].end + 60])
        ):
            return False
        return word_before in PLACE_PREPOSITIONS or word_before in TOWARDS

    def _coordinated(self, text: str, toks: list[_Tok], found: dict[int, tuple[int, float]]) -> None:
        """A word joined by "and" or a comma to a found name is one too ("Summer and Rhys", "Jack, Grace
        and Ruby"), if it could be a name: capitalised, not a term, not a common word; or, typed in lower case,
        a given name that is no word ("pat and des")."""
        ends = {j: i for i, (j, _) in found.items()}
        covered = _covered_tokens(found)
        # Whether a word could be a name depends on the text alone, not on what is found: worked out once, not
        # on every pass.
        joinable = [
            i
            for i, tok in enumerate(toks)
            if i not in covered
            and (self._lower_joinable(toks, i, text) if tok.text.islower() else self._joinable(toks, i, text))
        ]
        changed = True
        while changed:
            changed = False
            for i in joinable:
                if i in covered:
                    continue
                tok = toks[i]
                joined = any(
                    _list_gap(text[tok.end : toks[k].start]) for k in found if 0 <= toks[k].start - tok.end <= 60
                ) or any(_list_gap(text[toks[k].end : tok.start]) for k in ends if 0 <= tok.start - toks[k].end <= 60)
                if joined:
                    # With the surname that follows: "…, Olu Adeyemi (waking night)".
                    end = self._extend(toks, i, text)
                    found[i] = (end, 0.75)
                    ends[end] = i
                    covered.update(range(i, end + 1))
                    changed = True

    def _joinable(self, toks: list[_Tok], i: int, text: str) -> bool:
        """A capitalised word that could be a name in a list: not a term, a title, a place or a common word."""
        lex = self.lexicon
        tok = toks[i]
        if not tok.capitalised or tok.text in lex.never_names or tok.text in TITLES or _place_part(toks, i, text):
            return False
        if tok.text.lower() in KIN_AND_ROLE:  # "Parental view (Mum, Shelley)": a form of address
            return False
        if _MEDICAL_SPECIALTY.search(tok.text):  # "Dr Okonkwo, Paediatrics": the doctor's department
            return False
        # "a care home in Whalley and Rhys drives": after "in" or "at", only a given name starts a list.
        if i > 0 and toks[i - 1].text.lower() in PLACE_PREPOSITIONS and not lex.is_given_name(tok.text):
            return False
        if _month_meant(toks, i, text):  # "On 3 June, Kelsey Marr wrote": a date before the name
            return False
        # "27 Kingsway, Stoke-on-Trent ST4 1AA": a town before a postcode ends an address, not a list.
        if tok.text in lex.towns and POSTCODE_AFTER.match(text, tok.end):
            return False
        # "Kirsty Dunglinson, Whitehaven office": a town no one is named after is never in a list of names.
        if tok.text in lex.towns and not lex.is_known_name(tok.text):
            return False
        # A common word joins only mid-sentence and not as the head of a title ("Eden and Ocean, who
        # are twins", not "Jack and Social Care").
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        titled = nxt is not None and nxt.capitalised and nxt.start - tok.end <= 1
        prev = toks[i - 1] if i > 0 else None
        # "the Community Safety Partnership, and Will": the last word of a body's title.
        ends_title = prev is not None and prev.capitalised and tok.start - prev.end == 1
        return not (
            _is_common_word(tok.text, self.lexicon)
            and not lex.is_known_name(tok.text)
            and (tok.sentence_initial or titled or ends_title)
        )

    def _lower_joinable(self, toks: list[_Tok], i: int, text: str) -> bool:
        """ "foster carers pat and des", "bev and kwame": typed in lower case, a given name that is no word (as
        `_name_only`, below Zipf 5 since the found name beside it is a cue) and ends its phrase. A given name
        that is also a word ("rob", "grace") joins only as a whole item of a list: "panel members: rob and
        shabana", not "we will rob and shabana said"."""
        word = toks[i].text
        if word in KIN_AND_ROLE or not _ends_phrase(toks, i, text):
            return False
        if self._name_only(word, zipf=5.0):
            return True
        return (
            self.lexicon.is_given_name(word.capitalize())
            and word.upper() not in self.lexicon.acronyms
            and not is_everyday_word(word, 5.0)
            and _whole_list_item(toks, i, text)
        )

    def _family_names(self, text: str, toks: list[_Tok], found: dict[int, tuple[int, float]]) -> None:
        lex = self.lexicon
        for i, tok in enumerate(toks[:-1]):
            if not tok.capitalised or tok.text in self.lexicon.never_names or i in found:
                continue
            nxt = toks[i + 1]
            prev = toks[i - 1].text.lower() if i > 0 else ""
            at = i + 2
            if at < len(toks) and toks[at].text == "s" and at + 1 < len(toks):  # "the Disabled Children's Team"
                at += 1
            after = toks[at] if at < len(toks) else None
            # Not a programme's title-case name: "the Mockingbird Family Model"; but "the Okafor children, Chidera
            # (9) and …" goes on past a comma.
            titled = (
                after is not None
                and after.capitalised
                and not after.sentence_initial
                and after.start - toks[at - 1].end == 1
            )
            # "the Acorn family centre", "the Winterbourne children's home" (but "the Smith family home"): a
            # setting, not a family.
            setting_word = after is not None and (
                after.text.lower() in SETTING_AFTER_FAMILY or (at == i + 3 and after.text.lower() in ("home", "homes"))
            )
            setting = setting_word and after.start - toks[at - 1].end == 1
            # "Agenda: Nwosu family": without "the", only a surname that is no English word ("Foster family",
            # "Birth family" are not names).
            surname_alone = (
                nxt.text in ("family", "household")
                and self.lexicon.is_known_name(tok.text)
                and not is_everyday_word(tok.text, 3.0)
                and not self._other_sense(toks, i, text)
            )
            # "the Mahoney kids", but not "the Academy boys" or "the Year 6 girls": a note's own words for
            # children follow only a name.
            casual = nxt.text.lower() in ("kids", "boys", "girls")
            if (
                nxt.text.lower() in FAMILY_WORDS
                and (prev == "the" or surname_alone)
                and nxt.start - tok.end == 1
                and not (titled or setting)
                and not (
                    casual
                    and (
                        tok.text in PLACE_WORDS
                        or not (lex.is_known_name(tok.text) or not is_everyday_word(tok.text, 3.0))
                    )
                )
            ):
                found[i] = (i, 0.9)
            # "In the Smith case": a known surname naming a case; "the Pearsons", "the Okafors'": a surname
            # made plural names a family.
            elif (
                nxt.text == "case"
                and prev == "the"
                and nxt.start - tok.end == 1
                and self.lexicon.is_known_name(tok.text)
            ) or (
                prev == "the"
                and tok.text.endswith("s")
                and tok.text[:-1] in self.lexicon.surnames
                and tok.text[:-1] not in self.lexicon.never_names
                and not _is_common_word(tok.text, self.lexicon)
                and not (nxt.capitalised and nxt.start - tok.end == 1)
            ):
                found[i] = (i, 0.8)

    def _short_forms(self, parts: set[str]) -> dict[str, str]:
        """The short forms of the found given names, each cut after its third letter or later and two letters
        short of the name at least ("ash" of "ashleigh", "soph" of "sophie"), with the name they stand for."""
        forms: dict[str, str] = {}
        for part in sorted(parts):
            if self.lexicon.is_given_name(part.capitalize()):
                for cut in range(3, len(part) - 1):
                    forms.setdefault(part[:cut].lower(), part)
        return forms

    def _propagate(
        self, text: str, toks: list[_Tok], findings: list[Finding], not_people: SpanCover | None = None
    ) -> list[Finding]:
        parts: set[str] = set()
        # A surname that is also a term ("DC Foster") is propagated only where a person is plainly meant:
        # "Foster's notes", "Foster said", never "Foster carers".
        term_parts: set[str] = set()
        for finding in findings:
            for word in TOKEN.findall(finding.text):
                if word in _NO_NAME_ALONE or len(word) < 2:
                    continue
                (term_parts if word in self.lexicon.never_names else parts).add(word)
                # "NOWAK, Tomasz" in a police record, "Mr Nowak" in the social worker's note.
                if word.isupper() and len(word) > 2:
                    parts.add(word.title())
        covered = SpanCover((f.start, f.end) for f in findings)
        short_forms = self._short_forms(parts)
        extra: list[Finding] = []
        # "#justiceforlolaandalfie" once "Lola" and "Alfie" are found: a hashtag or a handle that spells a found
        # given name inside it.
        given = {p.lower() for p in parts if len(p) >= 4 and self.lexicon.is_given_name(p.capitalize())}
        for tok in toks:
            if (
                given
                and text[tok.start - 1 : tok.start] in ("#", "@")
                and not covered.holds(tok.start)
                and any(name in tok.text.lower() for name in given)
            ):
                extra.append(
                    Finding(type="PERSON", text=tok.text, start=tok.start, end=tok.end, score=0.7, detector=self.name)
                )
        for index, tok in enumerate(toks):
            # Careless lower-case notes: "spoke to liam" once "Liam" is known, unless it is also a word.
            candidates = {tok.text}
            # "NIKOLA was in her bedroom" once "KOWALSKI, Nikola" is known: a police record's capitals.
            if tok.text.isupper() and len(tok.text) > 2 and tok.text not in self.lexicon.acronyms:
                candidates.add(tok.text.title())
            # "the Kowalczyks'" once "the Kowalczyk family" is known.
            if tok.capitalised and tok.text.endswith("s") and len(tok.text) > 4:
                candidates.add(tok.text[:-1])
            if tok.text.islower():
                name = tok.text.capitalize()
                # "the jack was broken" is a word even after "spoke to jack", and so are "brown hair" after
                # "Mrs Brown" and "the worker will visit" after "Will": a word that is a name-word, or an
                # everyday word no list holds as a given name, needs its own lower-case cue.
                everyday = name in self.lexicon.name_words or (
                    is_everyday_word(tok.text, 3.0) and not self.lexicon.is_given_name(name)
                )
                # "pat's address" once "nan (pat)" is known: a found name's possessive is its own cue.
                owned = bool({tok.text, name} & parts) and POSSESSIVE.match(text[tok.end : tok.end + 3])
                # "names given to police: reece, 'tiny'" once "known as 'Tiny'" is: a nickname in its quotes.
                quoted = bool(text[tok.start - 1 : tok.start]) and text[tok.start - 1] in QUOTES
                quoted = quoted and bool(QUOTED_NAME_AFTER.match(text, tok.end))
                if everyday and not (owned or quoted or _acts(toks, index) or self._careless_name(toks, index, text)):
                    continue
                if name in parts:
                    candidates.add(name)
            # "ash says nan gets her" once "ashleigh (16)" is known: the short form of a found given name, before
            # what a person does; not a frequent word ("car" of "Caroline").
            short_of = short_forms.get(tok.text.lower())
            if short_of and _acts(toks, index) and not is_everyday_word(tok.text, 4.5):
                candidates.add(short_of)
            person_meant = False
            if tok.text in term_parts:
                nxt = toks[index + 1].text if index + 1 < len(toks) else ""
                person_meant = bool(POSSESSIVE.match(text[tok.end : tok.end + 3])) or nxt in PAST_AGENTIVE
            if not (candidates & parts or person_meant) or covered.holds(tok.start):
                continue
            if not_people is not None and not_people.holds(tok.start):
                continue
            if self._other_sense(toks, index, text) or self._name_word_as_word(toks, index, text):
                continue
            extra.append(
                Finding(type="PERSON", text=tok.text, start=tok.start, end=tok.end, score=0.8, detector=self.name)
            )
        return resolve_overlaps(findings + extra)
