"""National numbers (NHS number, Unique Pupil Number, National Insurance number), case references
and initials. The last two are allowed in the SEA (para 160) and are findings in a report."""

from __future__ import annotations

import re

from stdnum.gb import nhs, upn

from drafting.identifiers.base import Finding, SpanCover
from drafting.identifiers.lexicon import ROLE_ABBREVIATIONS, Lexicon, load_lexicon
from drafting.identifiers.name_cues import ADVERBS_BEFORE_VERB, LETTER_LABEL_BEFORE, POSSESSIVE

_NHS = re.compile(r"\b\d{3}[ -]?\d{3}[ -]?\d{4}\b")
_UPN = re.compile(r"\b[A-Z]\d{11}[A-Z\d]\b")
# "NHS no. 485 777 3456", "UPN: K823456789012", "his UPN is …": a label directly before a number that fails its
# check digit.
# "His NHS number on the front sheet is 485 777 3456": the label may be a few words earlier in the clause when
# "is", "was" or a colon comes straight before the number.
_LATER_IN_CLAUSE = r"(?:[^.;\n\d]{1,30}?\s(?:is|was)\s*|[^.;\n\d]{1,30}?:\s*)"
_NHS_CUE = re.compile(
    # "NHS no. (baby) 485 777 3456": whose number it is may stand in brackets after the label.
    r"\bNHS\s*(?:no\.?|num(?:ber)?\.?|#)?\s*(?:\([a-z' ]{1,20}\)\s*)?(?:(?:is|was)\s+)?[:\t-]?\s*$"
    rf"|\bNHS\s+(?:no\.?|number)(?!\w){_LATER_IN_CLAUSE}$",
    re.IGNORECASE,
)
_UPN_CUE = re.compile(
    r"\b(?:UPN|(?:unique\s+)?pupil\s+(?:no\.?|number))\s*(?:(?:is|was)\s+)?[:\t-]?\s*$"
    rf"|\b(?:UPN|pupil\s+(?:no\.?|number))(?!\w){_LATER_IN_CLAUSE}$",
    re.IGNORECASE,
)
_CUE_CHARS = 60
# HMRC's format: no D, F, I, Q, U, V in either prefix letter, no O second, and some prefixes unused.
_NINO = re.compile(r"\b(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b")
# "case ref 40917", "Local authority reference: CPR/22/0417", "child number C-22", "incident no. 2291-K",
# "Home Office reference F1187342", "port reference DVR/08/24/1187", "IDs 38411, 39026", "custody record
# 03LA/22718/24", "Occurrence: 13/228817/26", or a bare "(ref 33019)".
_CASE_PHRASE = re.compile(
    r"\b(?:(?:case|child|file|client|incident|hospital|patient)\s+(?:ref(?:erence)?s?|numbers?|no\.?|ids?)"
    r"|custody\s+(?:record|ref(?:erence)?|number|no\.?)"
    r"|(?:home\s+office|HO|police|crime|court|port)\s+ref(?:erence)?|reference(?=\s*:)|ref\.?|(?-i:IDs?)"
    # "Occurrence: 13/228817/26", "occ 13/102944/26 and 13/177302/26": a police force's occurrence number.
    r"|occ(?:urrence)?(?:\s+(?:no\.?|number|ref(?:erence)?))?"
    # "council tax (account 6620118-4)", "rent account no. 55120": an account's number is the family's own (not a
    # year: "the accounts 2023").
    r"|account(?:\s+(?:no\.?|number|ref(?:erence)?))?(?!\s*(?:19|20)\d{2}\b)"
    # "Kestrel View (URN SC512207)": a setting's unique reference number names it as its name does.
    r"|(?-i:URN)"
    # "Unborn baby's record: Mosaic 2251190": a case-recording system's number for the child.
    r"|(?:mosaic|liquidlogic|eclipse|carefirst|care\s+first)(?:\s+(?:id|no\.?|number|ref(?:erence)?))?"
    # "police informed, log 1703": a log's number (a digit is required below, so "log into" stays quiet).
    r"|(?:police\s+)?log(?:\s+(?:no\.?|number))?(?!\s+ref|\s*[:#]?\s*\d{1,2}/\d{1,2}\b))"
    r"\s*[:#]?\s*(?P<ref>[A-Z0-9][A-Za-z0-9/-]{2,})",
    re.IGNORECASE,
)
# "Contact 4471923 received 09:12", "Referral no. 558120", "LADO referral 0412", "Case 0398", "incident 0418
# of 12/05": a record's own number (five digits or more, or led by a zero, so that "Referral 2023" stays a year).
_RECORD_NUMBER = re.compile(
    r"\b(?i:contact|referral|case|incident)\s+(?:no\.?\s*|number\s+|ID\s*)?[:#]?\s*(?P<ref>\d{5,}|0\d{2,3})\b"
)
# "case ref for the s47 is 2291847", "the police reference for last night's call was 26/1187", "the URN for
# Fairmead School is 135927": a label, a few words saying whose, then "is" or "was" and a number (a digit is
# required below).
_REF_IS = re.compile(
    r"\b(?:(?:case|child|file|client|incident|police|crime|court)\s+(?:ref(?:erence)?|number|no\.?)|(?-i:URN))\s+"
    r"(?:for|of|from)\b"
    r"[^.;:\n]{1,40}?\b(?:is|was)\s*[:#]?\s*(?P<ref>[A-Z0-9][A-Za-z0-9/-]{2,})",
    re.IGNORECASE,
)
_MORE_REFS = re.compile(r"\s*(?:,|and|&)\s*(?P<ref>[A-Z0-9][A-Za-z0-9/-]{2,})")
# The day a police log's number counts within: "09/11", "09/11/2024".
_DAY_OF_LOG = r"\d{1,2}/\d{1,2}(?:/\d{2,4})?(?![\w/])"
# "the police log was 1456 of today": a log's number within its day, a few words after the word "log".
_LOG_OF_DAY = re.compile(
    rf"\b(?:log|incident)\b[^.\n\d]{{0,20}}?(?P<ref>\b\d{{3,5}}\s+of\s+(?:(?:today|yesterday|last\s+night)(?![\w/])"
    rf"|{_DAY_OF_LOG}))",
    re.IGNORECASE,
)
# Police logs are numbered within a day: "incident 0923 of 09/11" is one reference, date and all.
_LOG_DATE = re.compile(rf"\s+of\s+{_DAY_OF_LOG}")
# Codes such as CT-04, LCS-2021-0045, MACE-K-2219 or MOS123456 (SEA entry ids like SEA-014 are the SEA's own, not a case's),
# and the family court's case numbers: court, year, kind and serial ("LS23C00871", "BD24P00917").
_CASE_CODE = re.compile(
    r"(?<![\w/.-])(?!SEA-)(?:[A-Z]{1,5}(?:-[A-Z]{1,3})?-\d{2,}(?:-\d+)*|[A-Z]{2,5}\d{4,}|[A-Z]{2,5} \d{5,}"
    r"|[A-Z]{2}\d{2}[A-Z]\d{5})"
    r"(?![\w/-])"
)
_INITIALS = re.compile(r"(?<![\w.])(?:[A-Z]\.\s?){2,3}(?!\w)|(?<![\w-])[A-Z]{2,3}(?![\w-])")
_LOWER_ROMAN = re.compile(r"^[IVX]+$")
_ROLE_AFTER_NAME = re.compile(r"[A-Z][a-z'’-]+\s*\($")
# "speak to carys (TM)": in a note typed in lower case, a given name before the role.
_ROLE_AFTER_LOWER_WORD = re.compile(r"\b(?P<word>[a-z][a-z'’-]+)\s*\($")
# "her HV", "the TM", "supervision w/ TM" (shorthand among shorthand; "met with HV" may be someone), or a role
# opening a table cell, following a colon or joined by "+" ("…\tHV", "Action 2: TM to escalate", "bev + HV"):
# a role, not someone's initials.
_ROLE_BEFORE = re.compile(
    r"(?:(?:^|\t|:|[+&])[ ]*|\b(?:the|a|an|her|his|their|our|my|your|cc)\s+|\bw/\s*)$", re.IGNORECASE | re.MULTILINE
)
# "TM Phil Atherton", "(TM Nadeem Aslam)", "TM is Phil Atherton": the role of the person named after it.
_NAME_AFTER_ROLE = re.compile(r"\s(?:(?:is|was)\s)?\(?[A-Z][a-z]")
# "the LC team", "the CP duty line": capitals naming a team or a service are no one's initials; nor are a body's
# before its reference number ("HO ref T1184729", the Home Office's).
_TEAM_AFTER = re.compile(r"\s+(?:team|service|panel|hub|unit|duty|office|board|meeting|ref|reference)s?\b")
# Dotted abbreviations that are not a person's initials ("D.O.B.", "a.k.a.", "N.F.A." for no fixed abode).
_DOTTED_ABBREVIATIONS = {"DOB", "AKA", "NFA", "NB", "PS", "ETA"}
# One letter stands for a person only with a cue: a kinship word before it ("her brother T"), or a person's
# verb, a possessive or another initial after it ("J said", "J's", "J and T"). "Annex B", "Plan B" and an
# anonymised "Child A" are not initials.
# An apostrophe and a letter make a name ("D'Souza"), but a closing quote does not ("only as 'Mrs D'").
_ACTION_AFTER = re.compile(r"\s+to\s+[a-z]")
_MEDICAL_AFTER = re.compile(r"\s+(?:scans?|head|chest|abdomen|tube|fed|feeds?)\b")
_SHOUTED_FUNCTION_WORDS = {"THE", "OF", "IN", "AT", "AND", "FOR", "TO", "ON", "BY", "WITH", "FROM"}


