"""list-count: a count that disagrees with the items listed right after it (or in the sentence before, when a
sentence opens by counting them: "… in Indiana, South Carolina, Alabama, Missouri, Texas and Mississippi. All five
states have …").

"adds seven new stops: Picardy Place, McDonald Road, …" (eight are named),
"had three children: Jake; Róisín; Shane; and Yeshua", "Three members, Jonathan
Haskel and Catherine Mann, voted …", "On three days — 17 and 18 November". The list
must follow its noun at once (after a colon, a dash or a comma) and name each item
with a capital or a figure; a list that says it is partial ("including", "among
them", "such as") is not counted.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from factcheck.checks._common import MONTH
from factcheck.checks.base import CheckKind
from factcheck.facts import word_base
from factcheck.lexicon import MONTHS, word_value
from factcheck.model import Analysis, Evidence, Finding, NumberValue

# the counted noun, with up to three words before it ("seven new stops", "four MPs", "three children")
_NOUN = re.compile(r"[ -]+((?:(?!(?:with|of|in|on|at|for|from|to|by|the|a|an|and|or|than|as|who|which|that|since|after|before)\b)[A-Za-z][\w’'-]*\s+){0,3}?)([A-Za-z][\w’'-]*)\b(?=\s*(?::|—|–|--|,))", re.IGNORECASE)
_NOUN_THEN_COLON = re.compile(r"[ -]+()([a-z][\w’'-]*s)\s+(?:in|at|on|inside|within|aboard)\b(?:\s+(?:the|a|an|[A-Z][\w’'-]*|[a-z]+)){1,5}(?=\s*:)")
_TITLE_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b(?!(?:The|A|An|Its|Their|His|Her|Our|All|Only|Just|About|Some|Those|These|Nearly|Almost|Over)\b)[A-Z][\w’'-]*[*_]*\s+$")
_INTRO = re.compile(r"\s*(:|—|–|--|,)\s*")
_PARTIAL = re.compile(r"(?:including|among them|among whom|such as|notably|for example|e\.g\.|like|led by|with|of whom|of which)\b", re.IGNORECASE)
# words that open the parts of a whole: "220 aircraft, made up of 190 …, 20 … and 20 …"
_BREAKDOWN = re.compile(r"(?:made\s+up\s+of|comprising|consisting\s+of|composed\s+of|split\s+(?:into|between|as)|divided\s+(?:into|between)|"
                        r"broken\s+down\s+(?:into|as))\s+", re.IGNORECASE)
_RELATIVE = re.compile(r",\s+(?:who|which|whose)\b[^,;:]*(?=,\s+(?:and\s+)?[A-Z])")
# an item: a name, after an article and up to two lowercase words of role ("the captain Thiago Silva")
_ITEM = re.compile(r"^(?:the\s+)?(?:(?:[a-z]+|\d+-year-old)\s+){0,2}(?:[A-Z0-9][\w’'.&-]*)(?:\s+(?:[A-Z0-9][\w’'.&-]*|of|the|and|de|la|von|van|du|da|al|bin|y|on|upon|in))*$")
_ORDINAL_WORD = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))"
_WEEKDAY = re.compile(r"\b(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|sday|rsday|urday)?\b\.?")
_DATE_ITEM = re.compile(rf"^\d{{1,2}}(?:st|nd|rd|th)?(?:\s+{MONTH})?$|^{MONTH}\s+\d{{1,2}}$|^\d{{4}}$")


def run(analysis: Analysis, rule) -> Iterator[Finding]:
    text = analysis.document.text
    yield from _counted_back(analysis, rule, text)
    for mention in analysis.mentions:
        value = mention.value
        if mention.kind != "number" or not isinstance(value, NumberValue) or value.ordinal or not value.exact \
                or mention.label not in ("cardinal",) or not 2 <= value.value <= 10_000 or value.value != int(value.value):
            continue
        if _TITLE_BEFORE.search(text[max(0, mention.start - 30):mention.start]):
            continue  # "The Tern 2 crew —", "Season Two includes": a title's number, not a count
        if re.search(r"\d\s+$", text[max(0, mention.start - 4):mention.start]):
            continue  # "190 737 MAX": a model's number after a count, not a count
        if _COORDINATED_COUNT.search(text[max(0, mention.start - 60):mention.start]):
            continue  # "two Turkish and two South Korean firms — …": the list names both counts' nouns
        if _PERIOD_AFTER.match(text, mention.end):
            continue  # "eight victories in both 1963 and 1965, nine in 1966 and 10 in 1968": one period's count of a list of them
        if _LENGTH_IN_PARTS.match(text, mention.end):
            continue  # "11 hours 26 minutes, 12 hours 41 minutes and …": lengths of time, no count of hours
        sentence = analysis.sentence_of(mention.start)
        # "Of the eight workers …, two were pulled out alive, …": the whole, then its parts
        partition = re.fullmatch(r"\s*Of\s+(?:the|its|their|his|her)\s+", text[sentence.start:mention.start]) is not None
        if not partition and re.search(r"\bof\s+(?:the|its|their|his|her)?\s*$", text[max(0, mention.start - 12):mention.start], re.IGNORECASE):
            continue  # "four of the six Majors: Berlin, London, …": the list is of the four, six is the whole
        loose = False
        noun = _NOUN.match(text, mention.end)
        if noun is None or re.search(r"[.;:!?]", noun.group(0)):
            # "three compatriots in the PSG dressing room: …": a short phrase, then the colon
            noun = _NOUN_THEN_COLON.match(text, mention.end)
        if noun is None:
            # "Eight of the 10 new stations opened on Tuesday: Paddington, …": the list names the eight
            noun = _PART_OF_THEN_COLON.match(text, mention.end)
        if noun is None:
            # "156 deaths in the United States to Ian, 66 direct and 80 indirect", "four Americans made the
            # singles semi-finals: Gauff, …": a longer phrase, then its parts or (after a colon) its names
            noun, loose = _NOUN_THEN_PHRASE.match(text, mention.end), True
            if noun is not None and not _plural_noun(analysis, noun.start(2), noun.end(2)):
                # "five neighbouring countries that had never recorded mpox before: …": a word or two before the
                # noun, then names after a colon (not a comma's parts: "1,054 active fires across the country,
                # 669 of them out of control and 230 in the Northwest Territories" counts subsets)
                noun = _MODIFIED_NOUN_THEN_PHRASE.match(text, mention.end)
                if noun is not None and not text.startswith(":", noun.end()):
                    continue
            if noun is None or not _plural_noun(analysis, noun.start(2), noun.end(2)):
                continue  # "…, three from Italy, …": a part of a list is no whole
        intro = _INTRO.match(text, noun.end())
        if intro is None or intro.end() > sentence.end:
            continue  # (never past its sentence: a headline's "six-day blockage" and the dateline under it)
        if any(other.kind == "number" and mention.end < other.start < intro.start()
               and not re.search(r"\bof\s+(?:the|its|their|his|her)\s+$", text[max(0, other.start - 12):other.start])
               for other in analysis.mentions_in(mention.end, intro.start())):
            continue  # "20 research groups in six countries: the United States, …": the list is of the count nearer it
            # (not "Eight of the 10 new stations …: …", the whole it is part of)
        words = noun.group(2)
        if re.fullmatch(r"(?:were|was|are|is)\s+", noun.group(1), re.IGNORECASE):
            continue  # "69 were drivers, 44 were pedestrians, …": a part told with its verb, no whole of a list
        parts = _groups(analysis, intro.end(), words, nouns_allowed=partition)
        if parts is not None and _named_kind(analysis, mention.end, noun.end()) and all(re.search(r"\b[A-Z]", p) for _, p in parts):
            continue  # "10 Australian Open titles, three at Roland Garros, seven at Wimbledon": siblings, not parts
        if parts is not None and intro.group(1) == "," and _counts_a_subject(analysis, mention):
            continue  # "17 people were found outside, nine died in homes, four …": the first of the parts, no whole
        if parts is not None:
            counts = [count for count, _ in parts]
            if partition and len(parts) <= 2 and sum(counts) < 0.9 * value.value and not _REMAINDER.search(parts[-1][1]):
                continue  # "Of the 126 people on board, 11 workers were killed and 17 others were injured": two outcomes
                # some of the whole had, not a partition of it (which names its rest, "and the other eight were drawn",
                # or nearly adds up: "Of the 1,763 participants, 860 were assigned to donanemab and 876 to a placebo")
            if sum(counts) != value.value:
                # the whole or any part may be the slip: the finding covers them all
                end = text.find(parts[-1][1], intro.end()) + len(parts[-1][1])
                yield rule.finding(
                    rule.message("sum", count=mention.text, noun=f"{noun.group(1)}{words}".strip(), total=f"{sum(counts):g}"),
                    mention.start, end, analysis.document.source[mention.start:end],
                    evidence=Evidence(fact="parts listed", value=" + ".join(part for _, part in parts), source="the list that follows in this sentence"),
                )
            continue
        if partition or value.value > 20 or (loose and intro.group(1) != ":"):
            continue
        if words[:1].isupper() and not _plural_noun(analysis, noun.start(2), noun.end(2)):
            continue  # "tie for fifth at 11 under alongside Finau, Webb Simpson and Jason Day": a name, not a counted noun
        between_dashes = intro.group(1) in ("—", "–", "--")
        items, end = _items(text, intro.end(), intro.group(1), counts_allowed=between_dashes)
        if items is None or len(items) < 2:
            continue
        counts = [_leading_count(item) if not _DATE_ITEM.match(item) else None for item in items]
        counted = any(count is not None for count in counts)
        if counted and (not between_dashes or counts[0] is not None or sum(count is None for count in counts) != 1):
            continue  # (but "killing nine people — McMillan and seven passengers —": one named, then a count of the rest)
        if any(_WEEKDAY.search(item) for item in items):
            continue  # "seven phases between Friday, 19 April and Saturday, 1 June": days of a span, not items
        listed = sum(1 if count is None else count for count in counts)
        if listed == int(value.value):
            continue
        # (a list with a count in it may hold the slip itself: the finding covers it too)
        stop = len(text[:end].rstrip(" —–-")) if counted else noun.end()
        yield rule.finding(
            rule.message("mismatch", count=mention.text, noun=f"{noun.group(1)}{words}".strip(), listed=f"{listed:g}"),
            mention.start, stop, analysis.document.source[mention.start:stop],
            evidence=Evidence(fact="items listed", value="; ".join(items), source="the list that follows in this sentence"),
        )


_REMAINDER = re.compile(r"\b(?:the\s+(?:other|remaining|rest)|remaining|rest)\b", re.IGNORECASE)
# "of the 10 new stations opened on Tuesday" before a colon: the count is of that noun
_PART_OF_THEN_COLON = re.compile(r"\s+of\s+(?:the|its|their|his|her)\s+(?:\d+|[a-z]+)\s+((?:[a-z]+\s+){0,2}?)([a-z][\w’'-]*s)\b(?:\s+[\w’'-]+){0,8}?(?=\s*:)")
# the counted noun and up to eight words after it, then the comma or colon before its parts
_NOUN_THEN_PHRASE = re.compile(r"[ -]+()([A-Za-z][\w’'-]*)(?:\s+[\w’'-]+){1,8}?(?=\s*[,:])")
_MODIFIED_NOUN_THEN_PHRASE = re.compile(r"[ -]+((?:[a-z][\w’'-]*\s+){1,2}?)([A-Za-z][\w’'-]*)(?:\s+[\w’'-]+){1,8}?(?=\s*[,:])")
# a count before this one, joined to it, that shares its noun: "two Turkish and two South Korean firms"
_COORDINATED_COUNT = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:[\w’'-]+\s+){0,2}"
                                r"(?:and|or|plus)\s+$", re.IGNORECASE)
# a count told for a year: one item of a list of periods, no whole
_PERIOD_AFTER = re.compile(r"[ -]+(?:[\w’'-]+\s+){0,2}?(?:in|during)\s+(?:both\s+|each\s+of\s+)?(?:19|20)\d\d\b")
_PART_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*;\s*(?:and\s+)?")


def _counts_a_subject(analysis: Analysis, mention) -> bool:
    """Does the count count the subject of a verb of its own ("17 people were found outside"), or is it that subject
    ("21 completed")?"""
    syntax = analysis.syntax
    if syntax is None:
        return False
    number = syntax.span_root(mention.start, mention.end)
    if number is None:
        return False
    if syntax.tokens[number].dep in ("nsubj", "nsubjpass"):
        return True  # "21 completed, seven were pulled up and four unseated their riders": the count is the subject itself
    return syntax.tokens[number].dep == "nummod" and syntax.tokens[syntax.tokens[number].head].dep in ("nsubj", "nsubjpass")


def _named_kind(analysis: Analysis, start: int, end: int) -> bool:
    """Does a proper name narrow the counted noun ("10 Australian Open titles")? Then a list of
    counts at other names is of its siblings, not of its parts."""
    syntax = analysis.syntax
    if syntax is None:
        return False
    first = bisect.bisect_left(syntax.starts, start)
    last = bisect.bisect_left(syntax.starts, end)
    return any(token.tag in ("NNP", "NNPS") and token.dep == "compound" for token in syntax.tokens[first:last])


def _plural_noun(analysis: Analysis, start: int, end: int) -> bool:
    """A plural noun that is no conjunct of a list ("four Americans made …", not "…, three from Italy")."""
    syntax = analysis.syntax
    word = syntax.span_root(start, end) if syntax is not None else None
    return word is not None and syntax.tokens[word].tag in ("NNS", "NNPS") and syntax.tokens[word].dep not in ("conj", "appos")


def _groups(analysis: Analysis, start: int, noun: str, nouns_allowed: bool) -> list[tuple[float, str]] | None:
    """The parts of a whole listed from `start` to the end of the sentence, each opening with its count:
    "66 direct and 80 indirect", "four from Germany, three from Italy and one from Austria". A part
    that counts another noun ("25 points, 10 rebounds and 5 assists") makes it no breakdown — unless
    the sentence opened with the whole ("Of the eight workers, two were …, two bodies were …")."""
    text = analysis.document.text
    if _PARTIAL.match(text, start):
        return None
    breakdown = _BREAKDOWN.match(text, start)
    if breakdown is not None:
        start = breakdown.end()
    stop = re.compile(r"[.!?)](?:\s|$)|\n|—|–").search(text, start)
    segment = text[start:stop.start() if stop else len(text)]
    if re.search(r"%|per\s?cent|percent", segment):
        return None
    pieces = [piece.strip() for piece in _PART_SPLIT.split(segment) if piece.strip()]
    if len(pieces) < 2:
        return None
    found = []
    position = start
    each = None  # "one each from Argentina, Australia, France and Ireland": a count for every name after it
    for piece in pieces:
        if each is not None and re.fullmatch(r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*", piece):
            found.append((each, piece))
            position = text.find(piece, position)
            continue
        each = None
        count = _leading_count(piece)
        if count is not None and _EACH.match(piece):
            each = count
            found.append((count, piece))
            position = text.find(piece, position)
            continue
        if count is None or _COMPARED.match(piece):
            return None  # "two fewer than on election night and 23 fewer than the 56": gaps, not groups
        position = text.find(piece, position)
        after = re.match(r"[\w-]+\s+([A-Za-z][\w’'-]*)", piece)
        if after and not nouns_allowed and analysis.syntax is not None:
            word = analysis.syntax.span_root(position + after.start(1), position + after.end(1))
            counted = after.group(1)
            modified = analysis.syntax.modified_noun(position + after.start(1), position + after.end(1))
            if modified is not None and position <= analysis.syntax.tokens[modified[1]].start < position + len(piece):
                # the noun the word after the count describes: "59 stolen bases" counts bases
                word = modified[1]
                counted = text[analysis.syntax.tokens[word].start:analysis.syntax.tokens[word].end]
            tag = analysis.syntax.tokens[word].tag if word is not None else ""
            # (after a colon, a people's name is a group of the whole: "16 foreign nationals: five Indians, four
            # Russians"; after a comma it is the next of a list of siblings)
            peoples = tag.startswith("NNP") and text[:start].rstrip().endswith((":", "—", "–")) \
                and after.group(1).lower() not in MONTHS  # "three public holidays — 1 January, 1 May …": days
            if tag.startswith("NN") and not peoples and word_base(counted.lower()) != word_base(noun.lower()):
                return None
        found.append((count, piece))
    return found


# a length of time written in parts: "11 hours 26 minutes", "2 hours, 4 minutes"
_LENGTH_IN_PARTS = re.compile(r"\s+(?:hours?|hrs?|minutes?|mins?)\b,?\s+(?:and\s+)?(?:\d+|[a-z]+(?:-[a-z]+)?)\s+(?:minutes?|mins?|seconds?|secs?)\b",
                              re.IGNORECASE)
_EACH = re.compile(r"[\w-]+\s+each\s+(?:from|of|in|for)\s+[A-Z]")
_COMPARED = re.compile(r"[\w-]+\s+(?:[a-z]+\s+)?(?:more|fewer|less|higher|lower|short|ahead|behind|up|down)\b(?!\s+(?:were|was|are)\b)")


def _leading_count(item: str) -> float | None:
    """The count a listed group opens with ("four from Germany" → 4, "12 in Lisbon" → 12)."""
    first = re.match(r"(\d+|[a-z]+(?:-[a-z]+)?)\s+\S", item)
    if first is None:
        return None
    if first.group(1).isdigit():
        return float(first.group(1))
    found = word_value(first.group(1))
    return found[0] if found is not None and not found[1] else None


# a year or a short note in brackets after a list's item ("Parklife (1994)", "Skype ($8.5 billion, in 2011)")
_ITEM_ASIDE = re.compile(r"\s*\([^()\n]{1,30}\)(?=\s*(?:,|\band\b|\bor\b|[.!?;]|$))")


# what a name in a list was honoured for, and when: "for *The Piano* in 1993"
_WORK_ASIDE = re.compile(r"for\s+[*_\"“]?[A-Z][^,;]{0,60}?\s+in\s+(?:1[5-9]|20)\d\d")


def _items(text: str, start: int, opener: str, counts_allowed: bool = False) -> tuple[list[str] | None, int]:
    """The items of the list from `start`: up to the end of the sentence, a closing dash, a bracket,
    or (after a comma) the comma that ends an appositive ("…, Jonathan Haskel and Catherine Mann, voted")."""
    if _PARTIAL.match(text, start):
        return None, start
    stop = re.compile(r"[.!?)](?:\s|$)|\n|—|–|--" if opener in ("—", "–", "--") else r"[.!?)](?:\s|$)|\n|—|–")
    # an item's short aside is the item's, not the list's end: "Parklife (1994), The Great Escape (1995) and …"
    line_end = text.find("\n", start)
    rest = _ITEM_ASIDE.sub(lambda aside: " " * len(aside.group(0)), text[start:line_end if line_end >= 0 else len(text)])
    found = stop.search(rest)
    end = start + found.start() if found else start + len(rest)
    segment = rest[:end - start]
    # "Dani Alves, who arrived on a free transfer last month, and Lucas Moura": a relative clause is its item's
    segment = _RELATIVE.sub("", segment)
    if ";" in segment:
        parts = [p.strip() for p in segment.split(";")]
    else:
        # "…, Keys and the 20-year-old Shelton, who lost to Djokovic 6-3, 6-2": the last item's clause ends the list
        segment = re.sub(r",\s+(?:who|which|whose)\b.*$", "", segment)
        parts = [p.strip() for p in segment.split(",")]
        if opener == ",":  # an appositive ends at the first part that does not name anything
            kept = []
            for part in parts:
                if kept and _WORK_ASIDE.fullmatch(part):
                    continue  # "after Jane Campion, for *The Piano* in 1993, and Julia Ducournau, …": the name's aside
                if not part or not (part[0].isupper() or part[0].isdigit() or part.startswith(("and ", "or ", "the "))):
                    break
                if re.match(r"(?:and|or)\s+(?!the\b)[a-z]", part):
                    break  # "…, 1989 and Reputation tours, and her first in five years": the list is over
                if re.match(rf"(?:and\s+)?(?:the\s+)?{_ORDINAL_WORD}\b", part, re.IGNORECASE):
                    break  # "…, after Boris Becker and Bjorn Borg, and the third Spaniard, …": another claim begins
                kept.append(part)
            parts = kept
            if not any(re.search(r"(?:^|\s)(?:and|or|&)\s", part) for part in parts):
                # a list set off by commas closes with its "and": "In four Olympic Games, Ledecky, 27, has won …"
                # is a phrase, a name and an age
                return None, end
    items: list[str] = []
    for part in parts:
        for piece in re.split(r"\s+(?:and|or|&)\s+|^(?:and|or)\s+", part):
            piece = piece.strip(" *_\"“”")
            if piece:
                items.append(piece)
    if not items:
        return None, end
    # each item a name (capitalised words, short joining words) or a date-like figure; a participle
    # clause after a name is the name's ("Jake, born in 1987" with ';' between items)
    cleaned = []
    for number, item in enumerate(items):
        head = re.split(r",\s+(?=[a-z])", item)[0]
        counted = counts_allowed and _leading_count(head) is not None and re.fullmatch(r"[\w-]+(?:\s+[a-z]+){1,2}", head)
        if number == len(items) - 1 and len(items) >= 2 and not counted:
            # "the Fearless, Speak Now, Red, 1989 and Reputation tours": the noun of the whole list
            head = re.sub(r"(?<=\S)\s+[a-z]+s$", "", head)
        # "Knut Hamsun in 1920": a name with the year it came
        head = re.sub(r"(?<=\S)\s+(?:in|on)\s+(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\.?\s+)?(?:1[5-9]|20)\d\d$", "", head)
        # … or with the time told from now: "and Thomas last year"
        head = re.sub(r"(?<=[A-Za-z])\s+(?:last|this)\s+(?:year|season|month|week|spring|summer|autumn|fall|winter)$", "", head)
        if not (_ITEM.match(head) or _DATE_ITEM.match(head) or counted) or len(head.split()) > 6:
            return None, end
        if re.search(r"(?<![A-Za-z])\d", re.sub(r"\d+-year-old", "", head)) and not _DATE_ITEM.match(head) and _leading_count(head) is None:
            return None, end  # "Smith 8 and Jones 6": figures per item, not a list of items (a figure in a name is the name's: "Hayabusa2")
        cleaned.append(head)
    return cleaned, end


# a sentence opened by a count of what the sentence before listed: "All five states have average prices of …"
_COUNT_BACK = re.compile(r"(?:All|Both|The|These|Those|All\s+the)\s+(?P<count>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+"
                         r"(?P<noun>states|countries|nations|cities|provinces|regions|counties|towns|districts|territories|companies|firms|"
                         r"banks|carriers|airlines|teams|clubs|players|men|women|people|candidates|members|ministers)\b")
_KIND_OF_NOUN = {"states": "place", "countries": "place", "nations": "place", "cities": "place", "provinces": "place", "regions": "place",
                 "counties": "place", "towns": "place", "districts": "place", "territories": "place", "companies": "org", "firms": "org",
                 "banks": "org", "carriers": "org", "airlines": "org", "teams": "org", "clubs": "org", "players": "person", "men": "person",
                 "women": "person", "people": "person", "candidates": "person", "members": "person", "ministers": "person"}
# a list of names: "Indiana, South Carolina, Alabama, Missouri, Texas and Mississippi"
_NAME_LIST = re.compile(r"(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3},\s+){2,}[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3},?\s+and\s+"
                        r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}")


def _counted_back(analysis: Analysis, rule, text: str) -> Iterator[Finding]:
    """"The lowest prices were in Indiana, South Carolina, Alabama, Missouri, Texas and Mississippi, AAA said. All five
    states have …": a count opening a sentence of what the sentence before, in its paragraph, listed — one list of
    names the recogniser reads as the noun's kind (places for states, people for players)."""
    for index, sentence in enumerate(analysis.sentences[1:], 1):
        opening = _COUNT_BACK.match(text, sentence.start)
        previous = analysis.sentences[index - 1]
        if opening is None or "\n\n" in text[previous.start:sentence.start]:
            continue
        count = (int(opening["count"]), False) if opening["count"].isdigit() else word_value(opening["count"])
        lists = list(_NAME_LIST.finditer(text, previous.start, previous.end))
        if count is None or len(lists) != 1:
            continue
        items = [item.strip() for item in re.split(r",\s+(?:and\s+)?|\s+and\s+", lists[0].group(0)) if item.strip()]
        kind = _KIND_OF_NOUN[opening["noun"]]
        at = lists[0].start()
        starts = [at + lists[0].group(0).index(item) for item in items]
        if not all(analysis.mentions_in(start, start + len(item), kind) for start, item in zip(starts, items)):
            continue
        if len(items) == count[0]:
            continue
        start, end = opening.start("count"), opening.end("noun")
        yield rule.finding(
            rule.message("mismatch", count=opening["count"], noun=opening["noun"], listed=len(items)),
            start, end, analysis.document.source[start:end],
            evidence=Evidence(fact="list", value=", ".join(items), source=f"this article, line {analysis.document.position(at)[0]}"),
        )


KIND = CheckKind(
    name="list-count",
    run=run,
    summary="a count disagrees with the items listed right after it",
    messages=("mismatch", "sum"),
)
