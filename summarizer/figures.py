"""Figures on which sources disagree: the "Where sources differ" section of a briefing.

Every sentence is cut once into tokens.  Each figure in it (a count of people killed, injured,
displaced ...; a distance between two places; an ordinal rank such as "Syria's second-largest
city"; a population; an age; a percentage or an amount of money with the entity it belongs to)
is tied to *what it quantifies* and turned into an interval in a canonical unit:

* a strict **key**: everything that must be equal for two figures to be about the same thing
  (kind of quantity, group counted, historical year, the two places of a distance, the entity
  and reference class of a rank, the person of an age ...);
* **loose dimensions** (for a count: place, venue, day or cumulative scope, month, kind of
  event): figures whose values in one dimension are both named and differ are about different
  things; a figure that names none is compared with the others only when a single value is
  named for that key (when several are, it could be about any of them and is left out);
* an **interval** ``[lo, hi]``: "at least 727" is [727, inf), "about 70 miles" is 70 mi +-10 %
  in km, "tens of thousands" is [10,000, 100,000), a round "110km" allows for rounding.

Figures are grouped by key (never compared pairwise across the input), and a disagreement is
reported only when two *different sources* give intervals that do not overlap.  When in doubt a
figure is dropped: a false disagreement misleads a reader more than a missed one.

Pure Python and ``re``; every pattern is linear, the work is linear in the input size.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Sequence

from .models import Disagreement, FigureClaim, Sentence

__all__ = ["Figure", "extract_figures", "find_disagreements"]

INF = math.inf

# --------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------

_TOKEN_RE = re.compile(
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 280,000  1,234.5
    r"|\d+(?:\.\d+)?"  # 727  1.5
    r"|[^\W\d_]+(?:['\u2019][^\W\d_]+)*"  # words, with Syria's / Syria’s
    r"|\S"  # any other single character
)

# Cheap test: a sentence without a digit or one of these words holds no figure we read.
_DIGIT = re.compile(r"[0-9]")
_PREFILTER_WORDS = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|hundred|thousand|million|billion|trillion|dozen|scores|largest|biggest"
    r"|populous|populated|busiest|tallest|oldest|richest|wealthiest|poorest|smallest|longest"
    r"|highest)"
)


def _may_hold_figures(text: str) -> bool:
    return bool(_DIGIT.search(text) or _PREFILTER_WORDS.search(text.lower()))


def _words(text: str) -> set[str]:
    return set(text.split())


_SMALL = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * (i + 2) for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_MONEY_ABBREV = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}

# Vague amounts: (lo, hi); an excluded upper end loses a hair (more than the overlap test's
# tolerance, so "tens of thousands" and "hundreds of thousands" do not touch).
_BELOW = 1 - 1e-6
_VAGUE_ONE = {
    "dozens": (24.0, 100.0 * _BELOW),
    "scores": (40.0, 100.0 * _BELOW),
    "hundreds": (100.0, 1000.0 * _BELOW),
    "thousands": (1000.0, INF),  # so vague it is compatible with any count >= 1,000
    "millions": (1e6, INF),
    "billions": (1e9, INF),
}
_VAGUE_SCALE = {"thousands": 1e3, "millions": 1e6, "billions": 1e9}
_VAGUE_UNIT = {"dozen": 12.0, "hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9}
_NUMBER_STARTS = set(_SMALL) | set(_TENS) | set(_VAGUE_ONE) | {"tens", "several", "a", "an",
                                                               "half"}

_QUALIFIER_MODES = {
    "at least": "min", "no fewer than": "min", "no less than": "min", "not less than": "min",
    "more than": "min", "over": "min", "upwards of": "min", "in excess of": "min",
    "above": "min", "exceeding": "min", "well over": "min", "well above": "min",
    "beyond": "min", "just over": "just_over", "just above": "just_over",
    "slightly more than": "just_over", "a little over": "just_over", "slightly over": "just_over",
    "just more than": "just_over", "about": "about", "around": "about", "approximately": "about",
    "roughly": "about", "some": "about", "an estimated": "about", "estimated": "about",
    "approx": "about", "circa": "about", "nearly": "nearly", "almost": "nearly",
    "close to": "nearly", "just under": "nearly", "just below": "nearly",
    "just shy of": "nearly", "approaching": "nearly", "just short of": "nearly",
    "up to": "max", "at most": "max", "no more than": "max", "not more than": "max",
    "fewer than": "max", "less than": "max", "under": "max", "below": "max",
    "as many as": "max", "as much as": "max",
}
# Indexed by last word, longest phrases first.
_QUALIFIERS: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
for _phrase, _mode in sorted(_QUALIFIER_MODES.items(), key=lambda kv: -len(kv[0].split())):
    _QUALIFIERS[_phrase.split()[-1]].append((tuple(_phrase.split()), _mode))
_QUALIFIER_FIRST = {p.split()[0] for p in _QUALIFIER_MODES}

_DISTANCE_UNITS = {
    "km": 1.0, "kms": 1.0, "kilometre": 1.0, "kilometres": 1.0, "kilometer": 1.0,
    "kilometers": 1.0, "mile": 1.609344, "miles": 1.609344, "mi": 1.609344,
    "metre": 0.001, "metres": 0.001, "meter": 0.001, "meters": 0.001,
    "feet": 0.0003048, "foot": 0.0003048, "ft": 0.0003048,
}
_SPEED_UNITS = _words("mph kph kmh kmph knots")
_CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR"}
_CURRENCY_PREFIX = {"us": "USD", "a": "AUD", "au": "AUD", "c": "CAD", "ca": "CAD", "hk": "HKD",
                    "nz": "NZD", "s": "SGD"}
_CURRENCY_WORDS = {"dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR",
                   "yuan": "CNY", "renminbi": "CNY", "yen": "JPY", "rupees": "INR",
                   "roubles": "RUB", "rubles": "RUB", "lira": "TRY", "liras": "TRY",
                   "francs": "CHF", "pesos": "MXN", "shekels": "ILS", "naira": "NGN",
                   "riyals": "SAR", "dirhams": "AED"}
_TIME_UNITS = _words(
    "second seconds minute minutes min mins hour hours hr hrs day days week weeks month months "
    "year years yr yrs decade decades century centuries night nights weekend weekends term terms "
    "round rounds")
_OTHER_UNITS = _words(
    "kg kilograms kilogrammes kilogram grams tonnes tons tonne ton pounds lbs lb ounces oz "
    "litres liters litre liter gallons barrels bpd acres hectares ha square sq degrees ° cm mm "
    "inches inch km2 megawatts mw gw kw kwh mwh gwh calories points times fold storey storeys "
    "floors seats votes gb mb tb pixels magnitude gmt utc bce bc")

_MONTHS = _words("january february march april may june july august september october "
                 "november december jan feb mar apr jun jul aug sep sept oct nov dec")
_MONTH_NAMES = {m[:3]: m for m in _words("january february march april may june july august "
                                           "september october november december")}
_WEEKDAYS = _words("monday tuesday wednesday thursday friday saturday sunday")

# Capitalised words that are not names (sentence starters, titles, calendar words, common
# nouns that open sentences).
_NOT_NAME = _words("""
the a an in on at to of for from by with and but or nor so yet as if when while after before
since during until though although because however meanwhile moreover furthermore also still
even just only now then there here this that these those it its he she they we i you his her
their our my your who what which where why how some many more most much other another both all
each every no not any few several according despite without within among amid amidst against
about over under around nearly almost approximately roughly up down out into onto upon through
throughout across behind beyond near toward towards via per than like unlike once twice again
already yesterday today tonight tomorrow last next first earlier later recently overall mr mrs
ms dr sir president prime minister gen general col lt sgt capt king queen prince princess pope
sheikh secretary chief leader commander spokesman spokeswoman spokesperson deputy senator sen
rep gov governor mayor ambassador envoy judge professor prof st saint breaking update updates
live watch read photo video image quick looks deep look key yes please note editor editors
thus hence indeed instead whether whose whom such well very too either neither perhaps maybe
nevertheless nonetheless otherwise anyway besides likewise similarly contrastingly
additionally notably finally ultimately experts officials police rebels residents analysts
researchers scientists doctors witnesses authorities critics supporters troops soldiers forces
investigators prosecutors lawmakers diplomats sources reports people civilians insurgents
fighters militants protesters families survivors victims hundreds thousands dozens millions
tens scores one two three four five six seven eight nine ten eleven twelve twenty thirty forty
fifty hundred thousand million billion half
""") | _MONTHS | _WEEKDAYS
_NAME_PARTICLES = _words("al el bin ibn de da del der van von la le du dos das ben")
_DIRECTIONS = _words("north south east west northeast northwest southeast southwest northern "
                     "southern eastern western central northeastern northwestern southeastern "
                     "southwestern northward southward eastward westward -")
_GEO_NOUNS = _words("province city region state county district governorate area town village "
                    "strip valley prefecture oblast camp countryside suburbs suburb border coast "
                    "island islands capital neighbourhood neighborhood peninsula")
_DEMONYM_ENDINGS = ("ian", "ean", "ese", "ish", "ic", "i", "ch", "an")

# Function words: never a head noun, never a group noun.
_STOP = _words("""
the a an of in on at to for from by with and or but that which who whom whose is was were are
be been being has have had will would could should may might can must its their his her this
these those as than since after before over under per into during while when it they he she we
said says according about around some more less most also not no up down out new last next each
every all both including among amid so if then there here now just only even still already yet
do did does such other others many much several across against through toward towards between
within without upon onto via like near far i you our my your them him us me what where why how
one
""")

# People counted in casualty figures.
_PERSON_NOUNS = _words("""
civilians children kids minors women men soldiers troops servicemen servicemembers fighters
militants combatants rebels insurgents gunmen jihadists militiamen police policemen officers
journalists reporters workers students pupils schoolchildren migrants refugees patients doctors
nurses medics staff prisoners inmates detainees hostages captives passengers crew sailors pilots
members protesters protestors demonstrators victims tourists pilgrims worshippers miners
firefighters guards officials personnel employees teachers farmers fishermen villagers infants
babies adults elderly voters supporters citizens nationals settlers spectators fans athletes
players climbers hikers survivors suspects peacekeepers contractors volunteers rescuers evacuees
foreigners residents inhabitants individuals persons people bandsmen girls boys
soldier civilian child woman man person fighter officer journalist worker student migrant refugee
patient prisoner inmate detainee hostage passenger member protester victim tourist miner
firefighter guard official employee teacher resident individual militant rebel insurgent gunman
infant baby adult suspect citizen girl boy sailor pilot crewman policeman
""")
_IRREGULAR_PLURAL = {"child": "children", "woman": "women", "man": "men", "person": "people",
                     "gunman": "gunmen", "fisherman": "fishermen", "policeman": "policemen",
                     "baby": "babies", "militiaman": "militiamen", "serviceman": "servicemen",
                     "crewman": "crewmen", "bandsman": "bandsmen"}
_UNCOUNTED_PLURALS = _words("police staff crew personnel elderly people")
_GENERIC_PEOPLE = _words("people persons person individuals individual residents resident "
                         "inhabitants lives others other")

# Words that tie a count to what happened to the people counted.
_CUES: dict[str, str] = {}
for _kind, _ws in {
    "killed": "killed kill kills killing dead death deaths died die dies dying fatalities "
              "fatality fatally slain massacred perished murdered executed drowned",
    "injured": "injured injuring injure injures injuries wounded wounding wound wounds hurt "
               "hospitalised hospitalized",
    "displaced": "displaced displacing displacement fled flee fleeing flees uprooted homeless",
    "evacuated": "evacuated evacuate evacuating evacuation evacuees",
    "missing": "missing unaccounted",
    "arrested": "arrested arrest arrests arresting detained detaining",
    "freed": "freed freeing frees released releasing liberated",
    "rescued": "rescued rescuing",
    "hostage": "hostage hostages kidnapped abducted abducting kidnapping abductions",
}.items():
    for _w in _ws.split():
        _CUES[_w] = _kind
# A count followed directly by one of these nouns is of that kind whatever the verb.
_NOUN_KINDS = {"deaths": "killed", "dead": "killed", "fatalities": "killed",
               "injuries": "injured", "wounded": "injured", "injured": "injured"}
_KIND_LABEL = {"killed": "killed", "injured": "injured", "displaced": "displaced",
               "evacuated": "evacuated", "missing": "missing", "arrested": "arrested",
               "freed": "freed", "rescued": "rescued", "hostage": "taken hostage",
               "ordered": "ordered to leave"}
_ORDER_WORDS = _words("ordered told urged advised asked forced")

_AUXILIARIES = _words("were was are is been be being have has had reportedly also later since "
                      "confirmed reported now believed feared thought to will would may might "
                      "known listed still remain remained")
_SUBSET_WORDS = _words("including among incl")
_INCREMENT_WORDS = _words("more additional further extra new fresh")
_DROP_BEFORE = _words("initially initial preliminary previously previous earlier original "
                      "originally another further additional extra first")
_HYPOTHETICAL = _words("if unless whether")
_MODALS = _words("could might would")
_REPORT_VERBS = _words("said says told reported announced added stated confirmed claimed "
                       "estimated predicted forecast noted according")
_SPAN_WORDS = _words("since total altogether overall toll cumulative")

# Kinds of events: a toll of the storm and a toll of the riots are different tolls.
_EVENT_CLASSES: dict[str, str] = {}
for _cls, _ws in {
    "violence": "attack attacks attacked assault raid raids strike strikes airstrike airstrikes "
                "bomb bombs bombing bombings bomber bombers explosion explosions blast blasts "
                "shelling shooting shootings gunfire gunman gunmen ambush massacre rampage "
                "offensive fighting clashes clash violence battle battles siege insurgency "
                "uprising crackdown hostilities bombardment shot stabbing",
    "unrest": "riot riots rioting protest protests demonstration demonstrations unrest stampede",
    "storm": "storm storms hurricane typhoon cyclone tornado tornadoes twister twisters "
             "thunderstorm thunderstorms blizzard",
    "flood": "flood floods flooding floodwaters landslide landslides mudslide mudslides",
    "quake": "earthquake earthquakes quake quakes tremor tremors aftershock aftershocks tsunami",
    "fire": "fire fires blaze blazes wildfire wildfires inferno",
    "crash": "crash crashes crashed collision derailment derailed accident sank sinking capsized "
             "shipwreck",
    "collapse": "collapse collapsed collapses",
    "disease": "epidemic disease virus cholera infection infections pandemic",
}.items():
    for _w in _ws.split():
        _EVENT_CLASSES[_w] = _cls
_VENUES = _words("""
car cars vehicle vehicles bus buses train trains plane aircraft boat boats ship ferry bridge
school schools building buildings house houses apartment apartments hospital mall market
marketplace church mosque temple synagogue factory mine hotel restaurant bar nightclub club
stadium prison jail trailer trailers office offices station airport embassy concert festival
highway road street checkpoint barracks hostel dormitory shop store supermarket theater theatre
cinema university campus tunnel parade rally wedding funeral
""")
_VENUE_PREPS = _words("at on in inside outside near aboard")

_SIZE_SUPERLATIVES = _words("largest biggest")
_OTHER_SUPERLATIVES = _words("busiest tallest oldest richest wealthiest poorest smallest "
                             "longest highest youngest deepest")
_MOST_ADJECTIVES = _words("populous populated visited powerful important valuable")
_ORDINALS = {w: i + 1 for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
    .split())}
_COPULAS = _words(", is was remains remained became become becomes has had been now still "
                  "also which as")

_WINDOW = 40  # tokens either side of a figure that are read for its context
_MAX_NAME = 8  # tokens in a name

_CLAUSE_BREAKS = {";", ":", "(", ")", "[", "]", "—", "•", "|"}
_POPULATION_PLACES = _words("city town village country nation metropolis region province state "
                            "island area enclave territory district municipality capital county "
                            "governorate camp")
_SUBJECT_LINKS = _words(", is was lies lie sits sit located situated stands lay are were has had "
                        "which remains")
_MONEY_VERBS = {
    "pay": "payment", "paid": "payment", "pays": "payment", "paying": "payment",
    "raise": "amount raised", "raised": "amount raised", "raising": "amount raised",
    "fined": "fine", "spend": "spending", "spent": "spending",
    "lost": "losses", "lose": "losses", "invest": "investment", "invested": "investment",
    "investing": "investment", "donated": "donation", "donate": "donation",
    "pledged": "pledge", "pledge": "pledge", "pledging": "pledge", "earned": "earnings",
    "earn": "earnings", "earns": "earnings", "owes": "debt", "owed": "debt", "owe": "debt",
    "stole": "amount stolen", "stolen": "amount stolen", "seized": "amount seized",
    "awarded": "award", "allocated": "allocation", "bought": "price", "buy": "price",
    "acquire": "price", "acquired": "price", "sold": "price", "sell": "price",
    "cost": "cost", "costs": "cost", "costing": "cost",
}
_MONEY_LINKS = _words("of worth at totaling totalling totaled totalled is was were are reached "
                      "hit estimated valued put")
_PERCENT_LINKS = _words("was is at of to reached stood hit a an the by stands rose fell climbed "
                        "jumped dropped increased decreased were")


# --------------------------------------------------------------------------------------------
# Data
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """One figure of one sentence, tied to what it quantifies."""

    key: tuple  # what must be equal for two figures to be about the same thing
    topic: str  # readable noun phrase for the key
    lo: float  # the interval the figure allows, in the key's canonical unit
    hi: float
    value: str  # as written, e.g. "at least 727", "about 70 miles", "second-largest"
    source: int
    order: int  # position in the input (sentence index * 100000 + token), for stable order
    # Loose attributes, one per dimension (a count's place, venue, day, month, event): the
    # normalised value, "" when the sentence names none.
    loose: tuple[str, ...] = ()
    loose_label: tuple[str, ...] = ()  # how a topic names each ("in Aleppo", "on Monday")
    banded: bool = False  # counts: values an order of magnitude apart are different things
    band_gap: float = 0.0  # ages: values further apart than this are different moments


@dataclass
class _Sent:
    text: str
    toks: list
    low: list
    st: list
    en: list
    clo: list  # first token of each token's clause
    chi: list  # token after each token's clause
    source: int
    index: int


@dataclass
class _Mention:
    start: int  # first token, qualifier and currency included
    num: int  # first token of the number itself
    end: int  # token after the number and its unit
    core_end: int  # token after the number (before any unit)
    lo: float
    hi: float
    center: float
    ulp: float
    round: bool  # trailing zeros or a scale word: the writer rounded
    vague: bool
    mode: str  # qualifier: "", "min", "max", "about", "nearly", "just_over"
    # "", "distance", "speed", "percent", "money", "age", "time", "other", "year", "date", "ident"
    unit: str
    factor: float = 1.0
    currency: str = ""
    digits: bool = False  # written with digits


# --------------------------------------------------------------------------------------------
# Tokens and names
# --------------------------------------------------------------------------------------------


def _tokenize(text: str, source: int, index: int) -> _Sent:
    toks, st, en = [], [], []
    for m in _TOKEN_RE.finditer(text):
        toks.append(m.group())
        st.append(m.start())
        en.append(m.end())
    low = [t.lower().replace("\u2019", "'") for t in toks]
    n = len(toks)
    breaks = []
    for i, t in enumerate(toks):
        if t in _CLAUSE_BREAKS or (
                t in ("-", "–", "_") and 0 < i < n - 1 and st[i] > en[i - 1]
                and st[i + 1] > en[i]
                and not (toks[i - 1][0].isdigit() and toks[i + 1][0].isdigit())):
            breaks.append(i)
    clo, chi = [0] * n, [n] * n
    start = 0
    for b in breaks + [n]:
        for k in range(start, b):
            clo[k], chi[k] = start, b
        if b < n:
            clo[b], chi[b] = b, b + 1
        start = b + 1
    return _Sent(text, toks, low, st, en, clo, chi, source, index)


def _adjacent(s: _Sent, a: int, b: int) -> bool:
    return s.en[a] == s.st[b]


def _is_poss(s: _Sent, k: int) -> bool:
    return s.low[k].endswith("'s") and len(s.low[k]) > 2


def _base(word: str) -> str:
    """A word without its possessive ending."""
    return word[:-2] if word.endswith("'s") else word


def _is_cap(s: _Sent, k: int) -> bool:
    t = s.toks[k]
    return t[0].isalpha() and t[0].isupper() and _base(s.low[k]) not in _NOT_NAME


def _name_back(s: _Sent, k: int, lo: int) -> tuple[int, int] | None:
    """The capitalised name whose last token is ``k``: (start, end) or None."""
    if k < lo or not _is_cap(s, k):
        return None
    a = k
    lo = max(lo, k - _MAX_NAME)
    while a - 1 >= lo:
        p = a - 1
        if _is_cap(s, p) and not _is_poss(s, p):
            a = p
        elif (s.toks[p] == "-" and p - 1 >= lo and _adjacent(s, p, a) and _adjacent(s, p - 1, p)
              and (s.low[p - 1] in _NAME_PARTICLES or _is_cap(s, p - 1))):
            a = p - 1
        elif s.low[p] in _NAME_PARTICLES and p - 1 >= lo and _is_cap(s, p - 1):
            a = p
        else:
            break
    while a < k and not _is_cap(s, a):  # never start on a particle
        a += 1
    return a, k + 1


def _name_fwd(s: _Sent, k: int, hi: int) -> tuple[int, int] | None:
    """The capitalised name whose first token is ``k``: (start, end) or None."""
    if k >= hi or not _is_cap(s, k):
        return None
    b = k + 1
    if _is_poss(s, k):
        return k, b
    hi = min(hi, k + _MAX_NAME)
    while b < hi:
        if _is_cap(s, b):
            b += 1
            if _is_poss(s, b - 1):
                break
        elif (s.toks[b] == "-" and b + 1 < hi and _adjacent(s, b - 1, b) and _adjacent(s, b, b + 1)
              and _is_cap(s, b + 1)):
            b += 2
        elif s.low[b] in _NAME_PARTICLES and b + 1 < hi and (
                _is_cap(s, b + 1) or (s.toks[b + 1] == "-" and b + 2 < hi and _is_cap(s, b + 2))):
            b += 1
        else:
            break
    return k, b


def _display(s: _Sent, a: int, b: int) -> str:
    text = s.text[s.st[a]:s.en[b - 1]].replace("\u2019", "'")
    if text.endswith("'s"):
        text = text[:-2]
    return " ".join(text.split())


def _norm(name: str) -> str:
    name = name.lower().replace("\u2019", "'")
    if name.endswith("'s"):
        name = name[:-2]
    if name.startswith("the "):
        name = name[4:]
    return " ".join(name.replace(" - ", "-").split())


def _possessive(name: str) -> str:
    return name + ("'" if name.endswith("s") else "'s")


def _plural(noun: str) -> str:
    if noun in _IRREGULAR_PLURAL:
        return _IRREGULAR_PLURAL[noun]
    if noun in _IRREGULAR_PLURAL.values() or noun in _UNCOUNTED_PLURALS:
        return noun
    if noun.endswith("s") and not noun.endswith("ss"):
        return noun
    if noun.endswith("y") and len(noun) > 1 and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("s", "sh", "ch", "x", "z")):
        return noun + "es"
    return noun + "s"


def _singular(noun: str) -> str:
    for sing, plur in _IRREGULAR_PLURAL.items():
        if noun == plur:
            return sing
    if noun in _UNCOUNTED_PLURALS:
        return noun
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    if noun.endswith(("sses", "shes", "ches", "xes")):
        return noun[:-2]
    if noun.endswith("s") and not noun.endswith(("ss", "us", "is")) and len(noun) > 3:
        return noun[:-1]
    return noun


def _is_demonym(word: str) -> bool:
    return word.lower().endswith(_DEMONYM_ENDINGS)


# --------------------------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------------------------


def _trailing_zeros(n: float) -> int:
    n = int(round(n))
    if n == 0:
        return 0
    z = 0
    while n % 10 == 0:
        n //= 10
        z += 1
    return z


def _parse_core(s: _Sent, i: int):
    """A number starting at token i: (lo, hi, center, ulp, round, vague, end, digits) or None."""
    low, n = s.low, len(s.low)
    t = low[i]
    nxt = low[i + 1] if i + 1 < n else ""
    nxt2 = low[i + 2] if i + 2 < n else ""
    if t[0].isdigit():
        raw = t.replace(",", "")
        whole, _, fraction = raw.partition(".")
        if len(whole) > 15:
            return None  # not a figure anyone reads as an amount
        value = float(raw)
        decimals = len(fraction)
        j, scale = i + 1, 1.0
        if nxt in _SCALES:
            scale, j = _SCALES[nxt], i + 2
        center = value * scale
        zeros = 0 if decimals or value == 0 else len(whole) - len(whole.rstrip("0"))
        ulp = (10.0 ** -decimals if decimals else 10.0 ** zeros) * scale
        return center, center, center, ulp, scale > 1 or zeros > 0, False, j, True
    # Vague amounts.
    if t == "tens" and nxt == "of" and nxt2 in _VAGUE_SCALE:
        base = _VAGUE_SCALE[nxt2]
        return 10 * base, 100 * base * _BELOW, 30 * base, base, True, True, i + 3, False
    if t == "hundreds" and nxt == "of" and nxt2 in _VAGUE_SCALE:
        base = _VAGUE_SCALE[nxt2]
        return 100 * base, 1000 * base * _BELOW, 300 * base, base, True, True, i + 3, False
    if t in _VAGUE_ONE:
        lo, hi = _VAGUE_ONE[t]
        return lo, hi, lo, lo, True, True, i + 1, False
    if t == "several" and nxt in _VAGUE_UNIT:
        u = _VAGUE_UNIT[nxt]
        return 2 * u, 10 * u * _BELOW, 4 * u, u, True, True, i + 2, False
    if t == "a" and nxt == "few" and nxt2 in _VAGUE_UNIT:
        u = _VAGUE_UNIT[nxt2]
        return 2 * u, 5 * u, 3 * u, u, True, True, i + 3, False
    if t in ("a", "one") and nxt == "dozen":
        return 10.0, 14.0, 12.0, 1.0, True, True, i + 2, False
    if t == "half" and nxt == "a" and nxt2 in _VAGUE_UNIT:
        v = 0.5 * _VAGUE_UNIT[nxt2]
        return v, v, v, v, True, False, i + 3, False
    # Number words: "one million", "twenty-five", "a hundred", "two hundred and fifty".
    total, cur, last, j = 0.0, 0.0, "", i
    while j < n:
        w = low[j]
        if (w in _SMALL or w in _TENS) and last != "num":
            v = float(_SMALL.get(w, _TENS.get(w, 0)))
            if (w in _TENS and j + 2 < n and low[j + 1] == "-" and low[j + 2] in _SMALL
                    and _SMALL[low[j + 2]] < 10):
                v += _SMALL[low[j + 2]]
                j += 2
            cur += v
            last = "num"
            j += 1
        elif w == "hundred" and last in ("num", "a"):
            cur = (cur or 1.0) * 100
            last = "hundred"
            j += 1
        elif w in _SCALES and last in ("num", "hundred", "a"):
            total += (cur or 1.0) * _SCALES[w]
            cur = 0.0
            last = "scale"
            j += 1
        elif (w == "and" and last in ("hundred", "scale") and j + 1 < n
              and (low[j + 1] in _SMALL or low[j + 1] in _TENS)):
            last = "and"
            j += 1
        elif w in ("a", "an") and j == i and nxt in ("hundred", "thousand", "million", "billion"):
            cur, last = 1.0, "a"
            j += 1
        else:
            break
    if j == i or last in ("a", "and", ""):
        return None
    if last == "and":
        j -= 1
    value = total + cur
    if t == "one" and j == i + 1 and nxt not in _PERSON_NOUNS:
        return None  # "one" alone is mostly a pronoun ("one of", "no one")
    ulp = 10.0 ** _trailing_zeros(value)
    return value, value, value, ulp, ulp > 1, False, j, False


def _qualifier_before(s: _Sent, i: int) -> tuple[str, int]:
    """The qualifier ending just before token i: (mode, first token) or ("", i)."""
    if i == 0:
        return "", i
    for phrase, mode in _QUALIFIERS.get(s.low[i - 1], ()):
        k = len(phrase)
        if i - k >= 0 and tuple(s.low[i - k:i]) == phrase:
            if phrase == ("some",) and i - 2 >= 0 and s.low[i - 2] in ("for", "of"):
                continue
            return mode, i - k
    return "", i


def _is_year_token(t: str) -> bool:
    return len(t) == 4 and t.isdigit() and 1800 <= int(t) <= 2100


def _mention_at(s: _Sent, i: int) -> _Mention | None:
    core = _parse_core(s, i)
    if core is None:
        return None
    lo, hi, center, ulp, rounded, vague, j, digits = core
    low, n = s.low, len(s.low)
    # Ranges ("30 to 40", "30-40", "between 30 and 40", "30 or 40"), changes ("from 300 to
    # 500": the later figure counts) and scores ("voted 50 to 41": no figure).
    if j + 1 < n and low[j] in ("to", "-", "–", "and", "or") and (
            low[j + 1][0].isdigit() or low[j + 1] in _NUMBER_STARTS):
        between = i - 1 >= 0 and low[i - 1] == "between"
        if low[j] != "and" or between:
            core2 = _parse_core(s, j + 1)
            if core2 is not None and core2[7] == digits:
                lo2, hi2, c2, ulp2, r2, v2, j2, _ = core2
                if digits and _is_year_token(s.toks[i]) and _is_year_token(s.toks[j + 1]):
                    m = _finish(s, i, i, j2, lo, hi2, center, ulp, False, True, digits)
                    m.unit = "year"
                    return m
                if j2 - 1 > j + 1 and low[j2 - 1] in _SCALES and j == i + 1:
                    scale2 = _SCALES[low[j2 - 1]]
                    if lo * scale2 <= hi2:
                        lo, hi, center = lo * scale2, hi * scale2, center * scale2
                if i - 1 >= 0 and low[i - 1] == "from":
                    return _finish(s, j + 1, j + 1, j2, lo2, hi2, c2, ulp2, r2, v2, digits)
                if hi > lo2 and not (vague or v2):
                    m = _finish(s, i, i, j2, lo, hi2, center, ulp, False, False, digits)
                    m.unit = "other"  # "50 to 41": a score or a vote, not a range
                    return m
                return _finish(s, i, i, j2, min(lo, lo2), max(hi, hi2), (center + c2) / 2,
                               max(ulp, ulp2), True, True, digits)
    return _finish(s, i, i, j, lo, hi, center, ulp, rounded, vague, digits)


def _finish(s: _Sent, first: int, i: int, j: int, lo, hi, center, ulp, rounded, vague,
            digits) -> _Mention:
    """Attach currency, qualifier and unit to the number spanning tokens [first, j)."""
    low, toks, n = s.low, s.toks, len(s.low)
    currency, k = "", first
    if k - 1 >= 0 and toks[k - 1] in _CURRENCY_SYMBOLS:
        currency = _CURRENCY_SYMBOLS[toks[k - 1]]
        k -= 1
        if k - 1 >= 0 and _adjacent(s, k - 1, k) and low[k - 1] in _CURRENCY_PREFIX:
            if toks[k] == "$":
                currency = _CURRENCY_PREFIX[low[k - 1]]
            k -= 1
    mode, start = _qualifier_before(s, k)
    if first > 0 and low[first - 1] == "between":
        start = min(start, first - 1)
    m = _Mention(start, i, j, j, lo, hi, center, ulp, rounded, vague, mode, "",
                 currency=currency, digits=digits)
    u = j
    if u < n and toks[u] == "-" and u + 1 < n and _adjacent(s, u - 1, u):
        u += 1  # "40-km", "45-year-old"
    w = low[u] if u < n else ""
    w2 = low[u + 1] if u + 1 < n else ""
    w3 = low[u + 2] if u + 2 < n else ""
    if currency:
        if w in _MONEY_ABBREV and _adjacent(s, u - 1, u) and not vague:
            scale = _MONEY_ABBREV[w]
            m.lo, m.hi, m.center, m.ulp = lo * scale, hi * scale, center * scale, ulp * scale
            m.round = True
            u += 1
        m.unit, m.end = "money", max(u, j)
        return m
    if (w in _SPEED_UNITS or (w in ("km", "kilometres", "kilometers", "miles", "mile")
                              and (w2 == "/" or (w2 in ("per", "an") and w3 == "hour")))):
        m.unit = "speed"
        return m
    if w == "nautical" and w2 in ("miles", "mile"):
        m.unit, m.factor, m.end = "distance", 1.852, u + 2
        return m
    if w in _DISTANCE_UNITS:
        m.unit, m.factor, m.end = "distance", _DISTANCE_UNITS[w], u + 1
        return m
    if w == "m" and _adjacent(s, u - 1, u):
        m.unit, m.factor, m.end = "distance", 0.001, u + 1
        return m
    if w in ("%", "percent", "pct") or (w == "per" and w2 == "cent"):
        after = w3 if w == "per" else w2
        m.unit = "other" if after in ("point", "points") else "percent"
        m.end = u + (2 if w == "per" else 1)
        return m
    if w == "percentage":
        m.unit = "other"
        return m
    if w in ("year", "years", "yr", "yrs") and ((w2 == "-" and w3 == "old") or w2 == "old"):
        m.unit, m.end = "age", u + (3 if w2 == "-" else 2)
        return m
    if w in _CURRENCY_WORDS or (w and toks[u][0].isupper() and w2 in _CURRENCY_WORDS):
        own = w in _CURRENCY_WORDS
        m.unit = "money"
        m.currency = _CURRENCY_WORDS[w] if own else f"{w} {w2}".upper()
        m.end = u + (1 if own else 2)
        return m
    if w == "pounds" and w2 == "sterling":
        m.unit, m.currency, m.end = "money", "GBP", u + 2
        return m
    if w in _TIME_UNITS:
        m.unit = "time"
        return m
    if w in ("st", "nd", "rd", "th", "s") and _adjacent(s, u - 1, u):
        m.unit = "other"  # 5th, 1980s
        if w == "s" and digits and _is_year_token(toks[i]):
            m.unit = "year"
        return m
    if w in _OTHER_UNITS:
        m.unit = "other"
        return m
    if (w == ":" and u + 1 < n and low[u + 1][:1].isdigit()) or (
            w in ("a", "p") and w2 == "." and w3 == "m") or w in ("am", "pm"):
        m.unit = "other"  # a time of day
        return m
    return m


def _classify_plain(s: _Sent, m: _Mention) -> None:
    """Years, dates and identifiers among numbers without a unit."""
    if m.unit:
        return
    low, toks, n = s.low, s.toks, len(s.low)
    i = m.num
    if m.digits and _is_year_token(toks[i]) and not m.mode and m.end == i + 1:
        nxt = low[i + 1] if i + 1 < n else ""
        if nxt not in _PERSON_NOUNS and nxt not in _CUES:
            m.unit = "year"
            return
    prev = low[m.start - 1] if m.start >= 1 else ""
    prev2 = low[m.start - 2] if m.start >= 2 else ""
    nxt = low[m.end] if m.end < n else ""
    if (prev in _MONTHS and toks[m.start - 1][0].isupper()) or (
            prev == "." and prev2 in _MONTHS) or (nxt in _MONTHS and toks[m.end][0].isupper()):
        m.unit = "date"
        return
    if prev in ("number", "population", "no", "nos", "#", "№", "vol", "art", "article",
                "chapter", "section",
                "page", "pages", "flight", "route", "highway", "gate", "room", "row", "seat",
                "platform", "level", "category", "grade", "phase", "stage", "class", "size",
                "version", "model", "type", "code", "paragraph", "resolution", "rule"):
        m.unit = "ident"
        return
    if prev == "." and prev2 in ("no", "nos", "vol", "art"):
        m.unit = "ident"
        return
    if m.digits and m.num == m.start and i >= 1:
        p = i - 1
        if toks[p][0].isalpha() and _adjacent(s, p, i):
            m.unit = "ident"  # G20, MH17
        elif toks[p] in ("-", "/") and p >= 1 and _adjacent(s, p, i) and toks[p - 1][0].isupper():
            m.unit = "ident"  # COVID-19, F-16
        elif toks[p][0].isupper() and toks[p][0].isalpha() and _base(low[p]) not in _NOT_NAME:
            m.unit = "ident"  # Resolution 2254, Route 66


def _mentions(s: _Sent) -> list[_Mention]:
    out, i, n = [], 0, len(s.low)
    while i < n:
        t = s.low[i]
        if t[0].isdigit() or t in _NUMBER_STARTS:
            m = _mention_at(s, i)
            if m is not None:
                _classify_plain(s, m)
                out.append(m)
                i = max(m.end, m.core_end, i + 1)
                continue
        i += 1
    return out


def _interval(m: _Mention, measurement: bool, factor: float = 1.0) -> tuple[float, float]:
    """The values a figure allows: rounding (half a unit in the last written place, at most
    5 %, none for an exact count), then its qualifier."""
    if m.vague:
        tol = 0.0
    elif m.round:
        tol = min(m.ulp / 2, 0.05 * abs(m.center))
    else:
        tol = m.ulp / 2 if measurement else 0.0
    lo, hi = m.lo - tol, m.hi + tol
    if m.mode == "about":
        lo, hi = min(lo, 0.9 * m.lo), max(hi, 1.1 * m.hi)
    elif m.mode == "min":
        lo, hi = m.lo, INF
    elif m.mode == "just_over":
        lo, hi = m.lo, max(hi, 1.1 * m.hi)
    elif m.mode == "nearly":
        lo = min(0.9 * m.lo, lo)
        hi = m.hi
    elif m.mode == "max":
        lo = 0.0
    return lo * factor, hi * factor


def _value_text(s: _Sent, m: _Mention, with_unit: bool) -> str:
    end = m.end if with_unit else m.core_end
    text = s.text[s.st[m.start]:s.en[end - 1]]
    first = s.low[m.start]
    if first in _NUMBER_STARTS or first in _QUALIFIER_FIRST or first == "between":
        text = text[:1].lower() + text[1:]
    return " ".join(text.replace("\u2019", "'").split())


# --------------------------------------------------------------------------------------------
# Context of a figure
# --------------------------------------------------------------------------------------------


def _subject_before(s: _Sent, i: int, lo: int, links=_SUBJECT_LINKS) -> tuple[str, str] | None:
    """The entity a figure at token i describes: the nearest preceding name, if it heads an
    appositive ("Hama, a city of ...") or a clause ("Homs lies 40 km ..."), else None."""
    j, steps = i - 1, 0
    while j >= lo and steps < 16:
        if s.toks[j][0].isalpha() and s.toks[j][0].isupper():
            if _base(s.low[j]) in _NOT_NAME:
                j -= 1
                steps += 1
                continue
            if _is_poss(s, j):
                return None
            span = _name_back(s, j, lo)
            if span is None:
                return None
            a, b = span
            if b >= i or s.low[b] not in links:
                return None
            name = _display(s, a, b)
            return name, _norm(name)
        j -= 1
        steps += 1
    return None


def _entity_before(s: _Sent, i: int, lo: int) -> tuple[str, str] | None:
    """Who a percentage or an amount belongs to: the nearest name before it in its clause that
    is not only the source of the statement ("according to X", "X said")."""
    j = i - 1
    while j >= lo:
        if _is_cap(s, j):
            span = _name_back(s, j, lo)
            if span is None:
                j -= 1
                continue
            a, b = span
            after = s.low[b] if b < len(s.low) else ""
            after2 = s.low[b + 1] if b + 1 < len(s.low) else ""
            attribution = (after in _REPORT_VERBS or after2 in _REPORT_VERBS
                           or (a >= 2 and s.low[a - 1] == "to" and s.low[a - 2] == "according")
                           or (a >= 1 and s.low[a - 1] in _REPORT_VERBS))
            if not attribution:
                name = _display(s, a, b)
                return name, _norm(name)
            j = a - 1
            continue
        j -= 1
    return None


def _place_near(s: _Sent, m: _Mention, lo: int, hi: int) -> tuple[str, str] | None:
    """Where a count happened: "in/at/near <Name>" after it in its clause, else before it."""

    low = s.low

    def place_at(k: int) -> tuple[str, str] | None:
        if low[k] not in ("in", "at", "near", "outside", "inside", "across", "around"):
            return None
        q = k + 1
        if q < hi and low[q] == "the":
            q += 1
        r = q
        while q < hi and low[q] in _DIRECTIONS:
            q += 1
        if q > r and (q >= hi or not s.toks[q][0].isupper()) and low[q - 1] in (
                "north", "south", "east", "west", "northeast", "northwest", "southeast",
                "southwest"):
            region = " ".join(low[r:q])
            return f"the {region}", f"the {region}"  # "in the northeast": a region
        span = _name_fwd(s, q, hi)
        if span is None:
            return None
        a, b = span
        if _is_poss(s, b - 1):
            # "in Libya's eastern city of Derna": the place is Derna
            for t in range(b, min(hi, b + 4)):
                if low[t] == "of" and t + 1 < hi:
                    inner = _name_fwd(s, t + 1, hi)
                    if inner and not _is_poss(s, inner[1] - 1):
                        a, b = inner
                    break
        elif (b < hi and s.toks[b][0].islower() and low[b] not in _STOP
              and low[b] not in _GEO_NOUNS and _is_demonym(s.toks[b - 1])):
            return None  # "in Israeli strikes": an adjective, not a place
        name = _display(s, a, b)
        key = _norm(name)
        # "across Turkey and Syria": both together, neither alone
        c = b
        while c + 1 < hi and low[c] in ("and", ",", "or") and not _is_poss(s, b - 1):
            more = _name_fwd(s, c + 1, hi)
            if more is None:
                break
            other = _display(s, *more)
            name, key = f"{name} and {other}", f"{key}+{_norm(other)}"
            c = more[1]
        return name, key

    for k in range(m.end, hi):
        found = place_at(k)
        if found:
            return found
    for k in range(m.start - 1, lo - 1, -1):
        found = place_at(k)
        if found:
            return found
        if (_is_poss(s, k) and _is_cap(s, k) and k + 2 < m.start
                and "toll" in low[k + 1:k + 3]):  # "Turkey's death toll rose to 2,921"
            span = _name_back(s, k, lo)
            if span:
                name = _display(s, *span)
                return name, _norm(name)
    return None


def _venue_near(s: _Sent, m: _Mention, hi: int) -> str:
    """A venue after a count: "killed in a car", "at the school", "on the bridge"."""
    low = s.low
    for k in range(m.end, hi - 1):
        if low[k] in _VENUE_PREPS:
            q = k + 1
            if q < hi and low[q] in ("a", "an", "the", "their", "his", "her", "its", "two",
                                     "three", "several"):
                q += 1
            for r in range(q, min(hi, q + 3)):
                if low[r] in _VENUES:
                    return _singular(low[r])
                if not s.toks[r][0].isalpha() or s.toks[r][0].isupper() or low[r] in _STOP:
                    break
    return ""


def _when(s: _Sent, m: _Mention, lo: int, hi: int) -> tuple[str, str]:
    """The time a count is tied to: a weekday ("on Monday"), a period ("this month"), or a
    running total ("since", "so far", "the toll"); (normalised, label)."""
    low, toks = s.low, s.toks
    for k in list(range(m.end, hi)) + list(range(m.start - 1, lo - 1, -1)):
        word = _base(low[k])
        if word in _WEEKDAYS and toks[k][0].isupper():
            p = k - 1
            while p >= lo and low[p] in ("on", "late", "early", "last", "this"):
                p -= 1
            if p >= lo and low[p] in _REPORT_VERBS:
                continue  # "officials said Wednesday": when it was said, not when it happened
            if p >= lo and low[p] in ("since", "from"):
                return "span", "in total"
            return word, f"on {word.capitalize()}"
    for k in range(lo, hi - 1):
        if low[k] in ("this", "last", "past", "previous") and low[k + 1] in (
                "week", "month", "year", "weekend"):
            return f"{low[k]} {low[k + 1]}", f"{low[k]} {low[k + 1]}"
    for k in range(lo, hi):
        w = low[k]
        if w in _SPAN_WORDS or (w == "so" and k + 1 < hi and low[k + 1] == "far") or (
                w in ("past", "last") and k + 2 < hi and low[k + 2] in _TIME_UNITS
                and low[k + 1] not in ("year", "week", "month")):
            return "span", "in total"
    return "", ""


def _months(s: _Sent, lo: int, hi: int) -> str:
    found = set()
    for k in range(lo, hi):
        w = low_k = s.low[k]
        if low_k in _MONTHS and s.toks[k][0].isupper():
            if w == "may" and not (k + 1 < hi and s.low[k + 1][:1].isdigit()
                                   or k >= 1 and s.low[k - 1] in ("in", "of", "since", "early",
                                                                  "late", "mid")):
                continue
            found.add(_MONTH_NAMES.get(w[:3], w))
    return " ".join(sorted(found))


def _event_near(s: _Sent, m: _Mention) -> str:
    """The kind of event nearest to a count in its sentence (storm, violence, crash ...)."""
    best, best_d = "", 10 ** 6
    for k in range(max(0, m.start - _WINDOW), min(len(s.low), m.end + _WINDOW)):
        cls = _EVENT_CLASSES.get(s.low[k])
        if cls:
            d = m.start - k if k < m.start else k - m.end + 1
            if d < best_d:
                best, best_d = cls, d
    return best


def _nearest_year(years: list[tuple[int, str]], m: _Mention, lo: int, hi: int) -> str:
    """The year written nearest to a figure in its clause ("the 1935 storm killed 408")."""
    at = bisect_left(years, (m.num, ""))
    best, best_d = "", 10 ** 6
    for k, year in years[max(0, at - 1):at + 1]:
        if lo <= k < hi and abs(k - m.num) < best_d:
            best, best_d = year, abs(k - m.num)
    return best


def _head_after(s: _Sent, k: int, hi: int, max_words: int = 3) -> str:
    """A run of lowercase content words starting at k ("pay increase", "re-election rate")."""
    words = []
    while k < hi and len(words) < max_words:
        t = s.toks[k]
        if not t[0].isalpha() or not t[0].islower() or s.low[k] in _STOP or s.low[k] in _CUES:
            break
        word = s.low[k]
        if (k + 2 < hi and s.toks[k + 1] == "-" and _adjacent(s, k, k + 1)
                and _adjacent(s, k + 1, k + 2) and s.toks[k + 2][0].isalpha()):
            word = f"{word}-{s.low[k + 2]}"
            k += 2
        words.append(word)
        k += 1
    if not words:
        return ""
    words[-1] = _singular(words[-1])
    return " ".join(words)


def _noun_before(s: _Sent, k: int, lo: int) -> str:
    """The lowercase content word ending at k, with one modifier ("unemployment rate")."""
    if k < lo or not s.toks[k][0].isalpha() or not s.toks[k][0].islower() or s.low[k] in _STOP:
        return ""
    words = [_singular(s.low[k])]
    if (k - 1 >= lo and s.toks[k - 1][0].isalpha() and s.toks[k - 1][0].islower()
            and s.low[k - 1] not in _STOP and s.low[k - 1] not in _MONEY_VERBS):
        words.insert(0, s.low[k - 1])
    return " ".join(words)


def _dropped(s: _Sent, m: _Mention, lo: int) -> bool:
    """Figures that are not a claim of their own: earlier tolls, increments, changes,
    comparisons, conditions."""
    low = s.low
    for k in range(max(lo, m.start - 4), m.start):
        if low[k] in _DROP_BEFORE:
            return True
    for k in range(max(lo, m.start - 8), m.start):
        if low[k] in _HYPOTHETICAL:
            return True
    prev = low[m.start - 1] if m.start >= 1 else ""
    if prev in ("from", "than", "versus", "vs", "by", "but", "except") and m.mode == "":
        return True
    if prev == "of" and m.start >= 2 and (low[m.start - 2][0].isdigit()
                                          or low[m.start - 2] in _NUMBER_STARTS):
        return True  # "five of about 30 children": 30 is the whole, not the count
    if m.start >= 2 and low[m.start - 2] in ("compared", "up", "down") and prev in (
            "with", "to", "from"):
        return True
    return False


# --------------------------------------------------------------------------------------------
# Figures
# --------------------------------------------------------------------------------------------


@dataclass
class _Count:
    fig: Figure
    explicit: bool  # the count names its group ("30 soldiers"), or inherits one ("and 45")


def _count_figure(s: _Sent, m: _Mention, years, numbers: set[int], lo: int, hi: int,
                  inherited: str) -> _Count | None:
    """People killed, injured, displaced ... : a count tied to a casualty word."""
    low, toks, n = s.low, s.toks, len(s.low)
    if _dropped(s, m, lo):
        return None
    prev = low[m.start - 1] if m.start >= 1 else ""
    if prev in ("no", "not", "another", "only", "all") and not m.digits:
        return None
    if prev in ("age", "aged", "ages") or (prev == "at" and m.start >= 2 and low[m.start - 2] in (
            "died", "dead", "death", "dies", "die")):
        return None  # an age
    j = m.core_end
    if j < n and low[j] == "of":
        if j + 1 < n and low[j + 1] in ("the", "them", "whom", "those", "these", "which", "its",
                                        "their", "his", "her", "our"):
            return None  # "44 of the injured", "a dozen of the 47 sailors": part of a total
        if not m.vague:
            return None
        j += 1
    if (j + 3 < n and low[j][:1].isdigit() and low[j + 1] == "-" and low[j + 2] == "year"):
        j += 5 if low[j + 3] == "-" else 4  # "two 8-year-old girls"
    group, explicit, kind_from_noun = "people", False, ""
    j_after = j
    w = low[j] if j < n else ""
    w2 = low[j + 1] if j + 1 < n else ""
    if w in _INCREMENT_WORDS:
        return None  # "ten more people": an increment, not a total
    if prev == "," and w == "," and m.start >= 2 and s.toks[m.start - 2][0].isupper():
        return None  # "Rathanan Or, 9,": an age
    if j < n and toks[j][0].isalpha() and toks[j][0].isupper() and _base(w) not in _NOT_NAME:
        # "30 Palestinian civilians", "30 Palestinians", "12 Hamas fighters"
        if w2 in _PERSON_NOUNS and w2 not in _GENERIC_PEOPLE:
            group = f"{toks[j]} {_plural(w2)}"
        elif w2 in _GENERIC_PEOPLE or w2 in _NOUN_KINDS:
            group = toks[j] if toks[j].endswith("s") else f"{toks[j]} people"
        elif w.endswith("s") and not _is_poss(s, j):
            group = toks[j]
        else:
            return None
        explicit, j_after = True, j + (2 if w2 in _PERSON_NOUNS else 1)
    elif w in _NOUN_KINDS:
        kind_from_noun = _NOUN_KINDS[w]
        explicit = True
    elif w == "civilian" and w2 in _NOUN_KINDS:
        group, kind_from_noun, explicit = "civilians", _NOUN_KINDS[w2], True
    elif w in _GENERIC_PEOPLE:
        explicit, j_after = w not in ("others", "other"), j + 1
        if w in ("others", "other") and w2 in _PERSON_NOUNS and w2 not in _GENERIC_PEOPLE:
            group, explicit, j_after = _plural(w2), True, j + 2
    elif w in _PERSON_NOUNS:
        group, explicit, j_after = _plural(w), True, j + 1
        if w in ("crew", "staff") and w2 == "members":
            j_after += 1
    elif w and toks[j][0].isalpha() and toks[j][0].islower() and w not in _STOP and w not in _CUES:
        if w2 in _GENERIC_PEOPLE:
            explicit, j_after = True, j + 2
        elif w2 in _PERSON_NOUNS or w2 in _NOUN_KINDS:
            if w2 in _NOUN_KINDS:
                kind_from_noun = _NOUN_KINDS[w2]
            else:
                group, j_after = _plural(w2), j + 2
            explicit = True
        else:
            return None  # "50 homes", "three days": not people
    if explicit and j_after + 1 < n and low[j_after] in ("and", "or") and (
            low[j_after + 1] in _PERSON_NOUNS
            or (j_after + 2 < n and low[j_after + 2] in _PERSON_NOUNS)):
        return None  # "eleven bandsmen and mounted guards": a count of two groups
    if not explicit and inherited:
        group = inherited  # "killed two policemen and wounded three"
    if not explicit and prev in _SUBSET_WORDS:
        return None  # "killed 50, including 20": part of the total
    kind = kind_from_noun
    if not kind:
        # The nearest casualty word: before the figure ("killing 30"), or after it and its
        # noun ("30 people were killed"); a word behind an "and" or a comma belongs to the
        # previous figure more than to this one, and another figure on the way takes it.
        best, best_d, best_k = "", 99, -1
        d = 0
        for k in range(m.start - 1, max(lo, m.start - 7) - 1, -1):
            d += 3 if low[k] in ("and", ",", "while", "but") else 1
            if low[k] in _CUES:
                best, best_d, best_k = _CUES[low[k]], d, k
                break
        d = 0
        for k in range(j_after, min(hi, j_after + 12)):
            if k in numbers and not (k >= 1 and low[k - 1] in _SUBSET_WORDS):
                break
            if low[k] in _CUES:
                if d + 1 < best_d:
                    best, best_d, best_k = _CUES[low[k]], d + 1, k
                break
            if low[k] in _MODALS:
                return None  # "could have killed 30": not a claim
            if low[k] not in _AUXILIARIES:
                d += 1
        if not best:
            return None
        # "killed or injured", "dead and wounded": a combined figure, not one kind.
        for k in range(max(lo, best_k - 2), min(hi, best_k + 3)):
            if k != best_k and low[k] in _CUES and _CUES[low[k]] != best:
                return None
        kind = best
        if kind in ("displaced", "evacuated") and any(
                low[k] in _ORDER_WORDS for k in range(max(lo, best_k - 3), best_k)):
            kind = "ordered"  # "a million people were ordered to flee": an order, not a count
    war = any(low[k] in ("war", "wars", "conflict") for k in range(lo, hi))
    year = _nearest_year(years, m, lo, hi)
    lo_v, hi_v = _interval(m, measurement=False)
    place = _place_near(s, m, lo, hi)
    venue = _venue_near(s, m, hi)
    when, when_label = _when(s, m, lo, hi)
    months = _months(s, lo, hi)
    event = _event_near(s, m)
    topic = f"{group} {_KIND_LABEL[kind]}"
    if war:
        topic += " in the war"
    if year:
        topic += f" ({year})"
    return _Count(Figure(
        key=("count", kind, _singular(group.lower()), year, war),
        topic=topic, lo=lo_v, hi=hi_v, value=_value_text(s, m, with_unit=False),
        source=s.source, order=s.index * 100000 + m.num,
        loose=(place[1] if place else "", venue, when, months, event),
        loose_label=(f"in {place[0]}" if place else "", f"({venue})" if venue else "",
                     when_label, f"in {months.title()}" if months else "",
                     f"({event})" if event else ""),
        banded=True,
    ), explicit)


def _population_figure(s: _Sent, m: _Mention, lo: int, hi: int) -> Figure | None:
    low, n = s.low, len(s.low)
    p = m.start - 1
    j = m.core_end
    if j < n and low[j] == "of" and m.vague:
        j += 1
    after = low[j] if j < n else ""
    people_after = after in ("people", "residents", "inhabitants", "persons")
    entity = None
    if p - 1 >= lo and low[p] == "of" and low[p - 1] in _POPULATION_PLACES and people_after:
        entity = _subject_before(s, p - 1, lo)
    elif p - 1 >= lo and low[p] == "to" and low[p - 1] == "home" and people_after:
        entity = _subject_before(s, p - 1, lo)
    else:
        q = p
        while q >= lo and q > p - 4 and low[q] in ("of", "is", "was", "stands", "at", "has", "a"):
            q -= 1
        if q >= lo and q < p and low[q] == "population":
            if q - 1 >= lo and _is_poss(s, q - 1) and _is_cap(s, q - 1):
                span = _name_back(s, q - 1, lo)
                if span:
                    name = _display(s, *span)
                    entity = (name, _norm(name))
            elif q - 1 >= lo and low[q - 1] in ("a", "the"):
                entity = _subject_before(s, q - 1, lo)
                if entity is None and low[q - 1] == "the" and q + 2 < hi and low[q + 1] == "of":
                    span = _name_fwd(s, q + 2, hi)
                    if span:
                        name = _display(s, *span)
                        entity = (name, _norm(name))
    if entity is None:
        return None
    lo_v, hi_v = _interval(m, measurement=False)
    return Figure(
        key=("population", entity[1]), topic=f"population of {entity[0]}", lo=lo_v, hi=hi_v,
        value=_value_text(s, m, with_unit=False), source=s.source,
        order=s.index * 100000 + m.num, banded=True,
    )


def _age_figure(s: _Sent, m: _Mention, lo: int, hi: int) -> Figure | None:
    """ "John Smith, 45,", "Smith (45)", "aged 45", "45-year-old John Smith"."""
    low, toks, n = s.low, s.toks, len(s.low)
    if m.mode or m.vague or not m.digits or m.lo != m.hi or not 0 < m.lo <= 120:
        return None
    if m.lo != int(m.lo):
        return None
    span = None
    prev = low[m.start - 1] if m.start >= 1 else ""
    if m.unit == "age":
        span = _name_fwd(s, m.end, hi) if m.end < n else None
        if span is None:
            k = m.start - 1
            while k >= lo and low[k] in ("a", "the", "an"):
                k -= 1
            if k >= lo and low[k] == ",":
                span = _name_back(s, k - 1, lo)
    else:
        nxt = toks[m.end] if m.end < n else "."
        if prev in ("aged", "age") and m.start >= 2:
            k = m.start - 2
            if low[k] == ",":
                k -= 1
            span = _name_back(s, k, lo)
        elif prev == "," and nxt in (",", ".", ";") and m.start >= 2:
            span = _name_back(s, m.start - 2, lo)
        elif prev == "(" and nxt == ")" and m.start >= 2:
            span = _name_back(s, m.start - 2, 0)
    if span is None or _is_poss(s, span[1] - 1):
        return None
    name = _display(s, *span)
    parts = _norm(name).split()
    return Figure(
        key=("age", parts[-1]), topic=f"age of {name}", lo=m.lo, hi=m.hi,
        value=_value_text(s, m, with_unit=False), source=s.source,
        order=s.index * 100000 + m.num,
        loose=(parts[0] if len(parts) > 1 else "",), loose_label=("",), band_gap=3.0,
    )


def _distance_figure(s: _Sent, m: _Mention, lo: int, hi: int) -> Figure | None:
    """ "Homs, 40 km south of Hama": the distance between Homs and Hama."""
    low = s.low
    k = m.end
    if k < hi and low[k] == "away":
        k += 1
    while k < hi and (low[k] in _DIRECTIONS or low[k] in ("to", "the")):
        k += 1
    if k >= hi or low[k] not in ("of", "from", "outside"):
        return None
    k += 1
    if k < hi and low[k] == "the":
        k += 1
    span = _name_fwd(s, k, hi)
    if span is None or _is_poss(s, span[1] - 1):
        return None
    ref = _display(s, *span)
    subject = _subject_before(s, m.start, lo)
    if subject is None or subject[1] == _norm(ref):
        return None
    (a_norm, a), (b_norm, b) = sorted([(subject[1], subject[0]), (_norm(ref), ref)])
    lo_v, hi_v = _interval(m, measurement=True, factor=m.factor)
    return Figure(
        key=("distance", a_norm, b_norm), topic=f"distance from {a} to {b}", lo=lo_v, hi=hi_v,
        value=_value_text(s, m, with_unit=True), source=s.source,
        order=s.index * 100000 + m.num,
    )


def _hedged(s: _Sent, m: _Mention, lo: int) -> bool:
    """ "could pay $1 billion": a possibility, not a figure anyone reports."""
    return any(s.low[k] in _MODALS for k in range(max(lo, m.start - 3), m.start))


def _percent_figure(s: _Sent, m: _Mention, years, lo: int, hi: int) -> Figure | None:
    """ "Smith won 52% of the vote": Smith's share of the vote."""
    low = s.low
    if _dropped(s, m, lo) or _hedged(s, m, lo):
        return None
    head, share = "", False
    k = m.end
    if k < hi and low[k] == "of":
        q = k + 1
        while q < hi and low[q] in ("the", "all", "its", "their", "his", "her", "our", "a"):
            q += 1
        head = _head_after(s, q, hi, 1)
        share = bool(head)
    elif k < hi:
        head = _head_after(s, k, hi, 3)
    if not head:
        q, steps = m.start - 1, 0
        while q >= lo and steps < 4 and low[q] in _PERCENT_LINKS:
            q -= 1
            steps += 1
        if q < m.start - 1:
            head = _noun_before(s, q, lo)
    if not head:
        return None
    entity = _entity_before(s, m.start, lo)
    if entity is None:
        return None  # a share of what, of whom? too vague to compare
    year = _nearest_year(years, m, lo, hi)
    months = _months(s, lo, hi)
    what = f"share of the {head}" if share else head
    topic = f"{_possessive(entity[0])} {what}"
    if months or year:
        topic += f" ({' '.join(x for x in (months.title(), year) if x)})"
    raw = s.toks[m.num].replace(",", "")
    step = 10.0 ** -len(raw.split(".")[1]) if "." in raw else 1.0
    exact = replace(m, ulp=step, round=False)  # 50% is 49.5-50.5, trailing zero or not
    lo_v, hi_v = _interval(exact, measurement=True)
    return Figure(
        key=("percent", entity[1], head, share, year, months), topic=topic, lo=lo_v, hi=hi_v,
        value=_value_text(s, m, with_unit=True), source=s.source,
        order=s.index * 100000 + m.num,
    )