def _in_shouted_phrase(text: str, start: int, end: int) -> bool:
    """The capitals are one of three or more words in capitals, one apart, among them a function word."""
    words = [text[start:end]]
    at = start
    while (m := re.search(r"([A-Z][A-Z'’]+) $", text[max(0, at - 20) : at])) is not None:
        words.insert(0, m.group(1))
        at -= len(m.group(0))
    at = end
    while (m := re.match(r" ([A-Z][A-Z'’]+)(?![\w])", text[at : at + 20])) is not None:
        words.append(m.group(1))
        at += len(m.group(0))
    return len(words) >= 3 and any(w in _SHOUTED_FUNCTION_WORDS for w in words)


_B_AND_B = re.compile(r"\bB\s+(?:and|&|n)\s+B\b")
_SINGLE = re.compile(r"(?<![\w.’'&/-])[B-HJ-Z](?![\w&/-]|['’](?=[^\W\d_])(?!s\b)|\.\w)")
_SINGLE_AFTER = re.compile(
    # "the young person who made the allegation, K, was supported": set off by commas; "R still sees the CAMHS
    # worker": an adverb may stand between the letter and its verb.
    rf"^(?:['’]s\b|,?\s+(?:(?:{'|'.join(sorted(ADVERBS_BEFORE_VERB))})\s+)?"
    r"(?:said|says|told|tells|was|were|is|has|had|lives|attends|disclosed|wants|felt|sees|needs|goes|stays)\b"
    r"|\s+and\s+(?:(?:his|her)\s+(?:[a-z-]+\s+){0,2}?(?:brother|sister|mother|father|mum|dad|baby|son|daughter)"
    r"|[B-HJ-Z]\b)"
    # "T (7), long term since 2024", "K, aged 9": a child's age after the letter.
    r"|\s*\(\s*(?:aged\s*)?\d{1,2}\s*\)|,?\s+aged\s+\d)"
)
# "her brother K", "a baby (R) for six weeks".
_SINGLE_KIN_BEFORE = re.compile(
    r"\b(?:brother|sister|mother|father|mum|dad|son|daughter|baby|stepfather|stepmother|partner|cousin|aunt|uncle"
    r"|grandmother|grandfather)\s+\(?$"
    # "referred to only as 'Mrs D'": a title before a single letter.
    r"|\b(?-i:Mr|Mrs|Ms|Miss|Dr)\.?\s+$",
    re.IGNORECASE,
)
# "took L home", "visited K at school", "spoke to J": a letter that someone visits, meets or speaks to is a person.
# Verbs of grading ("achieved C") or naming ("called B") are not among them.
_SINGLE_CONTACT_BEFORE = re.compile(
    r"\b(?:visit|see|saw|seen|meet|met|took|take|taken|ask|tell|told|collect|pick(?:ed)? up|drop(?:ped)? off|drove"
    r"|support|help|phone|rang|ring|text|contact|interview|accompan(?:y|ied)|transport|reassure|encourage|observe"
    r"|(?:spoke|speak|spoken|talk(?:ed)?)\s+(?:to|with))(?:s|ed|d|ing)?\s+$"
)
# "Baby Z", "Mother A", "Family B": a capitalised label before a letter is an anonymised name already.
_ANONYMISED_LABEL_BEFORE = re.compile(
    r"\b(?:Baby|Child|Family|Mother|Father|Sibling|Parent|Carer|Adult|Person|Young Person|Girl|Boy|Pupil)\s+$"
)


