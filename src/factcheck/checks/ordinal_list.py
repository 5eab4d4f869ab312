"""ordinal-list: "the sixth country to land …, after A, B, C and D": four came before, so fifth.

An ordinal ("fifth", "6th") followed in its sentence by "after", "following",
or "joining" and a list of names (or of years: "after victories in 2011,
2015 and 2018") that closes the sentence: the list is who came before, and the
ordinal must be one more than its length. So too a list of years before "and this
was their fifth …", or after "after titles in" before "a third time", "a fourth title"; and a count of
those ahead ("Only five films have opened bigger") before the superlative it makes ("the fifth-biggest");
a run told in full after its ordinal ("a fifth consecutive Games, a run covering Athens, …, Tokyo and now
Paris"); and a record as it stands beside the ordinal of the fight that made it ("now 25-0 … the 24th fight").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from factcheck.checks._common import format_number_like
from factcheck.checks.base import CheckKind
from factcheck.checks.list_count import _DATE_ITEM, _items
from factcheck.facts import word_base
from factcheck.lexicon import whole_number
from factcheck.model import Analysis, DateValue, Evidence, NumberValue

# not "behind": "ranks fourth, behind the Cambridge and Faversham readings" leaves out the first
_BEFORE = re.compile(r",?\s+(?:after|following|joining)\s+", re.IGNORECASE)
_YEARS_OF = re.compile(r"(?:[a-z]+\s+){1,3}(?:in|of|at)\s+(?=(?:1[89]|20)\d\d\b)")
# "lost the finals of 1979, 1987 and 1992, and this was their fifth appearance": the years before
_YEAR_LIST = re.compile(r"(?:(?:1[89]|20)\d\d,\s+)*(?:1[89]|20)\d\d,?\s+and\s+(?:1[89]|20)\d\d\b")
# (or what they add to: "adds to South Africa's titles of 1995, 2007 and 2019 and makes them the first nation to
# lift the trophy a fifth time")
_AFTER_YEARS = re.compile(r"\b(?:after|following|adds?\s+to|adding\s+to|on\s+top\s+of)\s+(?:[\w'’-]+\s+){0,3}(?:in|of)\s+"
                          r"((?:(?:1[89]|20)\d\d,\s+)*(?:1[89]|20)\d\d,?\s+and\s+(?:1[89]|20)\d\d)\b", re.IGNORECASE)
# the earlier ones named after a thing won again: "a third title to add to those of 1995, 2007 and 2019"
_ADDED_TO_YEARS = re.compile(r"\s*,?\s+(?:to\s+add\s+to|adding\s+to|to\s+go\s+with|to\s+follow|following|after)\s+"
                             r"(?:those|the\s+ones|(?:the|its|his|her|their)\s+(?:[\w'’-]+\s+)?(?:wins|titles|crowns|triumphs|victories))\s+"
                             r"(?:of|in|from)\s+((?:(?:1[89]|20)\d\d,\s+)*(?:1[89]|20)\d\d,?\s+and\s+(?:1[89]|20)\d\d)\b", re.IGNORECASE)
# the nouns of a thing won or done again: "a third time", "his fourth title"
_REPEATED = re.compile(r"\s+(?:[A-Z][\w'’-]*\s+){0,3}(?:time|times|title|titles|win|crown|championship|victory|trophy|triumph|term|cup)\b")
# an attempt counted after the years of those that failed: "lost the finals of 1979, 1987 and 1992 and won at the fourth
# attempt"
_AN_ATTEMPT = re.compile(r"\s+(?:attempt|try|bid|time\s+of\s+asking|start)\b")
# … or after a count of tries without one: "who had gone 0-for-11 at the Speedway"
_WINLESS = re.compile(r"\b0-for-(?P<count>\d{1,2})\b")
_FAILED_IN_YEARS = re.compile(r"\b(?:lost|missed|failed|fell\s+short)\b(?:\s+[\w'’-]+){0,3}?\s+(?:in|of|at)\s+"
                              r"((?:(?:1[89]|20)\d\d,\s+)*(?:1[89]|20)\d\d,?\s+and\s+(?:1[89]|20)\d\d)\b(?![^.;:]*\b(?:lost|missed|failed)\b)")
_YEARS_THEN_THIS = re.compile(r"((?:(?:1[89]|20)\d\d,\s+)+(?:1[89]|20)\d\d\s+and\s+(?:1[89]|20)\d\d|(?:1[89]|20)\d\d\s+and\s+(?:1[89]|20)\d\d)"
                              r",?\s+and\s+this\s+(?:was|is|will be|marks|marked)\s+(?:the|their|his|her|its)\s+$", re.IGNORECASE)


def run(analysis: Analysis, rule) -> Iterator:
    text = analysis.document.text
    # (not an ordinal that is a word of a name: "since the Second World War, after Gough Whitlam in 1972, …")
    ordinals = [m for m in analysis.mentions if m.kind == "number" and isinstance(m.value, NumberValue) and m.value.ordinal
                and (m.text[:1].islower() or not _IN_A_NAME.match(text, m.end))]
    yield from _times_making(analysis, rule, text, ordinals)
    yield from _record_and_ordinal(analysis, rule, text, ordinals)
    yield from _final_of_a_count(analysis, rule, text, ordinals)
    yield from _nth_day(analysis, rule, text, ordinals)
    for mention in analysis.mentions:
        value = mention.value
        if mention.kind != "number" or not isinstance(value, NumberValue) or not value.ordinal or not 2 <= value.value <= 30 \
                or mention.text[:1].isupper() and _IN_A_NAME.match(text, mention.end):
            continue
        sentence = analysis.sentence_of(mention.start)
        rest = text[mention.end:sentence.end]
        also = _ALSO_WON_IN.search(text, mention.end, sentence.end) if _RUN.match(text, mention.end) else None
        if also is not None:
            # "City, champions for a fifth consecutive season, also won the title in 2020-21, 2021-22 and 2022-23":
            # the run's earlier ones, by their seasons or years
            yield from _mismatch(analysis, rule, mention, _SEASON.findall(also.group("list")), "the seasons before it in this sentence")
            continue
        covering = _RUN_COVERING.match(text, mention.end, sentence.end)
        if covering is not None and (run := _run_items(text, covering.end(), sentence.end)) is not None:
            # "for a fifth consecutive Games, a run covering Athens, Beijing, London, Rio, Tokyo and now Paris": the
            # run told in full, this one ("now Paris") the last of it
            yield from _mismatch(analysis, rule, mention, run[:-1], "the run its sentence lists")
            continue
        others = _THE_OTHERS.search(text, mention.end, sentence.end) if _AGAIN.match(text, mention.end) else None
        if others is not None and (count := whole_number(others.group("count"))) is not None and 1 <= count <= 30:
            # "his third gold of the Games and, like the other three, came with an Olympic record": the others are before it
            yield from _mismatch(analysis, rule, mention, [others.group(0).strip()] * count, "the others its sentence counts")
            continue
        after_count = _AFTER_A_COUNT.search(text, mention.end, sentence.end)
        if after_count is not None and (count := whole_number(after_count.group("count"))) is not None and 1 <= count <= 30 \
                and not _AFTER_A_COUNT.search(text, after_count.end(), sentence.end):
            # "the fourth living person to receive an organ from a gene-edited pig, after two men who received pig
            # hearts": those before it counted
            yield from _mismatch(analysis, rule, mention, [after_count.group(0).strip(" ,")] * count, "the count after it")
            continue
        told_after = _AFTER_THE_YEARS.search(text, mention.end, sentence.end) if _A_TIME.match(text, mention.end) else None
        if told_after is not None and not _NOT_ONE_EACH.search(told_after.group("told")) \
                and not any(mention.end <= m.start < told_after.start() for m in ordinals):
            # "only the third time that the far right had reached a presidential runoff, after her father's defeat by
            # Jacques Chirac in 2002": the earlier ones told after it, a year each
            years = sorted(set(re.findall(r"\b(?:1[89]|20)\d\d\b", told_after.group("told"))))
            yield from _mismatch(analysis, rule, mention, years, "the years after it in this sentence")
            continue
        ahead = _counted_ahead(analysis, text, mention, sentence)
        if ahead is not None:
            said, count = ahead
            yield from _mismatch(analysis, rule, mention, [said] * count, "the count ahead of it")
            continue
        earlier = _YEARS_THEN_THIS.search(text[sentence.start:mention.start])
        repeated = _REPEATED.match(text, mention.end)
        if earlier is None and repeated:
            # "after titles in 1995, 2007 and 2019, … win the World Cup a third time"
            earlier = _AFTER_YEARS.search(text[sentence.start:mention.start])
            # … or the earlier ones named right after it: "a third title to add to those of 1995, 2007 and 2019"
            earlier = earlier or _ADDED_TO_YEARS.match(text, repeated.end(), sentence.end)
        if earlier is None and _AN_ATTEMPT.match(text, mention.end):
            # "England had lost the finals of 1979, 1987 and 1992 and won at the fourth attempt": the years it failed
            earlier = _FAILED_IN_YEARS.search(text[sentence.start:mention.start])
            winless = _WINLESS.search(text, sentence.start, mention.start) if earlier is None else None
            if winless is not None:
                # "who had gone 0-for-11 at the Speedway before Sunday, won in his 12th start": the tries that failed
                yield from _mismatch(analysis, rule, mention, [winless.group(0)] * int(winless["count"]), "the tries before it in this sentence")
                continue
        if earlier is not None:
            years = re.findall(r"\d{4}", earlier.group(1))
            told = "after" if earlier.re is _ADDED_TO_YEARS else "before"
            yield from _mismatch(analysis, rule, mention, years, f"the years {told} it in this sentence")
            continue
        # (not a season, year or edition: "its fourth and final season" is no fourth final)
        again = _AGAIN.match(text, mention.end) if not _counts_a_period(analysis, mention) else None
        dated = _dated_before(analysis, mention, sentence) if again else None
        if again and dated is None:
            dated = _earlier_ones_next(analysis, sentence, again.group("noun"))
        if dated is not None:
            yield from _mismatch(analysis, rule, mention, [d.text for d in dated], "the dates before it in this sentence")
            continue
        fronted = _fronted_list(text, sentence, mention)
        if fronted is not None:
            yield from _mismatch(analysis, rule, mention, fronted, "the list before it in this sentence")
            continue
        making = _YEARS_MAKING.search(text[sentence.start:mention.start]) if again or _RUN.match(text, mention.end) else None
        if making is not None:
            years = re.findall(r"\d{4}", making.group("years"))
            before = _before_this(analysis, sentence.start + making.start("this"), sentence.start + making.end("this"), years)
            if before is not None:
                yield from _mismatch(analysis, rule, mention, before, "the years before it in this sentence")
            continue
        given = _WON_IN_THEN_GIVES.search(text, sentence.start, mention.start)
        if given is not None and not any(given.start() < m.start < mention.start for m in ordinals):
            # "won the prize in 2015 and 2016, …, and Sunday's result gives it its second Booker": the years of the wins
            # before, then what this one makes of them
            yield from _mismatch(analysis, rule, mention, re.findall(r"\d{4}", given.group("years")),
                                 "the years of the earlier wins in this sentence")
            continue
        won = _years_of_earlier_wins(analysis, mention, sentence) if again else None
        if won is not None:
            yield from _mismatch(analysis, rule, mention, won, "the years of the earlier ones in this sentence")
            continue
        only = _only_those_before(analysis, text, mention, sentence)
        if only is not None:
            yield from _mismatch(analysis, rule, mention, only, "the sentence beside it")
            continue
        # "the sixth country to achieve a soft landing on the Moon, after …": the ordinal's own phrase, then the list
        introduced = _BEFORE.search(rest)
        if introduced is None or re.search(r"[;:—–]|\b(?:and|but|while)\s+(?:the|it|he|she|they)\b", rest[:introduced.start()]):
            continue
        start = mention.end + introduced.end()
        if any(mention.end < m.start < start and not _adverb(analysis, m) for m in ordinals):
            # another ordinal between owns the list: "his third Grand Slam title and … the third Spanish
            # man to win it, after Manolo Santana in 1966 and Rafael Nadal"
            continue
        # "after victories in 2011, 2015 and 2018": what came before, counted by its years
        lead = _YEARS_OF.match(text, start)
        if lead and lead.group(0).split()[-2].lower() in _EARLIER_WINS and _counts_a_period(analysis, mention):
            continue  # "its fourth and final season, after drama series wins in 2020 and 2022": wins count wins, not seasons
        if lead:
            years = _YEAR_LIST.match(text, lead.end())
            items = re.findall(r"\d{4}", years.group(0)) if years else None
        else:
            items, end = _items(text, start, ",")
            if items is None:
                # "following Ricky Ponting's unbeaten 140 against India in 2003 and Adam Gilchrist's 149 against Sri Lanka
                # in 2007": each item a name's feat, told with its possessive
                items, end = _possessive_items(text, start, sentence.end)
            if items and text[end:end + 1] not in (".", "") and end < sentence.end - 1:
                continue
            # years said as a name's ("in 1980 and 1983"), not a title that is a year ("the 1989 tour")
            years = set(re.findall(r"(?:\bin\s+(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\.?\s+)?|(?<=\d{4})(?:,\s+|\s+and\s+))((?:1[5-9]|20)\d\d)\b",
                                   text[start:end]))
            if items and years and not all(_DATE_ITEM.match(item) for item in items):
                # names that come with their years ("Seve Ballesteros in 1980 and 1983, José María Olazábal in
                # 1994 …"): a year alone is a name's second, so count the names — or, for something done
                # again ("the third time", "her third world title"), the occasions: the years, and "last
                # year" ("after London in 2017 and Eugene, Oregon, last year": a place may hold a comma)
                if _AGAIN.match(text, mention.end):
                    items = sorted(years) + re.findall(r"\b(?:last|this)\s+(?:year|season)\b", text[start:end])
                else:
                    items = [item for item in items if not _DATE_ITEM.match(item)]
        if not items or len(items) < 2:
            continue
        yield from _mismatch(analysis, rule, mention, items, "the list after it in this sentence")


# "the fifth country to achieve …": the Nth of a kind to do a thing
_NTH_TO_DO = re.compile(r"\s+(?:[a-z]+\s+)?(?:country|nation|state|team|club|side|city|company|person|man|woman|player|athlete|"
                        r"astronaut|driver|rider|swimmer|runner|leader|president|mission|spacecraft)\s+to\s+[a-z]")
# … beside a sentence naming all those that did it before: "Only the United States, the former Soviet Union and China had
# managed a controlled touchdown before."
_ONLY_BEFORE = re.compile(r"\s*(?:Only|Just)\s+(?P<names>[^.;:]+?)\s+(?:had|have|has)\s+[^.;:]*?"
                          r"\b(?:before|previously|until\s+now|until\s+then|to\s+date|so\s+far)\s*[.;]")
_A_NAME_ITEM = re.compile(r"(?:the\s+)?(?:former\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}")


def _only_those_before(analysis: Analysis, text: str, ordinal, sentence) -> list[str] | None:
    """The names the sentence right before or after an "Nth country to …" gives as all that did it before ("Only the
    United States, the former Soviet Union and China had managed a controlled touchdown before."), or None."""
    if not _NTH_TO_DO.match(text, ordinal.end):
        return None
    index = bisect.bisect_right(analysis.sentence_starts, sentence.start) - 1
    for other in analysis.sentences[index + 1:index + 2] + analysis.sentences[max(0, index - 1):index]:
        only = _ONLY_BEFORE.match(text, other.start, other.end)
        if only is None:
            continue
        names = [n.strip() for n in re.split(r",\s+(?:and\s+)?|\s+and\s+", only["names"])]
        if len(names) >= 2 and all(_A_NAME_ITEM.fullmatch(n) for n in names):
            return names
    return None


_POSSESSOR = r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}[’']s\b"
_NEXT_POSSESSOR = re.compile(rf"(?:,\s+(?:and\s+)?|\s+and\s+)(?={_POSSESSOR})")


def _possessive_items(text: str, start: int, end: int) -> tuple[list[str] | None, int]:
    """The names of a list whose every item opens with a name's possessive, to the end of the sentence."""
    segment = text[start:end].rstrip()
    close = len(segment.rstrip(".!?"))
    pieces = _NEXT_POSSESSOR.split(segment[:close])
    names = [re.match(_POSSESSOR, piece) for piece in pieces]
    if len(pieces) < 2 or not all(names):
        return None, start
    return [re.sub(r"[’']s$", "", name.group(0)) for name in names], start + close


# "rose in 2021, 2022 and 2023, making last year's gain the fourth consecutive annual increase": a run of
# years, then what it makes of the one the ordinal counts
_YEARS_MAKING = re.compile(r"(?P<years>(?:(?:1[89]|20)\d\d,\s+)*(?:1[89]|20)\d\d,?\s+and\s+(?:1[89]|20)\d\d),?\s+making\s+"
                           r"(?P<this>(?:[\w'’-]+\s+){0,4}?)(?:the|their|its|his|her)\s+$", re.IGNORECASE)
_RUN = re.compile(r"[\s-]+(?:consecutive|straight|successive)\b", re.IGNORECASE)
# the years of wins, then what the one told next makes of them: "won the prize two years running in 2015 and 2016,
# …, and Sunday's result gives it its second Booker"
_WON_IN_THEN_GIVES = re.compile(r"\b(?:won|took|claimed|lifted|clinched|captured)\b[^.;:!?]{0,60}?\bin\s+"
                                r"(?P<years>(?:(?:1[89]|20)\d\d,\s+)*(?:1[89]|20)\d\d,?\s+and\s+(?:1[89]|20)\d\d)\b[^.;:!?]*?"
                                r"\b(?:gives?|gave|makes?|made|brings?|brought|hands?|handed)\s+(?:it|them|him|her)\s+(?:its|their|his|her)\s+$")
# the words that make listed years the earlier ones of a thing done again: "following their wins in …"
_EARLIER_WINS = {"win", "wins", "victory", "victories", "title", "titles", "triumph", "triumphs", "crown", "crowns", "success",
                 "successes", "championship", "championships"}


# what an ordinal may count that a list of wins does not: the seasons, years or editions something ran
_PERIODS = {"season", "series", "year", "edition", "instalment", "installment", "episode", "film", "album", "book"}


def _counts_a_period(analysis: Analysis, mention) -> bool:
    """Is the ordinal's noun a season, year or edition ("its fourth and final season")?"""
    syntax = analysis.syntax
    modified = syntax.modified_noun(mention.start, mention.end) if syntax is not None else None
    if modified is None:
        return False
    noun = syntax.tokens[modified[1]]
    word = analysis.document.text[noun.start:noun.end].lower()
    return word in _PERIODS or word[:-1] in _PERIODS


def _before_this(analysis: Analysis, start: int, end: int, years: list[str]) -> list[str] | None:
    """The years listed before the one "making" names, when its words date it: "last year's gain" of a
    2024 article is 2023's, one of the years listed; "it" or "Saturday's win" may be either."""
    dated = [m for m in analysis.mentions if m.kind == "date" and start <= m.start < end and isinstance(m.value, DateValue)]
    if len(dated) != 1 or dated[0].value.earliest.year != dated[0].value.latest.year:
        return None
    year = str(dated[0].value.earliest.year)
    if year in years:
        return [listed for listed in years if listed != year]
    return years if year > max(years) else None


def _years_of_earlier_wins(analysis: Analysis, ordinal, sentence) -> list[str] | None:
    """The years of "following their wins in Bermuda in 2017 and on home waters in Auckland in 2021"
    after an ordinal of a thing done again: every year in the phrase "after" or "following" heads, when
    its object is a win or a title and no other ordinal stands in it."""
    syntax = analysis.syntax
    if syntax is None:
        return None
    text = analysis.document.text
    first = bisect.bisect_left(syntax.starts, ordinal.end)
    last = bisect.bisect_left(syntax.starts, sentence.end)
    for index in range(first, last):
        token = syntax.tokens[index]
        if text[token.start:token.end].lower() not in ("after", "following") or token.dep != "prep":
            continue
        objects = [child for child in syntax.children(index) if syntax.tokens[child].dep in ("pobj", "dobj")]
        if not objects or text[syntax.tokens[objects[0]].start:syntax.tokens[objects[0]].end].lower() not in _EARLIER_WINS:
            return None
        inside = _subtree_span(syntax, index)
        stated = [m for m in analysis.mentions if inside[0] <= m.start < inside[1] and m.kind in ("date", "number")]
        if any(m.kind == "number" and getattr(m.value, "ordinal", False) for m in stated) \
                or re.search(r"[;:—–]", text[inside[0]:inside[1]]):
            return None
        years = [m.text for m in stated if m.kind == "date" and re.fullmatch(r"(?:1[89]|20)\d\d", m.text)]
        if len(years) < 2 or len(set(years)) != len(years) or len(years) != len([m for m in stated if m.kind == "date"]):
            return None
        return years
    return None


def _subtree_span(syntax, index: int) -> tuple[int, int]:
    """The characters a word and all its dependants cover."""
    words = [index]
    for word in words:
        words.extend(syntax.children(word))
    return min(syntax.tokens[w].start for w in words), max(syntax.tokens[w].end for w in words)


# "After the United States, the Soviet Union and China, India became the fourth country to …": the list
# opens the sentence and closes with its last item and a comma
_FRONTED = re.compile(r"\s*(?:After|Following|Joining)\s+(?P<items>(?:[^,;.]+,\s+)*[^,;.]+?,?\s+and\s+[^,;.]+?),\s+")
# "the world's third-largest gaming company …, behind Tencent and Sony": a rank by size with the ones
# above it named to the end of the sentence
_BEHIND = re.compile(r"[^.;]*?,\s+(?:behind|after|trailing(?:\s+only)?)\s+(?P<items>(?:[^,;.]+,\s+)*[^,;.]+?,?\s+and\s+[^,;.]+?)\s*[.!?]?$")

# a run's earlier ones told after it with "also": "…, also won the title in 2020-21, 2021-22 and 2022-23"
_A_SEASON = r"(?:1[89]|20)\d\d(?:\s*[-–/]\s*\d{2,4})?"  # a year, or a season over two: "2020-21"
_SEASON = re.compile(rf"\b{_A_SEASON}\b")
_ALSO_WON_IN = re.compile(r"\balso\s+(?:won|took|claimed|lifted|retained|clinched)\b[^.;:]{0,40}?\bin\s+"
                          rf"(?P<list>(?:{_A_SEASON},\s+)*{_A_SEASON},?\s+and\s+{_A_SEASON})\b")
# the others of the ordinal's own thing, counted with no noun of their own: "like the other three,"
# those before an ordinal, counted after it: ", after two men who …" (the count is the whole list: not "after two men
# and a woman", nor "after two of them")
_AFTER_A_COUNT = re.compile(r",\s+(?:after|following)\s+(?:only\s+)?(?P<count>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
                            r"(?:other\s+|earlier\s+|previous\s+)?(?:[a-z-]+\s+)?(?!(?:years|seasons|months|weeks|days|hours|minutes|seconds|decades|centuries|games|matches|rounds|laps|races|innings|overs|sets)\b)"
                            r"(?P<noun>men|women|people|[a-z]{3,}s)\b(?!\s+(?:and|or|of)\b)")
# … or told after it, each with its year, to the sentence's end: ", after her father's defeat … in 2002."
_AFTER_THE_YEARS = re.compile(r",\s+(?:after|following)\s+(?P<told>[^.;:!?]*?\b(?:1[89]|20)\d\d\b[^.;:!?\d]*)[.;:!?]?\s*$")
# (of times only, "the third time": "his 24th title, after US Open wins in 2011, 2015 and 2018" tells of some before it)
_A_TIME = re.compile(r"\s+time\b")
# … a year that is no earlier one of its own: a span, a decade, a count of times, or a year something ran from
_NOT_ONE_EACH = re.compile(r"\b(?:since|between|from|until|to|through|twice|times|once|one|two|three|four|five|six|seven|eight|nine|ten|"
                           r"who|which|whose)\b"
                           r"|\b(?:1[89]|20)\d0s\b|\d\s*[-–]\s*\d", re.IGNORECASE)
_THE_OTHERS = re.compile(r"\b(?:the|its|his|her|their)\s+other\s+(?P<count>[a-z]+|\d{1,2})(?=\s*[,;.)—–]|\s+(?:did|had|were|have)\b)")
_BEHIND_ONLY = re.compile(r"[^.;,]*,\s+behind\s+only\s+(?P<item>(?:[A-Z][\w.’'-]*(?:['’]s)?\s+)*[\"“]?[A-Z][^,;.\"”]*[\"”]?)"
                          r"\s*,?[\"”]?\s*(?:which|who|with|at|in|on|\(|[.!?]|$)")


# a capitalised word after a capitalised ordinal: the ordinal is a word of a name ("Second World War", "Fourth Estate")
_IN_A_NAME = re.compile(r"\s+[A-Z][a-z]")


def _adverb(analysis: Analysis, mention) -> bool:
    """Is an ordinal an adverb of its verb ("since it was first awarded in 1901"), owning no list?"""
    syntax = analysis.syntax
    word = syntax.span_root(mention.start, mention.end) if syntax is not None else None
    return word is not None and syntax.tokens[word].dep == "advmod"


def _fronted_list(text: str, sentence, mention) -> list[str] | None:
    """The ones before an ordinal of a first-to-do ("the fourth country to land") listed at the
    sentence's start, or those above a size rank ("third-largest … behind A and B") at its end."""
    first_to = re.match(r"[\s-]*(?:[a-z]+\s+){1,2}to\s+[a-z]", text[mention.end:sentence.end])
    fronted = _FRONTED.match(text, sentence.start) if first_to else None
    if fronted is not None and fronted.end() <= mention.start \
            and re.search(r"\b(?:became|becomes|become|is|was|will be)\s+(?:the|only the)\s+$", text[fronted.end():mention.start]):
        items = fronted.group("items")
    elif re.match(r"-(?:largest|biggest|highest|richest|busiest|most|best|tallest|longest|oldest)\b", text[mention.end:]):
        behind = _BEHIND.match(text[mention.end:sentence.end])
        if behind is None:
            # "the third-biggest animated opening of all time, behind only Pixar's "Incredibles 2," which took …":
            # one named alone after "behind only" is the one ahead
            only = _BEHIND_ONLY.match(text[mention.end:sentence.end])
            return [only.group("item")] if only is not None else None
        items = behind.group("items")
    else:
        return None
    parts = [part.strip() for part in re.split(r",\s+(?:and\s+)?|\s+and\s+", items) if part.strip()]
    # names, each at most a few words ("the former Soviet Union"), not clauses
    if len(parts) < 2 or not all(len(part.split()) <= 5 and re.search(r"\b[A-Z]", part) for part in parts):
        return None
    return parts


# "Only five films have opened bigger …": how many came ahead, and in what ("bigger"); then "the fifth-biggest"
_COUNT_AHEAD = re.compile(r"\b(?:[Oo]nly|[Jj]ust)\s+(?P<count>\w+)\s+(?:[\w'’-]+\s+){0,3}?(?:have|has|had)\s+(?:ever\s+)?(?:[a-z]+\s+){0,2}?"
                          r"(?P<more>[a-z]+er|more)\b")
_SUPERLATIVE_AFTER = re.compile(r"[\s-]+(?P<most>[a-z]+est|most)\b")


# "the physics prize was awarded 117 times …, making this year's award the 119th": the times counted, then the next
_TIMES_MAKING = re.compile(r"\b(?P<count>\d[\d,]*|[a-z]+(?:-[a-z]+)?)\s+times\b[^.;:!?]{0,80}?,\s+making\s+"
                           r"(?:this\s+year['’]s|this\s+week['’]s|today['’]s|this|the\s+latest|the\s+new)\s+(?:[a-z]+\s+){0,2}?the\s+$",
                           re.IGNORECASE)


def _times_making(analysis: Analysis, rule, text: str, ordinals) -> Iterator:
    """An ordinal made the next after a count of times: "awarded 117 times …, making this year's award the 119th"."""
    for ordinal in ordinals:
        sentence = analysis.sentence_of(ordinal.start)
        told = _TIMES_MAKING.search(text, sentence.start, ordinal.start)
        if told is None:
            continue
        times = whole_number(told.group("count").replace(",", ""))
        if not times or times + 1 == ordinal.value.value:
            continue
        shown = format_number_like(ordinal, float(times + 1))
        yield rule.finding(
            rule.message("mismatch", stated=ordinal.text, listed=times, expected=shown),
            ordinal.start, ordinal.end, analysis.document.source[ordinal.start:ordinal.end],
            suggestion=shown,
            evidence=Evidence(fact="the times before", value=told.group(0).strip(), source="the count before it in this sentence"),
        )


def _counted_ahead(analysis: Analysis, text: str, ordinal, sentence) -> tuple[str, int] | None:
    """The count of those ahead, said in the ordinal's sentence before it or in the sentence before, when the
    ordinal is of the superlative that count's comparative makes ("Only five films have opened bigger …
    That makes it the fifth-biggest opening": fifth from five ahead is sixth)."""
    most = _SUPERLATIVE_AFTER.match(text, ordinal.end)
    if most is None:
        return None
    previous = analysis.sentence_of(max(0, sentence.start - 1))
    for match in reversed(list(_COUNT_AHEAD.finditer(text, previous.start, ordinal.start))):
        more, superlative = match.group("more"), most.group("most")
        same = (more == "more") == (superlative == "most") and (more == "more" or more[:-2] == superlative[:-3])
        if same and _count(match.group("count")):
            return match.group(0), _count(match.group("count"))
    return None


def _count(word: str) -> int:
    """A small count written in digits or words ("five", "5"), or 0."""
    count = whole_number(word)
    return count if count is not None and 0 < count <= 30 else 0


# a run's ordinal, then the run told item by item: "a fifth consecutive Games, a run covering Athens, …"
_RUN_COVERING = re.compile(r"[\s-]+(?:consecutive|straight|successive)\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+,\s+(?:a|the)\s+"
                           r"(?:run|streak|sequence)\s+(?:covering|spanning|that\s+(?:covers|covered|spans|spanned|took\s+in))\s+",
                           re.IGNORECASE)


def _run_items(text: str, start: int, end: int) -> list[str] | None:
    """The items of a run told in full, closed by this one: "Athens, Beijing, London, Rio, Tokyo and now Paris"
    (its last item "now …" or "this year's …"); None for a list that does not say it closes with this one."""
    stop = re.search(r"[;.:—–(]|,\s+(?:with|while|but|when|which|who)\b", text[start:end])
    segment = text[start:start + stop.start()] if stop else text[start:end]
    items = [item.strip() for item in re.split(r",\s+(?:and\s+)?|\s+and\s+", segment.strip())]
    last = re.match(r"(?:now|this\s+year['’]s|this\s+time)\s+", items[-1]) if items else None
    if last is None or len(items) < 2:
        return None
    items[-1] = items[-1][last.end():]
    if not all(re.fullmatch(r"(?:[A-Z][\w.'’-]*)(?:\s+[A-Z][\w.'’-]*){0,3}", item) for item in items):
        return None
    return items


def _mismatch(analysis: Analysis, rule, ordinal, before: list[str], source: str) -> Iterator:
    """The finding for an ordinal that is not one more than the ones listed before it."""
    expected = len(before) + 1
    if expected == ordinal.value.value:
        return
    shown = format_number_like(ordinal, float(expected))
    yield rule.finding(
        rule.message("mismatch", stated=ordinal.text, listed=len(before), expected=shown),
        ordinal.start, ordinal.end, analysis.document.source[ordinal.start:ordinal.end],
        suggestion=shown,
        evidence=Evidence(fact="the ones before", value="; ".join(before), source=source),
    )


# "the fourth day after the derailment", "the console's third day on sale": a day counted from an event the article dates
_NTH_DAY = re.compile(r"\s+(?:full\s+)?day\s+(?P<relation>after|since|of|on)\s+(?P<what>(?:the\s+|its\s+|their\s+)?(?P<word>[a-z][a-z-]{2,}))\b")
# … the day it is, right before it ("Sunday 8 June, the console's third day") or right after its phrase ("…, Monday, Feb. 6")
_DAY_BEFORE = re.compile(r",\s+(?:the\s+|its\s+|their\s+)?(?:[\w'’]+\s+){0,2}$")
_DAY_AFTER = re.compile(r"\s*,\s*$")


# the thing whose day the Nth is, opening the sentence: "The agreement came on the", "Its landing fell on the"
_SUBJECT_ON_THE = re.compile(r"\s*(?:The|Its|This|That)\s+(?P<noun>[a-z]{4,})\s+(?:came|fell|arrived|happened|occurred|was\s+(?:reached|struck|signed|announced))"
                             r"\s+on\s+(?:the\s+)?$")
# the thing counted from, begun on the day right after the phrase: ", which began at midnight on"
_BEGAN_ON = re.compile(r"\s*,\s+(?:which|that)\s+(?:began|started|opened)\b[^.;:]{0,60}?\bon\s+")


def _day_of_the_subject(analysis: Analysis, text: str, sentence, ordinal, days: list) -> list:
    """The one day the sentence before gives in a sentence that says the noun opening this one ("reached a tentative
    contract agreement on Monday, Oct. 30. The agreement came on the 44th day …"), or none."""
    subject = _SUBJECT_ON_THE.fullmatch(text, sentence.start, ordinal.start)
    if subject is None or sentence.start == 0:
        return []
    before = analysis.sentence_of(sentence.start - 1)
    if not re.search(rf"\b{re.escape(subject['noun'][:5])}", text[before.start:before.end], re.IGNORECASE):
        return []
    return [d for d in days if before.start <= d.start < before.end]


def _nth_day(analysis: Analysis, rule, text: str, ordinals) -> Iterator:
    """"On the fourth day after the derailment, Monday, Feb. 6" when the train derailed on Friday, Feb. 3 (the third);
    "Sunday 8 June, the console's third day on sale" when it went on sale on Thursday 5 June (the fourth). The event
    is the nearest earlier day in a sentence that says the phrase's word (a noun's stem: "derailed" for "derailment";
    "on sale"); a day "after" or "since" it counts from the day after, a day "of" or "on" it from the day itself."""
    days = [m for m in analysis.mentions if m.kind == "date" and isinstance(m.value, DateValue) and m.value.precision == "day"
            and m.value.earliest == m.value.latest]
    for ordinal in ordinals:
        phrase = _NTH_DAY.match(text, ordinal.end)
        if phrase is None or not 1 <= ordinal.value.value <= 60:
            continue
        sentence = analysis.sentence_of(ordinal.start)
        told = [d for d in days if sentence.start <= d.start < sentence.end
                and (d.end <= ordinal.start and _DAY_BEFORE.fullmatch(text, d.end, ordinal.start)
                     or d.start >= phrase.end() and _DAY_AFTER.fullmatch(text, phrase.end(), d.start) is not None)]
        if not told:
            # "The agreement came on the 44th day of the walkout": the day of the subject's noun, told in the sentence before
            told = _day_of_the_subject(analysis, text, sentence, ordinal, days)
        if len(told) != 1:
            continue
        day = told[0]
        stem = phrase["word"][:5] if phrase["relation"] in ("after", "since", "of") else phrase["word"]
        word = re.compile(rf"\b{re.escape(stem)}" if phrase["relation"] != "on" else rf"\bon\s+{re.escape(stem)}\b", re.IGNORECASE)
        starts = [d for d in days if d.start < ordinal.start and d is not day and d.value.earliest < day.value.earliest
                  and (day.value.earliest - d.value.earliest).days <= 60
                  and word.search(text, (s := analysis.sentence_of(d.start)).start, s.end) and s.start <= sentence.start]
        # (or told right after the phrase, of the thing itself: "the 44th day of the walkout, which began at midnight on
        # Friday, Sept. 15")
        starts += [d for d in days if phrase.end() < d.start < sentence.end and d.value.earliest < day.value.earliest
                   and (day.value.earliest - d.value.earliest).days <= 60 and _BEGAN_ON.fullmatch(text, phrase.end(), d.start)]
        if not starts:
            continue
        start = max(starts, key=lambda d: d.start)
        gap = (day.value.earliest - start.value.earliest).days
        count = gap if phrase["relation"] in ("after", "since") else gap + 1
        if count == ordinal.value.value or count < 1:
            continue
        shown = format_number_like(ordinal, float(count))
        yield rule.finding(
            rule.message("nth_day", stated=ordinal.text, day=day.text, count=shown, relation=phrase["relation"], start=start.text,
                         what=phrase["what"]),
            ordinal.start, ordinal.end, analysis.document.source[ordinal.start:ordinal.end], suggestion=shown,
            evidence=Evidence(fact="the day it counts from", value=start.text,
                              source=f"this article, line {analysis.document.position(start.start)[0]}"),
        )


# "his 30th and final season": the ordinal of the last one is how many there were
_AND_FINAL = re.compile(r"[\s-]+and\s+(?:final|last)\s+(?P<noun>[a-z]{3,})\b")


# nouns a run of performances is counted in, one for another: "the 149-date run" … "its 150th and final show"
_PERFORMANCES = frozenset({"show", "concert", "gig", "date", "performance"})


def _final_of_a_count(analysis: Analysis, rule, text: str, ordinals: list) -> Iterator:
    """"He stayed for 29 seasons … before stepping down at the end of his 30th and final season": the last one's
    ordinal is the count its sentence gives of the same noun (one count only, of a whole number). With no count
    in its sentence, a count of the same noun elsewhere in the article one or two from it is the slip ("the
    149-date run" … "the tour's 150th and final show"), unless the article also counts as many as the ordinal:
    counts far from it are of a part (six shows in Toronto) or of another run."""
    for ordinal in ordinals:
        final = _AND_FINAL.match(text, ordinal.end)
        if final is None:
            continue
        noun = final["noun"].lower()
        nouns = _PERFORMANCES if noun in _PERFORMANCES else {noun}
        sentence = analysis.sentence_of(ordinal.start)
        counts = _counts_of(analysis, text, nouns, sentence.start, sentence.end)
        if len(counts) == 1:
            where, message = "the same sentence", "final"
        elif not counts:
            counts = _counts_of(analysis, text, nouns, 0, len(text))
            near = {m.value.value for m in counts if 0 < abs(m.value.value - ordinal.value.value) <= 2}
            if len(near) != 1 or any(m.value.value == ordinal.value.value for m in counts):
                continue
            counts = [m for m in counts if m.value.value in near]
            where, message = "the article", "final_elsewhere"
        else:
            continue
        count = counts[0]
        if count.value.value == ordinal.value.value:
            continue
        shown = format_number_like(ordinal, count.value.value)
        yield rule.finding(
            rule.message(message, stated=ordinal.text, noun=noun, count=count.text, expected=shown),
            ordinal.start, ordinal.end, analysis.document.source[ordinal.start:ordinal.end],
            suggestion=shown,
            evidence=Evidence(fact=f"the count of {noun}s", value=count.text, source=where),
        )


def _counts_of(analysis: Analysis, text: str, nouns: set[str], start: int, end: int) -> list:
    """Whole, exact counts of one of the nouns between start and end ("149 shows", "the 149-date run")."""
    pattern = re.compile(rf"[\s-]+(?:{'|'.join(map(re.escape, sorted(nouns)))})s?\b", re.IGNORECASE)
    # (not a number that labels one: "That Phase 1 report", "Volume 2 show")
    return [m for m in analysis.mentions_in(start, end, "number")
            if isinstance(m.value, NumberValue) and not m.value.ordinal and m.value.exact
            and m.value.value == int(m.value.value) and m.value.value >= 2 and pattern.match(text, m.end)
            and not re.search(r"\b(?!(?:The|A|An|Its|His|Her|Their|This|That|All|Over|In|After|Of)\s)(?:[A-Z][a-z]*\.?|No\.)\s+$",
                              text[max(0, m.start - 14):m.start])]


# the ordinal of something done again: "for a fifth time", "fourth launch attempt", "his third title"
_AGAIN = re.compile(r"[\s-]+(?:(?!(?:to|who|that|in|of|at|on)\b)[\w'’-]+\s+){0,2}(?P<noun>time|times|title|titles|win|wins|crown|championship|victory|"
                    r"trophy|triumph|term|cup|attempt|try|bid|appearance|launch|flight|visit|landing|final|trip|run|gold|golds|medal|medals)\b", re.IGNORECASE)
# what says the dates that follow are of the earlier ones: "adding to the titles won in", "after countdowns
# were called off on" (lower-case words only: "after US Open wins in 2011 and 2015" counts another thing)
_EARLIER_CUE = re.compile(r"\b(?:after|following|adding\s+to|on\s+top\s+of|to\s+go\s+with|joining)\b(?:\s+[a-z][\w'’-]*){0,8}\s+$")
_LIST_JOIN = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
# the list goes on with an item that is no date the extractor read ("2011, 2015 and last year")
_MORE_ITEMS = re.compile(r"\s*,?\s*(?:and\s+|or\s+)?(?:\d|last\b|this\b|next\b)")


# "Australia's earlier titles came in 1987, 1999, 2003, 2007 and 2015": the next sentence lists them
_EARLIER_ONES = re.compile(r"\b(?:earlier|previous|prior|other)\s+(?P<nouns>(?:[a-z]+\s+){0,2})(?:came|were|was|arrived|followed)\s+in\s+$")


def _earlier_ones_next(analysis: Analysis, sentence, noun: str) -> list | None:
    """The earlier ones of the ordinal's thing listed in the next sentence: "a seventh time. … earlier
    titles came in …"; "his 26th appearance" is not counted by "previous titles came in"."""
    text = analysis.document.text
    following = next((s for s in analysis.sentences if s.start >= sentence.end), None)
    # (the next paragraph may open with it: the cue "earlier titles came in" says what it lists)
    if following is None or following.start <= sentence.start:
        return None
    dates = [m for m in analysis.mentions if m.kind == "date" and following.start <= m.start < following.end]
    run: list = []
    for date in dates:
        if run and not _LIST_JOIN.fullmatch(text[run[-1].end:date.start]):
            break
        if not run:
            cue = _EARLIER_ONES.search(text[following.start:date.start])
            said = {word_base(word) for word in cue.group("nouns").split()} if cue else set()
            if cue is None or said and noun.lower() not in ("time", "times") and word_base(noun.lower()) not in said:
                continue
        run.append(date)
    return run if len(run) >= 2 and not _MORE_ITEMS.match(text, run[-1].end) else None


def _dated_before(analysis: Analysis, ordinal, sentence) -> list | None:
    """The dates (or years) listed in the ordinal's sentence after a word that makes them the earlier
    ones: "the trophy for a fifth time, adding to the titles won in 1987, 1999, 2003, 2007 and 2015"."""
    text = analysis.document.text
    dates = [m for m in analysis.mentions if m.kind == "date" and sentence.start <= m.start < sentence.end and m.start > ordinal.end]
    runs: list[list] = []
    for date in dates:
        if runs and _LIST_JOIN.fullmatch(text[runs[-1][-1].end:date.start]):
            runs[-1].append(date)
        else:
            runs.append([date])
    # another ordinal between owns the dates: "his sixth stage win of this Tour, his third in a row after
    # victories on Friday and Saturday"
    between = [m.start for m in analysis.mentions if m.kind == "number" and isinstance(m.value, NumberValue) and m.value.ordinal
               and m.start > ordinal.end]
    for run in runs:
        if any(start < run[0].start for start in between):
            continue
        if len(run) >= 2 and _EARLIER_CUE.search(text[max(sentence.start, ordinal.end, run[0].start - 80):run[0].start]) \
                and not re.search(r"[.;:!?]", text[ordinal.end:run[0].start]) and not _MORE_ITEMS.match(text, run[-1].end):
            return run
    return None


# a fighter's or a team's record as it stands: "Fury is now 25-0", "leaves him at 64-4", "improved his record to 21-0-1"
_RECORD = re.compile(r"\b(?:is\s+now|now|leaves?\s+(?:him|her|them|it)\s+at|(?:improved|moved|took)\s+(?:(?:his|her|their|its)\s+)?"
                     r"(?:record\s+)?to|record\s+(?:of|to|at|stands\s+at)|stands\s+at)\s+(\d{1,3})-(\d{1,3})(?:-(\d{1,3}))?\b(?!-)")
# … and the bout it was: "the 24th fight of his professional career", "in his 68th professional fight"
_BOUT = re.compile(r"[\s-]+(?:[a-z]+\s+){0,2}?(?:fight|bout|contest)s?\b")


def _record_and_ordinal(analysis: Analysis, rule, text: str, ordinals) -> Iterator:
    """A record as it stands and the ordinal of the bout that made it, in one sentence: "Fury is now 25-0 … after
    what was only the 24th fight of his professional career" — wins, losses and draws add up to the bouts fought."""
    for ordinal in ordinals:
        if not _BOUT.match(text, ordinal.end):
            continue
        sentence = analysis.sentence_of(ordinal.start)
        records = list(_RECORD.finditer(text, sentence.start, sentence.end))
        if len(records) != 1:
            continue
        record = records[0]
        fought = sum(int(part) for part in record.groups() if part)
        if fought == ordinal.value.value or not 2 <= fought <= 400:
            continue
        shown = format_number_like(ordinal, float(fought))
        yield rule.finding(
            rule.message("record", stated=ordinal.text, record=record.group(0).split()[-1], expected=shown),
            ordinal.start, ordinal.end, analysis.document.source[ordinal.start:ordinal.end],
            suggestion=shown,
            evidence=Evidence(fact="record", value=record.group(0).split()[-1], source="this sentence"),
        )


KIND = CheckKind(
    name="ordinal-list",
    run=run,
    summary="an ordinal disagrees with the list of those that came before it",
    messages=("mismatch", "record", "final"),
    fallback_messages={"nth_day": "{stated} day {relation} {what}, but {day} is the {count} counted from {start}"},
)