def _money_figure(s: _Sent, m: _Mention, years, lo: int, hi: int) -> Figure | None:
    """ "Boeing agreed to pay $1.2 billion": Boeing's payment."""
    low = s.low
    if _dropped(s, m, lo) or _hedged(s, m, lo):
        return None
    head = ""
    k = m.end
    if k < hi and (low[k] in ("in", "of", "for") or (k + 1 < hi and low[k] == "worth"
                                                       and low[k + 1] == "of")):
        q = k + (2 if low[k] == "worth" else 1)
        while q < hi and low[q] in ("the", "a", "an", "its", "their"):
            q += 1
        if q < hi and s.toks[q][0].islower():
            head = _head_after(s, q, hi, 2)
    elif k < hi and s.toks[k][0].isalpha() and s.toks[k][0].islower():
        head = _head_after(s, k, hi, 2)
    if not head:
        q = m.start - 1
        while q >= lo and low[q] in ("a", "an", "the", "some"):
            q -= 1
        if q >= lo and low[q] in _MONEY_VERBS:
            head = _MONEY_VERBS[low[q]]
            if head == "cost":
                noun = _noun_before(s, q - 1, lo)
                head = f"{noun} cost" if noun else "cost"
        elif q >= lo and low[q] in _MONEY_LINKS:
            r = q - 1
            if r >= lo and low[r] in ("estimated", "valued", "put", "totaling", "totalling"):
                r -= 1
            head = _noun_before(s, r, lo) if r >= lo else ""
    if not head:
        return None
    entity = _entity_before(s, m.start, lo)
    if entity is None:
        return None  # whose money? too vague to compare
    year = _nearest_year(years, m, lo, hi)
    topic = f"{_possessive(entity[0])} {head}"
    if year:
        topic += f" ({year})"
    lo_v, hi_v = _interval(m, measurement=False)
    return Figure(
        key=("money", entity[1], m.currency, head, year), topic=topic, lo=lo_v, hi=hi_v,
        value=_value_text(s, m, with_unit=True), source=s.source,
        order=s.index * 100000 + m.num, banded=True,
    )