class NationalNumberDetector:
    name = "national-number"
    types = frozenset({"NHS_NUMBER", "UPN", "NI_NUMBER"})

    def _finding(self, kind: str, m: re.Match[str], score: float) -> Finding:
        return Finding(type=kind, text=m.group(0), start=m.start(), end=m.end(), score=score, detector=self.name)

    def detect(self, text: str) -> list[Finding]:
        out = []
        for kind, pattern, valid, cue in (
            ("NHS_NUMBER", _NHS, nhs.is_valid, _NHS_CUE),
            ("UPN", _UPN, upn.is_valid, _UPN_CUE),
        ):
            for m in pattern.finditer(text):
                if valid(m.group(0)):
                    out.append(self._finding(kind, m, 0.95))
                # A mistyped number is still the child's: the label before it says what it is.
                elif cue.search(text, max(0, m.start() - _CUE_CHARS), m.start()):
                    out.append(self._finding(kind, m, 0.7))
        out.extend(self._finding("NI_NUMBER", m, 0.9) for m in _NINO.finditer(text))
        return out


def _log_end(text: str, ref: str, end: int) -> int:
    """Where a reference ends: after the day of a police log's number ("0923 of 09/11"), if it has one."""
    day = _LOG_DATE.match(text, end) if ref.isdigit() else None
    return day.end() if day else end


