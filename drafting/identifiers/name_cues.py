"""The words and patterns that mark a person's name in social-care prose: titles, kinship and role words,
what people do ("said", "was adopted"), ages, appositives, and the words that show a capitalised word is a
place, a body or a thing instead. PersonNameDetector (names.py) applies them."""

from __future__ import annotations

import re

from drafting.identifiers.lexicon import ROLE_ABBREVIATIONS
from drafting.identifiers.locations import POSTCODE
from drafting.sentences import LIST_MARKER

# Hyphenated and apostrophe names stay whole (Sarah-Jane, O'Donnell); a possessive 's is not part of a name.
# Letters are any script's ([^\W\d_]): "Siân", "Oisín", "Łukasz" are one word each.
TOKEN = re.compile(r"[^\W\d_]+(?:[-'’](?![sS]\b)[^\W\d_]+)*")
TITLES = {
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Mx",
    "Dr",
    "Sgt",
    "Sergeant",
    "Constable",
    "PC",
    "DC",
    "DS",
    "DI",
    "DCI",
    "PS",
    "PCSO",
    "Supt",
    "Insp",
    "Cllr",
    "Prof",
    "Rev",
    "Revd",
    "Reverend",
    "Pastor",
    "Imam",
    "Rabbi",
    "Judge",
    # Judges as court orders and notes name them: "HHJ Pemberton", "DJ Mahmood", "Recorder Hale".
    "HHJ",
    "DJ",
    "DDJ",
    "Recorder",
    "Professor",
    "Councillor",
    "Sister",
    # Ofsted's inspectors as inspection notes name them: "HMI Okafor", "SHMI Dawson".
    "HMI",
    "SHMI",
    # Family words used as a title: "Auntie Bisi", "Nanny Pat", "Uncle Tony".
    "Auntie",
    "Aunty",
    "Aunt",
    "Uncle",
    "Nan",
    "Nana",
    "Nanna",
    "Nanny",
    "Gran",
    "Granny",
    "Grandma",
    "Grandad",
    "Grandpa",
}
# Titles that are also ordinary words: before an everyday word that is no one's name they are the word
# ("a Police Constable Degree Apprenticeship", "Sister Act"); "Constable Price" is still a name.
WORD_TITLES = {"Sergeant", "Constable", "Recorder", "Judge", "Sister", "HMI", "SHMI"}
# "PC 4471 Hargreaves": a police officer's number between the rank and the name.
COLLAR_NUMBER = re.compile(r"\s+\d{2,5}\s+")
# Lower-case parts of a surname: "Pieter van der Berg", "Mrs de Souza", "Rhys ap Gwilym", "Muhammad bin Rashid".
SURNAME_PARTICLES = frozenset(
    {"van", "von", "der", "den", "de", "da", "di", "del", "della", "dos", "das", "du", "le", "la", "bin", "ibn",
     "binti", "bint", "ap", "ab", "abu"}
)  # fmt: skip
# "Harmony B (DOB …)", "Shannon B. said": a single capital after a name, then no more of a capitalised run.
SURNAME_INITIAL = re.compile(r"^ [A-Z]\.?(?=[\s,;:)(]|$)(?!\s+[A-Z][a-z])")
VIETNAMESE_MIDDLE_NAMES = frozenset({"Thi", "Van", "Thị", "Văn"})
# "Abdullah al-Hashimi", "Fatima el-Amin": an Arabic article joined to the surname.
ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|at|az|an|ash|ul)-[A-Z]")
KIN_AND_ROLE = {
    "mother", "mum", "mummy", "father", "dad", "daddy", "stepmother", "stepfather", "stepdad", "stepmum",
    "brother", "sister", "half-brother", "half-sister", "sibling", "siblings", "son", "daughter", "sons",
    "daughters", "grandmother", "grandfather", "nan", "nana", "nanna", "gran", "grandma", "grandad",
    "granddad", "grandparent", "aunt", "auntie", "aunty", "uncle", "cousin", "nephew", "niece", "partner",
    "boyfriend", "girlfriend", "husband", "wife", "ex-partner", "baby", "child", "infant", "toddler",
    "teenager", "twin", "carer", "carers", "guardian", "friend", "neighbour", "pupil", "student", "worker",
    "manager", "officer", "nurse", "teacher", "headteacher", "practitioner", "advocate", "keyworker",
    "psychologist", "therapist", "doctor", "gp", "paediatrician", "midwife", "visitor", "named", "called",
    "boy", "girl", "lad", "person", "iro", "chair", "lead", "supervisor", "colleague", "parent", "parents",
    "kinship", "adopter", "adopters", "eldest", "youngest", "oldest", "adviser", "advisor", "mentor", "tutor",
    "counsellor", "interpreter", "solicitor", "caseworker", "childminder", "befriender", "coordinator",
    "co-ordinator", "victim", "interviewer", "mate", "mates", "staff",
    # Who wrote or checked a record: "Auditor's comment:", "Reviewer's view:" head a form's fields.
    "auditor", "reviewer", "assessor", "moderator", "investigator", "referrer", "examiner", "observer",
    # Case-note shorthand: boyfriend, girlfriend, maternal and paternal grandparents; "dads" for "dad's".
    "bf", "gf", "mgm", "mgf", "pgm", "pgf", "mums", "dads", "nans", "grans",
    # What families call their grandparents, aunts and uncles in their own languages, as notes quote them: Welsh
    # ("Nain", "Taid"), Urdu, Punjabi and Hindi ("Nani", "Dadi", "Khala"), Polish ("Babcia"), Arabic ("Teta").
    "mam", "nain", "taid", "mamgu", "mam-gu", "tadcu", "tad-cu", "bampi", "nani", "dadi", "chacha", "chachi",
    "khala", "khalu", "mamu", "phupho", "babcia", "dziadek", "teta", "jiddo",
    # A child's own spelling in a letter or a wishes-and-feelings sheet: "my best frend is harvey".
    "frend", "freind", "bruther", "bruvver", "sista", "farther",
    # Young people's own words for brothers, sisters, partners and friends: "my little bruv reegan", "her new fella
    # mick", "my bestie".
    "bruv", "bro", "sis", "fella", "bestie", "bezzie",
}  # fmt: skip
PREPOSITIONS = {"of", "at", "for", "from", "in", "to", "with", "by"}
# Adverbs a hurried note puts between a person (a name, a single letter) and their verb: "tilly still not
# sleeping", "kai now living with", "R still sees the CAMHS worker".
ADVERBS_BEFORE_VERB = frozenset({
    "still", "now", "also", "never", "just", "always", "often", "usually", "sometimes", "rarely", "then", "only",
    "again", "finally",
})  # fmt: skip
# Verbs only a person does: enough after a sentence-initial word ("Tayo said"), unlike "was" or "has".
AGENTIVE_VERBS = {
    "said", "says", "told", "tells", "stated", "explained", "disclosed", "described", "wants", "wanted", "feels",
    "felt", "lives", "lived", "attends", "attended", "spoke", "asked", "refused", "agreed", "thinks", "likes",
    "loves", "enjoys", "cried", "admitted", "denied", "alleged", "visited", "visits", "stays", "stayed",
    "describes", "explains", "states", "discloses", "wrote", "writes", "rang", "phoned", "emailed", "texted",
    "reported", "confirmed", "commented", "speaks", "drew", "chose", "laughed", "smiled", "hopes", "hoped",
    "worries", "worried",
}  # fmt: skip
# A modal or a noun is never followed by one of these ("Will said", "Summer visited"), so they make even
# a name that is also a word a name.
PAST_AGENTIVE = {
    v for v in AGENTIVE_VERBS if v.endswith("ed") or v in {"said", "told", "felt", "spoke", "wrote", "rang"}
}
# "In April, a 15-year-old …", "since June": a month, though April and June are also given names.
BEFORE_A_MONTH = {
    "in", "since", "during", "until", "till", "by", "before", "after", "last", "next", "early", "late", "mid",
    "this", "every", "each", "between", "throughout", "through",
}  # fmt: skip
ALSO_PLURAL_NOUNS = {"visits", "stays", "lives", "likes", "loves", "wants", "needs"}
FOLLOWING_VERBS = {
    "said", "says", "told", "tells", "stated", "explained", "disclosed", "reported", "described", "wants",
    "wanted", "feels", "felt", "lives", "lived", "attends", "attended", "went", "goes", "ran", "runs",
    "returned", "moved", "aged", "spoke", "asked", "refused", "agreed", "shared", "thinks", "thought",
    "likes", "loves", "enjoys", "became", "needs", "was", "is", "has", "had", "missed", "stays",
    "stayed", "visited", "visits", "cried", "admitted", "denied", "alleged", "presented", "arrived",
    # What a message says someone keeps doing or did: "ryan keeps messaging me", "lee came round".
    "keeps", "kept", "came", "comes", "texted", "messaged", "rang", "phoned",
}  # fmt: skip
# "jade from the childrens centre", "sandra from housing": someone from a service.
FROM_A_SERVICE_AFTER = re.compile(
    r"[^\S\n]+from[^\S\n]+(?:the[^\S\n]+)?(?:[a-z'’]+[^\S\n]+){0,2}?(?:centre|center|school|college|nursery|team"
    r"|council|social services|police|hospital|surgery|charity|project|hub|office|housing|clinic|unit|cafcass"
    r"|camhs|nyas|barnardos)\b",
    re.IGNORECASE,
)
# Words that make a capitalised phrase a place, not a surname ("Holly Farm", "Oak House").
PLACE_WORDS = {
    "Farm", "Cottage", "Cottages", "House", "Lodge", "Manor", "Barn", "Bungalow", "Court", "Road", "Street", "Lane",
    "Avenue", "Close", "Drive", "Way", "Crescent", "Grove", "Place", "Gardens", "Terrace", "View", "Point", "Tower",
    "School", "Academy", "College", "University", "Nursery", "Trust", "Centre", "Hospital", "Unit", "Park", "Hall",
    "Surgery", "Practice", "Clinic", "Pharmacy", "Hospice", "Grange", "Mews", "Heights", "Hub",
    # A school said without "School" ("Layton Primary", "Marton Juniors"); not "High", which is also a surname.
    "Primary", "Juniors", "Infants",
}  # fmt: skip
# A place of worship's kind ("Bethel Church", "Makki Masjid", "the Bethel church"), found as a setting
# (institutions.py); not "Temple", which is a surname too.
WORSHIP_KINDS = ("church", "chapel", "mosque", "masjid", "gurdwara", "mandir", "synagogue", "tabernacle")
PLACE_WORDS |= {kind.capitalize() for kind in WORSHIP_KINDS}
# Words that end a firm's or a charity's name: "Hartley Greene LLP" names a solicitors' firm, not two people.
FIRM_SUFFIXES = {
    "LLP", "Ltd", "Limited", "plc", "PLC", "Solicitors", "Chambers", "Associates",
    # Charities named after their founders: "the Helen Bamber Foundation", "the Anna Freud Institute".
    "Foundation", "Institute", "Society",
    # A GP practice or a care provider: "Ashton Medical Group", "the Priory Group".
    "Group",
}  # fmt: skip
ARTICLES = {"the", "a", "an"}
PRONOUNS = {
    "I", "He", "She", "They", "It", "We", "You", "His", "Her", "Their", "Its", "Our", "My", "Your", "Him", "Them",
    "This", "That", "These", "Those", "Who", "Which", "There", "Here", "What", "Both", "Each", "All",
    # "'Nobody listens to me'": no one's name.
    "Nobody", "Somebody", "Everybody", "Anybody", "Someone", "Everyone", "Anyone", "None",
}  # fmt: skip
MET_VERBS = {"met", "saw", "seen", "visited", "interviewed"}
# "texted stacey", "rang dale": whom a worker got in touch with, in a hurried note.
# An action in supervision notes says the same in the imperative: "refer kenzie to MACE panel", "ring dale".
CONTACTED_VERBS = {
    "texted", "rang", "phoned", "called", "emailed", "messaged", "contacted", "referred",
    "refer", "ring", "phone", "text", "email", "contact",
}  # fmt: skip
# "I cannot see Liberty", "inspectors met Hope": a capitalised name-word after a verb of meeting is a person.
# "a man collected May from school twice": who is collected is a person too.
MEETING_VERBS = MET_VERBS | {
    "see", "meet", "visit", "sees", "meets", "visits", "seeing", "meeting", "visiting", "collect", "collects",
    "collected", "collecting",
}  # fmt: skip
# "the Mahoney kids", "the Patel girls": how a hurried note says "the children".
FAMILY_WORDS = {
    "family", "household", "children", "siblings", "twins", "parents", "brothers", "sisters", "home", "kids", "boys",
    "girls",
}  # fmt: skip
SETTING_AFTER_FAMILY = {"centre", "center", "hub", "hubs", "court", "service", "services", "support", "group", "team"}
# A table cell starts afresh, as a sentence does: "parents\tLegal" is the next column, not a name after a kin word.
# A line's first word opens a sentence, after a list item's bullet or number too ("\n• Hope was …").
SENTENCE_END = re.compile(rf"[.!?:;]\s*$|[\n\t]\s*(?:{LIST_MARKER}\s+)?$")
POSSESSIVE = re.compile(r"^['’]s\b")
WHO_AFTER = re.compile(r"^,\s+who\b")
# "Precious, in her first year, said": a clause set off by commas, then what a person does.
ASIDE_THEN_SAID = re.compile(r"^,\s+[^,.;:]{1,40},\s+(?:said|says|told|tells|explained|added|described)\b")
# A household's animals, named in fostering and adoption assessments: "two dogs (Bella and Max)", "a cat
# called Tigger", "Bella is an elderly collie". Not "her dog walker, Sarah" or "Sarah is a dog lover".
_ANIMALS = (
    r"(?:dogs?|cats?|pupp(?:y|ies)|kittens?|ponies|pony|horses?|rabbits?|hamsters?|guinea pigs?|pets?|collies?"
    r"|spaniels?|labradors?|terriers?|retrievers?|budgies?|parrots?|tortoises?|ferrets?|goats?|hens|chickens|lurchers?"
    r"|greyhounds?|whippets?|poodles?|cockapoos?|huskies|husky)"
)
ANIMAL_BEFORE = re.compile(
    rf"\b{_ANIMALS}\s*(?:\(|,|\s(?:called|named))\s*(?:[A-Z][a-z]+\s*(?:,|and|&)\s*)*$", re.IGNORECASE
)
# "Siani the cat", "Bella, our dog", "Max is a collie".
ANIMAL_AFTER = re.compile(
    rf"^,?\s+(?:is\s+)?(?:an?|the|our|their)\s+(?:[a-z-]+\s+){{0,2}}{_ANIMALS}(?=[.,;:)]|\s+and\b|$)"
)
NUMBER_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen)"
)
AGE_AFTER = re.compile(
    r"^\s*(?:,\s*)?(?:\(\s*(?:aged\s*|d\.?o\.?b|dob|born)?\s*\d|aged\s+\d|age\s+\d|\d{1,2}\s*(?:years?|yrs?)\b"
    # "tyrese 17" ending a list's line: the number ends the line.
    r"|(?:a|an)\s+\d{1,2}-year-old|\d{1,2}[^\S\n]*(?:[,.);]|\n|$)|is\s+(?:now\s+)?\d{1,2}\b|(?:was\s+)?born\b"
    # "Summer, who is 16, …", "Jodie, now 21, …"
    r"|who\s+(?:is|was)\s+(?:now\s+)?\d{1,2}\b|now\s+\d{1,2}\b"
    # "re kayla, yr 7, came in with …": a school year says a child's age as plainly.
    r"|,\s*(?:yr|year)\s*\d{1,2}\s*(?:[,;).]|$)"
    # "came into care aged six": an age in words.
    rf"|aged\s+{NUMBER_WORD}\b|(?:a|an)\s+{NUMBER_WORD}-year-old"
    # "Yonas (DOB given as …)", "Mikey, DOB 30.04.2008": a date-of-birth label after the name.
    r"|\(\s*(?:d\.?o\.?b\b|dob\b|date of birth)|,?\s*(?:d\.?o\.?b\.?|DOB)\b)",
    re.IGNORECASE,
)
APPOSITIVE = re.compile(r"^\s*,\s+(?P<det>a|an|the|his|her|their|our)\s+(?P<phrase>[^,.;()]{1,40})", re.IGNORECASE)
POSSESSIVE_DETERMINERS = {"his", "her", "their"}
# "Hope and her baby", "Kacper and his younger sister": a thing does not have a brother or a baby.
# "Grace and Faith, twins aged 10": a bare kinship noun after the comma.
KIN_APPOSITIVE = re.compile(r"^\s*,\s+(?:twins|siblings|brothers|sisters|half-siblings|both aged)\b")
AND_KIN = re.compile(
    r"^\s+and\s+(?:his|her)\s+(?:[a-z-]+\s+){0,2}?(?:"
    + "|".join(sorted(map(re.escape, KIN_AND_ROLE), key=len, reverse=True))
    + r")\b"
)
# What happens only to a person: "Ruby was adopted in 2019", "Kai had been excluded".
PERSON_PASSIVE = re.compile(
    r"^\s+(?:was|were|is|has been|had been)\s+(?:later\s+|then\s+|first\s+)?"
    r"(?:adopted|accommodated|fostered|removed|excluded|bullied|abused|exploited|groomed|arrested|remanded|born"
    r"|reunified|placed\s+(?:with|in|at)|taken\s+into\s+care|reported\s+missing)\b"
    r"|^\s+(?:went|goes|has\s+gone|had\s+gone)\s+missing\b"
    # "Chelsea grew up in Orchard Park": a place is never brought up.
    r"|^\s+grew\s+up\b"
    r"|^\s+(?:came|comes|had\s+come)\s+into\s+care\b|^\s+(?:entered|left)\s+care\b"
)
ORGANISATION_AFTER_POSSESSIVE = re.compile(
    r"^['’]s\s+(?:Trust|Foundation|Fund|Society|Charity|Hospital|Hospice|Centre|Service|Services|Team)\b"
)
TOWARDS = {"to", "across", "between", "for", "throughout", "outside", "within"}
# "the permanent care of Shannon", "an age assessment of Zabihullah": "of" after what belongs to a person.
OF_A_PERSON = {
    "care", "custody", "adoption", "wishes", "views", "welfare", "safety", "needs", "voice", "behalf", "mother",
    "father", "parents", "carers", "guardian", "brother", "sister", "assessment",
}  # fmt: skip
# "approved – M. Lennox", "J. Smith": an initial with a full stop before a surname (not "Annex B. Leaders").
INITIAL_BEFORE = re.compile(r"(?<![\w.])(?P<letter>[A-Z])\.\s?$")
# "Annex B", "Plan A and B", "Vitamin D": a label before a capital letter, which is then no initial.
_LETTERS_LISTED = r"\s+(?:[A-Z],?\s+(?:and\s+|or\s+)?)*$"
LETTER_LABEL_BEFORE = re.compile(
    r"\b(?:annex|annexes|appendix|part|parts|plan|section|schedule|option|type|category|tier|level|table|figure"
    r"|grade|child|children|case|year|class|block|ward|unit|group|team|area|zone|site|wing|vitamin|hepatitis|stage"
    rf"|box|step|phase|model|route|letter){_LETTERS_LISTED}"
    # "Codes mainly O and G": a register's attendance codes.
    rf"|\b(?:codes?|marks?):?(?:\s+(?:mainly|mostly|usually|often|all))?{_LETTERS_LISTED}",
    re.IGNORECASE,
)
# "(Reg 24)", "Tier 2": a capitalised word followed by a number. (No "^": it is matched at an offset.)
LABEL_NUMBER_AFTER = re.compile(r"\s\d")
# "spoke to Kendal", "a letter to Chelsea": "to" before a person, not a place.
TO_A_PERSON = {
    "spoke", "speak", "speaks", "speaking", "talked", "talk", "talks", "talking", "wrote", "write", "writes",
    "letter", "listened", "listen", "listens", "explained", "introduced", "sent", "apologised", "married",
    "close", "attached", "related", "belongs", "belonged", "given", "gave", "said", "says", "read",
}  # fmt: skip
# Stricter than AGE_AFTER, which also reads "(2023)" as an age: "Devon, aged 12", "Chelsea is 16."
PLACE_NAME_AGE = re.compile(
    rf"^\s*(?:,\s*)?(?:aged\s+(?:\d{{1,2}}\b|{NUMBER_WORD}\b)|\(\s*(?:aged\s*)?\d{{1,2}}\s*\)"
    r"|(?:a|an)\s+\d{1,2}-year-old|\d{1,2}\s*,|who\s+is\s+(?:now\s+)?\d{1,2}\b"
    r"|is\s+(?:now\s+)?\d{1,2}(?:\s+years?\s+old)?\s*[.,;)])",
    re.IGNORECASE,
)
# "Devon's mum", "Kai's older brother", "noted Chelsea's low mood": a relative, or what only a person has.
RELATIVE_POSSESSIVE = re.compile(
    r"^['’]s\s+(?:(?:birth|foster|step|older|younger|little|big|baby|twin|half)[\s-])?"
    r"(?:mother|mum|father|dad|brother|sister|nan|nana|gran|grandmother|grandfather|grandparents|aunt|auntie"
    r"|uncle|baby|son|daughter|partner|boyfriend|girlfriend|parents|carer|social worker|school|teacher"
    # "Jordan's family are from Goole", "Chelsea and Jordan's relationship": a person's.
    r"|family(?!\s+(?:support|hubs?|services?|centres?|court|group|help|network|team))|relationship|childhood"
    r"|pregnancy|ex-partner|ex)\b"
    r"|^['’]s\s+(?:(?:low|own|poor|mental)\s+)?(?:mood|mental health|wellbeing|feelings|wishes|views|behaviour"
    r"|birthday|bedroom|anxiety|depression|drinking|drug use|parenting"
    # "Devon's birth certificate and passport are held at the office": a person's own papers.
    r"|birth certificate|passport|bank account|tenancy|benefits|medication)\b"
)
# "who lives in Layton", "placed in Shelley": where someone lives is a place, though its name is a given name.
LIVES_IN_BEFORE = re.compile(
    r"\b(?:lives?|living|lived|placed|moved|settled|based|born|grew up|resides?|residing)\s+(?:in|near)\s+$"
)
# "a village near Adi Quala", "the town of Sheffield", "a camp outside Calais": a place's kind names a place.
PLACE_KIND_BEFORE = re.compile(
    r"\b(?:village|town|city|camp|region|province|district|county|country|island)\s+"
    r"(?:near|outside|of|called|named|in)\s+$",
    re.IGNORECASE,
)
# "staying contact with Chelsea", "lives with Jordan": a place is not lived or stayed with.
LIVES_WITH_BEFORE = re.compile(r"\b(?:contact|lives|lived|living|stays|stayed|staying)\s+with\s+$")
# "Jordan's the best PA I've had", "India's a lovely girl": a contracted "is" before a person's role.
IS_A_ROLE = re.compile(
    r"^['’]s\s+(?:the|a|an|my|our|her|his|your)\s+(?:[a-z]+\s+){0,2}(?:PA|SW|IRO|"
    + "|".join(sorted(KIN_AND_ROLE - {"named", "called", "lead", "kinship"}, key=len, reverse=True))
    + r")\b"
)
LOWER_TITLES = {"mr", "mrs", "ms", "dr"}
# Police ranks and "miss" typed in lower case ("pc hughes", "miss kowalski"): a title only before a known name,
# since "the pc crashed", "ds checklist" and "miss school" are not people.
LOWER_RANKS = {"pc", "dc", "ds", "di", "dci", "ps", "pcso", "sgt", "insp", "cllr", "miss"}
# A prison or young offender institution is named after its place: "HMP Haverigg", "HMYOI Wetherby".
PRISON_TITLES = ("HMP", "HMYOI", "HMPYOI", "YOI")
SHOUTED_TITLES = {"MR", "MRS", "MS", "MISS", "DR"}
# "Steph (TM)", "Karen Lowe (SW)": a role's initials in brackets after a word make it a person's name.
ROLE_IN_BRACKETS = re.compile(r"^\s*\((?:" + "|".join(sorted(ROLE_ABBREVIATIONS)) + r")\)")
# "Worker: Chidi", "Chair – Pauline Reeves": a role heading a line of minutes or a form, then a name.
ROLE_LABEL_BEFORE = re.compile(
    r"\b(?:name|worker|manager|chair|taker|referrer|author|contact|practitioner|supervisor|adviser|advisor|carer"
    r"|teacher|nurse|officer|iro|sw|tm|from)\s*[:–—-]\s*$",
    re.IGNORECASE,
)
FUNCTION_WORDS = {"and", "or", "the", "a", "an", "of", "to", "in", "with", "for"}
# A word this rare in English (Zipf scale) and capitalised mid-sentence is flagged as a possible name.
UNKNOWN_WORD_ZIPF = 2.5
# A surname after a place-given-name ("Jordan Mellor", "India Hughes") is rarer than this as an English word;
# "Valley", "House", "Hall" and "Street" are not.
SURNAME_WORD_ZIPF = 4.0
# A word in brackets after a kinship word ("Dad (Ste)", "dads (gav)") is a short name when rarer than this;
# "deceased" (3.96) is not.
SHORT_NAME_ZIPF = 3.5
UNKNOWN_WORD_SCORE = 0.6
PLACE_PREPOSITIONS = {"of", "at", "in", "from", "near", "into", "around"}
# The kinds of place a comma and its area follow: "children's home, Armley", "Roundhay School, Leeds".
SETTING_BEFORE_AREA = {
    "home", "school", "academy", "college", "centre", "unit", "hospital", "house", "hostel", "hotel", "station",
    "estate", "office", "court", "hub", "nursery", "surgery", "practice",
}  # fmt: skip
CLAUSE_ENDS = re.compile(r"\s*(?:[.;:)\n]|$)")
# Where someone lives or comes from: an age after the place may be the person's, not the place's.
ORIGIN_PREPOSITIONS = PLACE_PREPOSITIONS - {"at"}
MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"}  # fmt: skip
# A day of the week cut short, as a diary heads its entries ("Thu 6 March:"); "Thu" is also a given name.
WEEKDAYS_SHORT = {"Mon", "Tue", "Tues", "Wed", "Weds", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun"}
# "the Will", "an Amber rating", "rated Amber": a word after these is a thing, not a person.
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "every", "each", "any", "no", "rated", "as"}
AFTER_A_NAME = FOLLOWING_VERBS | AGENTIVE_VERBS | {
    "and", "or", "who", "whose", "with", "to", "at", "in", "for", "on", "from", "about", "also", "then", "now",
    "still", "will", "would", "could", "can", "did", "does", "were", "are", "have", "had", "may", "might", "should",
    "until", "before", "after", "again", "today", "tomorrow", "alone", "every", "once", "twice",
    # Typed with or without the apostrophe in a hurried note: "kaya wouldnt say where she'd been".
    "didn't", "didnt", "doesn't", "doesnt", "don't", "dont", "won't", "wont", "wouldn't", "wouldnt", "can't",
    "cant", "couldn't", "couldnt", "isn't", "isnt", "wasn't", "wasnt", "hasn't", "hasnt", "hadn't", "hadnt",
}  # fmt: skip
# "Wolverton children's services", "Corby Council": a local authority's name. Not across a line's end: in
# "Carer: Mrs Okonjo\nLocal authority: Calderdale" the next line is a label.
AUTHORITY_AFTER = re.compile(
    r"[^\S\n]+(?:(?:City|County|Borough|District|Metropolitan)\s+)*(?:Council|council|[Cc]hildren['’]s [Ss]ervices"
    r"|[Ll]ocal [Aa]uthority)\b"
)
# "Down's syndrome", "Prader-Willi syndrome", "Duchenne muscular dystrophy": a condition named after its
# describer, not a person in the case.
CONDITION_AFTER = re.compile(
    r"(?:['’]s?)?(?:\s+[A-Z][a-z]+)?\s+(?:syndrome|disease|muscular dystrophy|dystrophy|palsy|sarcoma|lymphoma)\b"
)
# A medicine by its dose ("Stiripentol 500 mg", "Movicol one sachet daily") or a product by what it is ("her Tobii
# eye-gaze device", "Leckey bath seat", "via Flocare pump"): a brand, not a person; a team by its place.
NAMED_THING_AFTER = re.compile(
    r"\s+(?:\d+(?:\.\d+)?\s*(?:mg|ml|mcg|micrograms?|milligrams?|g|units?|puffs?|drops?|tablets?|sachets?)\b"
    r"|(?:one|two|half|a)\s+(?:sachets?|tablets?|puffs?|spoonfuls?|drops?|capsules?)\b"
    # Not across a verb's "to" or a modal: "ade to chair at 2", "Sam will seat them".
    r"|(?:(?!(?:to|will|can|should|must|would|could|may|might|and|or|the|a|an)\b)[a-z]+(?:-[a-z]+)?\s+)?"
    r"(?:device|chair|seat|hoist|sling|pump|trike|tricycle|wheelchair|frame|splints?"
    r"|inhaler|spacer|mattress|buggy|pushchair|app|software|headphones|formula|cream|syrup|spray|patch|injection"
    r"|tablets|capsules)\b"
    # "open to Harehills CIN team", "the Kirkstall locality office": a place by the team or office named after it.
    r"|(?:(?:[A-Z]{2,5}|early help|social work|[a-z]+)\s+)?(?:team|teams|hub|office|locality)\b)"
)
# "the Bethel church", "Al-Noor mosque": a place of worship named before its kind.
WORSHIP_AFTER = re.compile(rf"\s+(?i:{'|'.join(WORSHIP_KINDS)})\b")
# "Dear Grace," / "Dear Jordan": the word a letter or an e-mail greets is a person.
SALUTATION_BEFORE = re.compile(r"(?:^|\n)\s*Dear\s+$")
# "hi sue its tracey, just to let u know": a message greets its reader and names its writer, in lower case too.
# A message may open after its speaker's label ("Gemma 10:02: hiya dion, …").
GREETING_BEFORE = re.compile(
    r"(?:^|\n|[.!?:]\s)\s*(?:hi|hiya|hello|hey|morning|afternoon|evening|dear|thanks|thank\s+you|cheers)\s+$",
    re.IGNORECASE,
)
SELF_NAMED_BEFORE = re.compile(r"(?:^|[\s,.!?])(?:it['’]?s|this\s+is)\s+$", re.IGNORECASE)
# After the name: punctuation or the line's end ("morning will be spent …" greets no one).
NAME_ENDS_GREETING = re.compile(r"^\s*(?:[,!]|$|\n|\s+here\b)")
# A line of a pasted message log: "[21:14] Tee: where u at", "12/05/2024, 21:14 - Demi: …"; the speaker
# before the colon is a person.
MESSAGE_SPEAKER_BEFORE = re.compile(
    r"(?:^|\n)[^\n]{0,24}?\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s?[AaPp][Mm])?\]?\s*(?:[-–]\s*)?$"
)
MESSAGE_SPEAKER_AFTER = re.compile(r"^(?:\s[A-Z][a-z'’-]+)?:\s")
LOWER_SPEAKER_AFTER = re.compile(r"(?:\s[a-z][a-z'’-]+)?:\s")
# "someone called 'tank'", "a lad known as 'dex'", "a friend called poppy": the word after it is a person's name
# or nickname; not "an app called 'snapchat'".
PERSON_CALLED_BEFORE = re.compile(
    r"\b(?:someone|somebody|(?:a|an|the|some|this|older|his|her|their)\s+(?:man|men|lad|lads|boy|girl|woman|guy|bloke|fella"
    r"|male|female|friend|mate|person|boyfriend|girlfriend|partner))\s+(?:called|named|known\s+as|nicknamed)\s+"
    r"(?P<quote>['‘\"“])?$"
)
QUOTED_NAME_AFTER = re.compile(r"['’\"”](?!\w)")
POSTCODE_AFTER = re.compile(r",?\s*" + POSTCODE.pattern)
MOTION_VERBS = {"arrived", "moved", "returned", "went", "ran", "came", "left", "absconded"}
JOINS = {",", "and", ", and", "&"}
# Quotes around nicknames in a list: "known as 'Snowy' and 'J-Dog'".
QUOTES = "'\"‘’“”"
# "ollie seen at home", "kyle taken to A&E": a note's clause with its verb cut to the participle.
IRREGULAR_PARTICIPLES = {"seen", "taken", "given", "told", "found", "brought", "kept", "left", "sent", "met"}
# "uses the surname Mellor at school", "née Kowalska": the word names what follows as a name.
NAME_NOUNS = {"surname", "surnames", "forename", "forenames", "née", "nee"}
# "his name was 'Ghost'", "jas's surname is akhtar-bell", "my real name's Dean": a person's name said to be
# the word after it (not "the school's name was …", whose name is a setting's).
# "my best mate is aleesha", "my social worker is called priti": someone's relation or role, then who they are.
KIN_IS_BEFORE = re.compile(
    r"\b(?:my|his|her|their|your|our)\s+(?:[a-z]+\s+){0,2}?(?P<kin>[a-z-]+)\s+is\s+(?:called\s+)?$"
)
NAME_SAID_BEFORE = re.compile(
    r"(?:(?:\b(?:his|her|their|my|your|whose)\s+(?:(?:first|real|full|given|last|street)\s+)?(?:sur|fore|nick)?name"
    r"|['’]s\s+(?:(?:first|real|full|given|last|street)\s+name|(?:sur|fore|nick)name))"
    r"(?:\s+(?:is|was)|['’]s)"
    # "Rob calls her Tee", "everyone calls me Reecey", "she calls herself 'Ghost'".
    r"|\b(?:call|calls|called|calling)\s+(?:her|him|them|me|herself|himself|themselves|myself))"
    r"\s+(?P<quote>['‘\"“])?$",
    re.IGNORECASE,
)
# A log's entry for someone, after the name at the start of its line: "leighton - good day".
ENTRY_DASH_AFTER = re.compile(r"[^\S\n]+[-–][^\S\n]+")
# "settled on Kestrel unit", "moved to Oak ward": a lower-case setting noun after a name makes it the setting's.
SETTING_NOUNS = {"unit", "ward", "wing", "house", "lodge", "block", "suite", "class", "room", "group"}