def _rank_figures(s: _Sent) -> list[Figure]:
    """ "Aleppo, Syria's second-largest city": Aleppo is 2nd among Syria's cities."""
    low, toks, n = s.low, s.toks, len(s.low)
    out = []
    for i in range(n):
        w = low[i]
        if w in _SIZE_SUPERLATIVES:
            sup_end, dim = i + 1, "size"
        elif w == "most" and i + 1 < n and low[i + 1] in _MOST_ADJECTIVES:
            sup_end = i + 2
            dim = "size" if low[i + 1] in ("populous", "populated") else f"most {low[i + 1]}"
        elif w == "most" and i + 2 < n and low[i + 1] == "-" and low[i + 2] in ("populous",
                                                                                "populated"):
            sup_end, dim = i + 3, "size"
        elif w in _OTHER_SUPERLATIVES:
            sup_end, dim = i + 1, w
        else:
            continue
        lo_c, hi_c = max(s.clo[i], i - _WINDOW), min(s.chi[i], i + _WINDOW)
        a, rank = i, 1
        q = i - 1
        if q >= 0 and low[q] == "-" and _adjacent(s, q, i):
            q -= 1
        if q >= 0 and low[q] in _ORDINALS:
            a, rank = q, _ORDINALS[low[q]]
        elif (q >= 1 and low[q] in ("st", "nd", "rd", "th") and low[q - 1].isdigit()
              and _adjacent(s, q - 1, q)):
            a, rank = q - 1, int(low[q - 1])
        d = a - 1
        place = None
        if d >= lo_c and _is_poss(s, d) and toks[d][0].isupper():
            span = _name_back(s, d, lo_c)
            if span is None:
                continue
            det = span[0]
            name = _display(s, *span)
            place = (name, _norm(name))
        elif (d - 1 >= lo_c and low[d] in ("country's", "nation's", "world's", "region's",
                                          "continent's", "state's", "kingdom's", "island's")
              and low[d - 1] == "the"):
            det = d - 1
            word = low[d][:-2]
            word = "country" if word == "nation" else word
            place = (f"the {word}", f"the {word}")
        elif d >= lo_c and low[d] == "the":
            det = d
        else:
            continue
        if det >= 1 and (low[det - 1] == "among" or (
                det >= 2 and low[det - 1] == "of" and low[det - 2] in ("one", "some", "two",
                                                                       "three", "many"))):
            continue  # "one of the largest": not a rank
        k = sup_end
        if k >= hi_c or not toks[k][0].isalpha() or not toks[k][0].islower() or low[k] in _STOP:
            continue
        noun = low[k]
        if _singular(noun) != noun or noun in _UNCOUNTED_PLURALS or noun in (
                "men", "women", "children"):
            continue  # plural: a group, not the rank of one entity
        k += 1
        if k < hi_c and low[k] in ("ever", "since", "yet", "so", "on", "in") and not (
                low[k] == "in" and k + 1 < hi_c and _is_cap(s, k + 1)):
            if low[k] != "in":
                continue  # "the largest ever", "the deadliest since 2016": records, not ranks
        if place is None and k + 1 < hi_c and low[k] in ("in", "of"):
            span = _name_fwd(s, k + 1, hi_c)
            if span:
                name = _display(s, *span)
                place = (name, _norm(name))
                k = span[1]
        entity = None
        b, skipped = det - 1, 0
        while b >= lo_c and skipped < 4 and low[b] in _COPULAS:
            b -= 1
            skipped += 1
        if skipped and b >= lo_c and not _is_poss(s, b):
            span = _name_back(s, b, lo_c)
            if span:
                name = _display(s, *span)
                entity = (name, _norm(name))
        if entity is None and k < hi_c:
            q = k + 1 if low[k] in (",", "of") else k
            span = _name_fwd(s, q, hi_c)
            if span and not _is_poss(s, span[1] - 1):
                name = _display(s, *span)
                entity = (name, _norm(name))
        if entity is None or (place and entity[1] == place[1]):
            continue
        value = " ".join(s.text[s.st[a]:s.en[sup_end - 1]].lower().split())
        nouns = _plural(noun)
        cls = nouns if dim == "size" else f"{dim} {nouns}"
        among = f"{_possessive(place[0])} {cls}" if place else cls
        out.append(Figure(
            key=("rank", entity[1], place[1] if place else "", noun, dim),
            topic=f"{_possessive(entity[0])} rank among {among}", lo=float(rank), hi=float(rank),
            value=value, source=s.source, order=s.index * 100000 + a,
        ))
    return out