class CaseReferenceDetector:
    name = "case-reference"
    types = frozenset({"CASE_REFERENCE"})

    def _finding(self, text: str, start: int, end: int, score: float) -> Finding:
        return Finding(
            type="CASE_REFERENCE", text=text[start:end], start=start, end=end, score=score, detector=self.name
        )

    def detect(self, text: str) -> list[Finding]:
        out = []
        for m in _CASE_PHRASE.finditer(text):
            if any(c.isdigit() for c in m.group("ref")):
                start, end = m.span("ref")
                out.append(self._finding(text, start, _log_end(text, m.group("ref"), end), 0.9))
                # "IDs 38411, 39026 and 39557": the rest of the list after the label.
                while (more := _MORE_REFS.match(text, end)) and any(c.isdigit() for c in more.group("ref")):
                    start, end = more.span("ref")
                    out.append(self._finding(text, start, end, 0.9))
        for m in _REF_IS.finditer(text):
            if any(c.isdigit() for c in m.group("ref")):
                out.append(self._finding(text, *m.span("ref"), 0.85))
        for m in _RECORD_NUMBER.finditer(text):
            start, end = m.span("ref")
            out.append(self._finding(text, start, _log_end(text, m.group("ref"), end), 0.85))
        for m in _CASE_CODE.finditer(text):
            out.append(self._finding(text, m.start(), m.end(), 0.85))
        found = SpanCover((f.start, f.end) for f in out)
        out.extend(
            self._finding(text, *m.span("ref"), 0.85)
            for m in _LOG_OF_DAY.finditer(text)
            if not found.holds(m.start("ref"))  # "log 0923 of 09/11" is read above
        )
        # "URN SC512207" is read both after its label and as a code: one finding for one span.
        return list({(f.start, f.end): f for f in out}.values())


_PLACE_BEFORE = re.compile(r"\b(?:at|[Tt]he)\s+$")