def _sentence_figures(s: _Sent) -> list[Figure]:
    figures: list[Figure] = _rank_figures(s)
    mentions = _mentions(s)
    if not mentions:
        return figures
    years = [(m.num, s.toks[m.num][:4]) for m in mentions if m.unit == "year"]  # sorted
    numbers = {m.num for m in mentions if m.unit in ("", "money", "percent", "distance", "age")}
    counts: list[tuple[_Mention, Figure]] = []
    group_of_clause: dict[int, str] = {}
    for m in mentions:
        # The clause of the figure, at most _WINDOW tokens either side: enough for any
        # sentence, and a giant "sentence" (a table without full stops) stays linear.
        lo = max(s.clo[m.num], m.start - _WINDOW)
        hi = min(s.chi[m.num], m.end + _WINDOW)
        fig = None
        if m.unit == "distance":
            fig = _distance_figure(s, m, lo, hi)
        elif m.unit == "percent":
            fig = _percent_figure(s, m, years, lo, hi)
        elif m.unit == "money":
            fig = _money_figure(s, m, years, lo, hi)
        elif m.unit in ("age", ""):
            fig = _age_figure(s, m, lo, hi)
            if fig is None and m.unit == "":
                fig = _population_figure(s, m, lo, hi)
                if fig is None:
                    clause = s.clo[m.num]
                    count = _count_figure(s, m, years, numbers, lo, hi,
                                          group_of_clause.get(clause, ""))
                    if count is not None:
                        if count.explicit:
                            group_of_clause[clause] = _group_of(count.fig)
                        counts.append((m, count.fig))
                    continue
        if fig is not None:
            figures.append(fig)
    # "..., bringing the death toll to 757": the other figures of that kind are increments.
    def is_total(m: _Mention) -> bool:
        return (m.start >= 2 and s.low[m.start - 1] == "to"
                and "toll" in s.low[max(0, m.start - 4):m.start])

    totals = {f.key for m, f in counts if is_total(m)}
    figures.extend(f for m, f in counts if f.key not in totals or is_total(m))
    # Several different figures for the same thing in one sentence are a contrast or a list
    # ("seven deaths on the British side and two on the French"), not one claim each.
    by_thing: dict[tuple, set] = defaultdict(set)
    for f in figures:
        by_thing[(f.key, f.loose)].add((f.lo, f.hi))
    return [f for f in figures if len(by_thing[(f.key, f.loose)]) == 1]


def _group_of(fig: Figure) -> str:
    """The group a count is about, as its topic writes it ("policemen", "Moslem militants")."""
    label = _KIND_LABEL[fig.key[1]]
    return fig.topic.split(f" {label}")[0]


def extract_figures(sentences: Sequence[Sentence]) -> list[Figure]:
    """Every figure of every sentence, tied to what it quantifies (in input order)."""
    out: list[Figure] = []
    for index, sentence in enumerate(sentences):
        text = sentence.text
        if not text or not _may_hold_figures(text):
            continue
        s = _tokenize(text, sentence.source, index)
        if s.toks:
            out.extend(_sentence_figures(s))
    return out


# --------------------------------------------------------------------------------------------
# Comparing figures
# --------------------------------------------------------------------------------------------


def _overlap(a_lo: float, a_hi: float, b_lo: float, b_hi: float) -> bool:
    eps = 1e-9 * max(1.0, abs(a_lo), abs(b_lo))
    return a_lo <= b_hi + eps and b_lo <= a_hi + eps


def _partition(figs: list[Figure]) -> list[tuple[list[Figure], set[int]]]:
    """Split the figures of one key by their loose attributes.  In each dimension a single
    named value (or none) keeps them together, the unnamed figures included; several named
    values make one part per value, and the unnamed figures are left out (they could be about
    any of them)."""
    parts: list[tuple[list[Figure], set[int]]] = [(figs, set())]
    for dim in range(len(figs[0].loose)):
        new = []
        for part, split in parts:
            named = sorted({f.loose[dim] for f in part if f.loose[dim]})
            if len(named) <= 1:
                new.append((part, split))
            else:
                new.extend(([f for f in part if f.loose[dim] == name], split | {dim})
                           for name in named)
        parts = new
    return parts