class InitialsDetector:
    name = "initials"
    types = frozenset({"INITIALS"})

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or load_lexicon()

    def _after_lower_case_name(self, text: str, start: int) -> bool:
        before = _ROLE_AFTER_LOWER_WORD.search(text, max(0, start - 40), start)
        return before is not None and self.lexicon.is_given_name(before["word"].capitalize())

    def detect(self, text: str) -> list[Finding]:
        out = []
        terms = self.lexicon.phrase_spans(text)
        for m in _INITIALS.finditer(text):
            if any(start <= m.start() < end for start, end in terms):
                continue  # "TK Maxx", "JD Sports": capitals inside a term
            value = m.group(0).strip()
            letters = value.replace(".", "").replace(" ", "")
            if "." not in value and (letters in self.lexicon.acronyms or _LOWER_ROMAN.match(letters)):
                continue
            if letters.upper() in _DOTTED_ABBREVIATIONS or _TEAM_AFTER.match(text, m.end()):
                continue
            # "AND UPON hearing counsel": a court order's recitals shout their function words.
            if "." not in value and letters in _SHOUTED_FUNCTION_WORDS:
                continue
            # "CT head normal", "NG tube": a medical test or device, not someone's initials.
            if _MEDICAL_AFTER.match(text, m.start() + len(value)):
                continue
            # "A&E attendance at LGI", "seen at the RVI": a hospital or an office known by its initials (but "at
            # JB's").
            after = m.start() + len(value)
            if _PLACE_BEFORE.search(text, max(0, m.start() - 4), m.start()) and not POSSESSIVE.match(
                text[after : after + 3]
            ):
                continue
            # "PP+" (pupil premium plus), "LGBTQ+": capitals with a plus sign name a term, not a person ("JW+mum"
            # is someone with her mother).
            if re.match(r"\+(?![^\W\d_])", text[m.start() + len(value) : m.start() + len(value) + 2]):
                continue
            # "Steph (TM)": a role after a name, not the initials of someone else.
            if letters in ROLE_ABBREVIATIONS and (
                _ROLE_AFTER_NAME.search(text, 0, m.start())
                or self._after_lower_case_name(text, m.start())
                or _ROLE_BEFORE.search(text, 0, m.start())
                # "(TM Nadeem Aslam)", "Ask TM (Lorna)": the role of the person named
                or _NAME_AFTER_ROLE.match(text, m.end())
                # "SW to attend the refresher; TM to add the plan": whoever holds the role owns the action
                or _ACTION_AFTER.match(text, m.end())
            ):
                continue
            # "IN THE FAMILY COURT AT LEEDS": a run of words in capitals holding a function word is a heading, though
            # the rest of its line is not shouted.
            if _in_shouted_phrase(text, m.start(), m.start() + len(value)):
                continue
            # Capitals in a shouted heading are not initials; a table row whose only letters are the initials
            # ("JW | 14/02/2014") is no heading.
            line_start = text.rfind("\n", 0, m.start()) + 1
            line_end = text.find("\n", m.end())
            line = text[line_start : line_end if line_end != -1 else len(text)]
            others = sum(c.isalpha() for c in line) - len(letters)
            if others >= 4 and sum(c.isupper() for c in line) > 0.6 * sum(c.isalpha() for c in line):
                continue
            end = m.start() + len(value)
            out.append(Finding(type="INITIALS", text=value, start=m.start(), end=end, score=0.7, detector=self.name))
        singles: list[Finding] = []
        # "placed in a B and B": bed and breakfast, the handbook's "B&B", is no one's initials.
        b_and_b = SpanCover(b.span() for b in _B_AND_B.finditer(text))
        for m in _SINGLE.finditer(text):
            before = text[max(0, m.start() - 30) : m.start()]
            if LETTER_LABEL_BEFORE.search(before) or _ANONYMISED_LABEL_BEFORE.search(before):
                continue
            if b_and_b.holds(m.start()):
                continue
            after = text[m.end() : m.end() + 60]
            joined = bool(singles) and re.fullmatch(r"\s+and\s+", text[singles[-1].end : m.start()]) is not None
            if (
                joined
                or _SINGLE_AFTER.match(after)
                or _SINGLE_KIN_BEFORE.search(before)
                # not "visited D Ward": a capitalised word after the letter names a place
                or (_SINGLE_CONTACT_BEFORE.search(before) and not re.match(r"\s+[A-Z][a-z]", after))
            ):
                singles.append(
                    Finding(
                        type="INITIALS", text=m.group(0), start=m.start(), end=m.end(), score=0.6, detector=self.name
                    )
                )
        return out + singles