def _own_consistency(figs: list[Figure]) -> list[Figure]:
    """Per source: a count far below a sure count of the same source is a partial count
    ("two of them died in a car"), and a source listing three or more incompatible values is
    giving a list of incidents, not a claim; both are left out."""
    by_source: dict[int, list[Figure]] = defaultdict(list)
    for f in figs:
        by_source[f.source].append(f)
    kept = []
    for own in by_source.values():
        if len(own) > 1:
            floor = max(f.lo for f in own)
            own = [f for f in own if f.hi == INF or floor < 2 * f.hi]
            if len(_stab(own)) >= 3:
                continue
        kept.extend(own)
    return kept


_BAND_RATIO = 12.0  # "tens of thousands" and "hundreds of thousands" are still compared


def _bands(figs: list[Figure]) -> list[list[Figure]]:
    """Counts an order of magnitude apart are not about the same thing (a war's toll and one
    day's); ages years apart are about different moments."""

    def typical(f: Figure) -> float:
        if f.hi == INF:
            return max(f.lo, 1e-9)
        if f.lo <= 0:
            return max(f.hi / 2, 1e-9)
        return math.sqrt(f.lo * f.hi)

    gap = figs[0].band_gap
    ordered = sorted(figs, key=lambda f: (typical(f), f.source, f.order))
    bands: list[list[Figure]] = []
    last = 0.0
    for f in ordered:
        t = typical(f)
        if not bands or (t - last > gap if gap else t > _BAND_RATIO * last):
            bands.append([])
        bands[-1].append(f)
        last = t
    return bands


def _stab(figs: list[Figure]) -> list[list[Figure]]:
    """Group intervals that share a point (fewest groups, greedy on upper bounds)."""
    groups: list[list[Figure]] = []
    point = 0.0
    for f in sorted(figs, key=lambda f: (f.hi, f.lo, f.source, f.order)):
        if groups and f.lo <= point + 1e-9 * max(1.0, abs(point) if point != INF else 1.0):
            groups[-1].append(f)
        else:
            point = f.hi
            groups.append([f])
    return groups


def _claims(figs: list[Figure]) -> list[list[Figure]]:
    """Claims: figures that agree with one another.  A figure compatible with two claims
    (a vague "thousands" between "tens of thousands" and "over 280,000") takes no side."""
    items = list(figs)
    for _ in range(6):
        groups = _stab(items)
        if len(groups) < 2:
            return groups
        cores = [(max(f.lo for f in g), min(f.hi for f in g)) for g in groups]
        c_los = [c[0] for c in cores]
        c_his = [c[1] for c in cores]
        neutral = set()
        for f in items:
            # cores are disjoint and sorted: the ones f overlaps form a run
            first = bisect_left(c_his, f.lo - 1e-9 * max(1.0, abs(f.lo)))
            hits = 0
            for c in range(first, len(cores)):
                if c_los[c] > f.hi + 1e-9 * max(1.0, abs(f.hi) if f.hi != INF else 1.0):
                    break
                if _overlap(f.lo, f.hi, c_los[c], c_his[c]):
                    hits += 1
                    if hits > 1:
                        neutral.add(id(f))
                        break
        if not neutral:
            return groups
        items = [f for f in items if id(f) not in neutral]
    return _stab(items)


_TINY = 10.0  # counts this small are often of one incident among several
_SPECIFIC_DIMS = (0, 1, 2, 3)  # a count's place, venue, day and month


def _specific_match(a: Figure, b: Figure) -> bool:
    return any(a.loose[d] and a.loose[d] == b.loose[d] for d in _SPECIFIC_DIMS)


def _really_differ(figs: list[Figure]) -> bool:
    """Whether two different sources give intervals that do not overlap.  Two tiny counts
    ("one pilot killed" / "two pilots killed") must also name the same place, venue or day:
    in a story of several incidents they are too easily about different ones."""
    if len({f.source for f in figs}) < 2:
        return False
    if figs[0].key[0] == "count" and any(f.lo <= _TINY for f in figs) and len(figs) <= 400:
        for i, a in enumerate(figs):
            for b in figs[i + 1:]:
                if a.source != b.source and not _overlap(a.lo, a.hi, b.lo, b.hi) and (
                        max(a.lo, b.lo) > _TINY or _specific_match(a, b)):
                    return True
        return False
    low_end = min(figs, key=lambda f: f.hi)
    high_end = max(figs, key=lambda f: f.lo)
    for anchor in (low_end, high_end):
        for f in figs:
            if f.source != anchor.source and not _overlap(anchor.lo, anchor.hi, f.lo, f.hi):
                return True
    return False


def _disagreement(figs: list[Figure], topic: str) -> Disagreement | None:
    groups = _claims(figs)
    if len(groups) < 2 or not _really_differ([f for g in groups for f in g]):
        return None
    claims = []
    for g in groups:
        first = min(g, key=lambda f: (f.source, f.order))
        claims.append(((first.source, first.order),
                       FigureClaim(first.value, tuple(sorted({f.source for f in g})))))
    claims.sort(key=lambda c: c[0])  # by first source, then where that source first says it
    return Disagreement(topic, tuple(c for _, c in claims))


def find_disagreements(sentences: Sequence[Sentence]) -> list[Disagreement]:
    """One :class:`Disagreement` per thing on which two sources give figures that differ,
    ordered by topic, then by first source."""
    groups: dict[tuple, list[Figure]] = defaultdict(list)
    for fig in extract_figures(sentences):
        groups[fig.key].append(fig)
    found: list[Disagreement] = []
    for figs in groups.values():
        if len({f.source for f in figs}) < 2:
            continue
        for part, split in _partition(figs):
            part = _own_consistency(part) if part[0].banded else part
            if len({f.source for f in part}) < 2:
                continue
            for band in (_bands(part) if part[0].banded or part[0].band_gap else [part]):
                ordered = sorted(band, key=lambda f: (f.source, f.order))
                topic = ordered[0].topic
                for dim in sorted(split):
                    label = next((f.loose_label[dim] for f in ordered if f.loose[dim]), "")
                    if label:
                        topic = f"{topic} {label}"
                d = _disagreement(band, topic)
                if d is not None:
                    found.append(d)
    found.sort(key=lambda d: (d.topic.casefold(), d.topic, min(min(c.sources) for c in d.claims)))
    return found
