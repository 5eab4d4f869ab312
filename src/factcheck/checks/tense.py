"""tense: future tense for a date before publication, or past tense for a date after it.

"will release on June 28, 2022" in a 2023 article speaks of the past as if it
were to come. With the dependency parse, the verb the date hangs on decides,
wherever it stands in the clause: its own tense and its auxiliaries ("will",
"is due to", "was sworn in"); a modal or condition ("would take place if
needed") or a past plan ("was due to") says nothing. Without a parse, the
nearest cue word before the date (the rule's parameters) decides.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from factcheck.checks import _common
from factcheck.checks.base import CheckKind
from factcheck.lexicon import SCHEDULED_AHEAD_DAYS, scheduled_event
from factcheck.model import Analysis, DateValue, Evidence, Finding, in_another_time_zone, without_its_year


def run(analysis: Analysis, rule) -> Iterator[Finding]:
    published = analysis.document.published
    if published is None:
        return
    cues = {name: _common.phrase_keys(KIND.param(rule, name)) for name in ("future", "past", "past_verbs", "past_planning")}
    window = KIND.param(rule, "window")
    for mention in analysis.mentions:
        value = mention.value
        if mention.kind != "date" or not isinstance(value, DateValue) \
                or not (_usable(analysis, mention, published) or _told_before_as_to_come(analysis, mention, rule, published)):
            continue
        if analysis.syntax is not None and analysis.syntax.year_naming_a_thing(mention):
            continue  # "until parliament had passed the 2017 budget": which budget, not when it passed
        if in_another_time_zone(analysis.document.text, mention, analysis.mentions):
            continue  # "launched … on May 20 at 1:31 p.m. EDT (2:31 a.m. Thursday, May 21, Japan time)": the same moment
        before = analysis.document.text[max(0, mention.start - 160):mention.start]
        if _FIGURE_PERIOD.search(before):
            continue  # "forecasts were cut, to 0.7% in 2023, 1.0% in 2024": the figure's year, not the verb's
        if value.precision != "day" and _BASE_PERIOD.search(before):
            continue  # "yield is expected to average 53.2 bushels, up 2.6 bushels from 2023": the period compared with
        if _TARGET.search(before):
            continue  # "pushed the deadline back to Oct. 18", "postponed until May": where it was moved, not when
        if _REMEMBERED.search(before):
            continue  # "Charpentier, born in Juvisy-sur-Orge in December 1968, will turn 52"
        since = _SINCE.search(before)
        if since is not None:
            if value.earliest > published:
                yield rule.finding(
                    rule.message("past", words="since", date=value, published=published.isoformat()),
                    mention.start - len(since.group(0)), mention.end,
                    analysis.document.source[mention.start - len(since.group(0)):mention.end],
                    evidence=Evidence(fact="publication date", value=published.isoformat(), source="the article's publication date"),
                )
            continue
        span = (mention.start, mention.end)
        if analysis.syntax is not None:
            cue = _verb_tense(analysis, mention, rule)
            if cue is not None:
                verb = analysis.syntax.tokens[cue[2]]
                # the finding covers the verb and its date: either may be the slip
                span = (min(verb.start, mention.start), max(verb.end, mention.end))
        else:
            sentence = analysis.sentence_of(mention.start)
            words = [t.norm for t in _common.tokens_between(analysis, sentence.start, mention.start)]
            # a cue must end inside the window, but may start before it ("there were")
            lead = max(0, len(words) - window - 3)
            cue = _nearest_cue(words[lead:], cues, min_end=len(words) - lead - window)
        if cue is None:
            continue
        if analysis.syntax is not None and len(cue) > 2 and _an_attribute_noun_dated(analysis, cue[2], mention):
            continue  # "the race was still a good tuneup for the women's marathon on August 14": the marathon's day
        if analysis.syntax is not None and cue[0] == "past" and len(cue) > 2 and value.relative \
                and without_its_year(mention) and _past_perfect(analysis, cue[2]):
            # "Temperatures had begun rising on June 24 and peaked on June 28", "that film had opened two days
            # earlier, on Wednesday 29 June": a past before a past, the year not written — it is the story's
            # earlier year, not the publication's
            continue
        tense, words = cue[:2]
        if tense == "future" and value.latest < published:
            message = rule.message("future", words=words, date=value, published=published.isoformat())
        elif tense == "past" and value.earliest > published:
            message = rule.message("past", words=words, date=value, published=published.isoformat())
        else:
            continue
        yield rule.finding(
            message, span[0], span[1], analysis.document.source[span[0]:span[1]],
            evidence=Evidence(fact="publication date", value=published.isoformat(), source="the article's publication date"),
        )


_FIGURE_PERIOD = re.compile(r"\d[\d.,]*\s*(?:%|per\s?cent|percent|bn|billion|million|m|k)?\s+(?:in|for)\s+$")
# the period a change is measured from: "up 2.6 bushels from 2023", "10% from 2023", "down on 2022"
_BASE_PERIOD = re.compile(r"(?:\d[\d.,]*\s*(?:%|per\s?cent|percent)?(?:\s+[a-z]+){0,2}|\b(?:up|down))\s+"
                          r"(?:from|than|over|on|compared\s+(?:with|to))\s+(?:in\s+|last\s+)?$", re.IGNORECASE)
# a date a deadline or a meeting was moved to, or a deadline someone had ("stayed on until 30 June" is
# the verb's own time)
_TARGET = re.compile(r"\b(?:back|forward)\s+(?:to|until)\s+$|\b(?:postponed|delayed|pushed|moved|deferred|extended|adjourned|"
                     # (however long the aside between: "extended their agreement, which was due to expire at the end of
                     # this year, until 31 December 2023")
                     r"rescheduled|brought\s+forward)\b[^.;]{0,140}\b(?:to|until|till)\s+$"
                     # a deadline someone had: "Microsoft had until Oct. 18 to close", "had to file by May 3"
                     r"|\b(?:had|has|have|given)\s+(?:\w+\s+){0,2}?(?:until|till)\s+$|\bhad\s+to\b[^.;]{0,60}\bby\s+$"
                     # a state decided in the past that lasts until then: "Alcohol duty was frozen until 1 August 2024"
                     r"|\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+\w+(?:ed|en)\b[^.;]{0,30}\b(?:until|till)\s+$"
                     # … or agreed to hold until then: "have agreed to a peace obligation until 3 March"
                     r"|\b(?:agreed|committed|pledged|promised|signed|vowed)\b[^.;]{0,60}\b(?:until|till)\s+$")


# a birth's date, or an anniversary's ("on Dec. 10, the anniversary of Alfred Nobel's death in 1896"): the
# date of what is remembered, whatever verb the sentence goes on with
_REMEMBERED = re.compile(r"\b(?:born|anniversary)\b[^.;:]{0,60}$", re.IGNORECASE)
# "since" counts from a past date whatever the verb's tense ("will be the first … since Atlanta in 1996",
# "Since its 28 July release the film has drawn"): only a date after publication is at odds with it
_SINCE = re.compile(r"\bsince\b[^.;:,]{0,40}$", re.IGNORECASE)


def _an_attribute_noun_dated(analysis: Analysis, verb: int, mention) -> bool:
    """Is the verb "be" with a noun after it, and the date ("on August 14") written right after a noun of that
    phrase ("was … a good tuneup for the women's marathon on August 14")? The parser may hang the date on "was";
    it dates the noun, which the copula only names."""
    syntax = analysis.syntax
    text = analysis.document.text
    if text[syntax.tokens[verb].start:syntax.tokens[verb].end].lower() not in ("is", "was", "are", "were", "be", "been") \
            or not any(syntax.tokens[child].dep == "attr" for child in syntax.children(verb)):
        return False
    noun_before = re.search(r"\b([A-Za-z]+)\s+on\s+$", text[max(0, mention.start - 40):mention.start])
    if noun_before is None:
        return False
    word = syntax.span_root(mention.start - len(noun_before.group(0)), mention.start - len(noun_before.group(0)) + len(noun_before.group(1)))
    return word is not None and syntax.tokens[word].tag in ("NN", "NNS") and word > verb  # (not "the Oval Office on Friday": a place)


def _usable(analysis: Analysis, mention, published) -> bool:
    """Relative dates are the publication date's by construction; a date whose year was
    guessed is trusted only near the publication date (far off, the writer may mean another year) —
    nearer for an outcome than for an event fixed ahead (a release, an inauguration)."""
    value = mention.value
    if not value.relative:
        return True
    if mention.label == "day-no-year" and _its_year_in_the_sentence(analysis, mention):
        return True  # "announced its 2024 longlist on July 30": the sentence writes the year the guess gave it
    if mention.label == "month-no-year":
        # a month alone, near publication, and not the start of a span ("will undergo repairs from November to January",
        # in December: the span, not its first month, is what is still to come)
        return abs((value.earliest - published).days) <= 60 and not _SPAN_ON.match(analysis.document.text, mention.end)
    window = SCHEDULED_AHEAD_DAYS if scheduled_event(analysis.document.text, analysis.syntax, mention.start, mention.end) else 60
    return mention.label in ("day-no-year", "weekday") and abs((value.earliest - published).days) <= window


def _told_before_as_to_come(analysis: Analysis, mention, rule, published) -> bool:
    """"It will now run until 30 June … The full £500,000 band ended on 30 June": a day written without its year that
    the article gave before as still to come — with its year, or on a verb in the future — is that day, however far off."""
    if mention.label != "day-no-year" or analysis.syntax is None or mention.value.earliest <= published:
        return False
    return any(other.kind == "date" and other.start < mention.start and isinstance(other.value, DateValue)
               and other.value.precision == "day" and other.value.earliest == mention.value.earliest
               and (not other.value.relative or (cue := _verb_tense(analysis, other, rule)) is not None and cue[0] == "future")
               for other in analysis.mentions_in(0, mention.start, "date"))


_SPAN_ON = re.compile(r"\s*(?:to|until|till|through|into|[-–])\s", re.IGNORECASE)


def _its_year_in_the_sentence(analysis: Analysis, mention) -> bool:
    sentence = analysis.sentence_of(mention.start)
    return any(other.label == "year" and isinstance(other.value, DateValue) and other.value.earliest.year == mention.value.earliest.year
               for other in analysis.mentions_in(sentence.start, sentence.end, "date") if other is not mention)


def _through_prepositions(syntax, date: int, verb: int) -> bool:
    """"returned for her second dose on 29 December": the parser hangs the date's "on" on the noun
    of the verb's own phrase; a date reached from its verb through prepositions and their objects
    alone (no clause between) is still the verb's."""
    for index in syntax.ancestors(date)[:5]:
        if index == verb:
            return True
        if syntax.tokens[index].dep not in ("prep", "pobj", "dobj"):
            return False
    return False


def _on_the_object(syntax, date: int, verb: int, events: set[int] = frozenset()) -> bool:
    """Does the date speak of the verb's object ("promised a service on Sunday")? It does when it hangs
    on the object, and when it follows it: the parser hangs "on Sunday" on the verb as often as not."""
    # only a thing that can happen on a day ("a service", "the vote", an event the recogniser names: "a fifth
    # Olympics"), not another name ("approved Casgevy … on 8 December" is when it was approved)
    def an_occasion(index: int) -> bool:
        token = syntax.tokens[index]
        return token.dep == "dobj" and (token.tag in ("NN", "NNS") or index in events)

    for index in syntax.ancestors(date)[:4]:
        if index == verb:
            break
        if an_occasion(index) and syntax.tokens[index].head == verb:
            return True
    return any(an_occasion(child) and child < date for child in syntax.children(verb))


def _event_words(analysis: Analysis) -> set[int]:
    """The parse's words inside the events the recogniser names ("the Olympics", "the World Cup"), read once per document."""
    starts = analysis.syntax.starts
    return analysis.derived("tense:event-words", lambda: {
        index for m in analysis.mentions if m.kind == "event"
        for index in range(bisect.bisect_left(starts, m.start), bisect.bisect_left(starts, m.end))})


def _word(analysis: Analysis, index: int) -> str:
    token = analysis.syntax.tokens[index]
    return analysis.document.text[token.start:token.end].lower().replace("’", "'")


def _verb_tense(analysis: Analysis, mention, rule) -> tuple[str, str, int] | None:
    """("future" | "past", the words that say so, the verb's index) of the verb the date hangs on, or None."""
    syntax = analysis.syntax
    date = syntax.span_root(mention.start, mention.end)
    if date is None:
        return None
    verb = syntax.governing_verb(mention.start, mention.end)
    if verb is None or syntax.tokens[verb].dep in ("amod", "compound"):
        return None  # "the delayed launch on …": an adjective, no tense
    text = analysis.document.text
    sentence = analysis.sentence_of(mention.start)
    if syntax.tokens[verb].start >= mention.end and _OPEN_RELATIVE.search(text, sentence.start, mention.start) \
            and re.match(r"\s*,", text[mention.end:syntax.tokens[verb].start]):
        # "Trump, who takes office two weeks from today, on Jan. 20, said last May …": the day is the relative
        # clause's, set off before the main verb the parser hung it on
        return None
    if _reference_point(analysis, date, set(KIND.param(rule, "reference_words"))):
        return None  # "filed …, five days before the 18 October deadline": the date is not the filing's
    if syntax.path_length(verb, date) > 3 and not (mention.value.precision == "day" and _through_prepositions(syntax, date, verb)):
        return None
    said = _word(analysis, verb)
    if said in set(KIND.param(rule, "label_verbs")):
        return None  # "The chart dated May 4 reflects …": a label the thing bears, not when anything happened
    if said in set(KIND.param(rule, "naming_verbs")) \
            and re.fullmatch(r"\s+", text[syntax.tokens[verb].end:mention.start]) \
            and re.match(r"\s+(?:as\s+)?(?:a|an|the)\s", text[mention.end:mention.end + 8]):
        return None  # "has declared January 9 a national day of mourning": the day is what is declared, not when
    if said in set(KIND.param(rule, "object_date_verbs")) and _on_the_object(syntax, date, verb, _event_words(analysis)):
        return None  # "has promised a special service on Sunday 5 June": the service's day, not the promise's
    modals = set(KIND.param(rule, "modal"))
    futures = set(KIND.param(rule, "future_auxiliaries"))
    plans = set(KIND.param(rule, "plan_words"))
    conditions = set(KIND.param(rule, "conditions"))
    if syntax.tokens[verb].dep == "acl" and syntax.tokens[verb].tag == "VBN" and _word(analysis, verb) not in plans \
            and not any(syntax.tokens[c].dep in ("aux", "auxpass") for c in syntax.children(verb)):
        # "returned to No. 1 in the ATP rankings published on Monday, Sept. 11": a participle on a noun has no
        # tense of its own; the verb of the clause the noun stands in tells when — unless set off by a comma, an
        # aside of its own time ("Unlike Hubble, launched in 1990 …, Webb will orbit"; "The assessment, completed
        # in June, put damage at …")
        noun = syntax.tokens[verb].head
        if "," in analysis.document.text[syntax.tokens[noun].end:syntax.tokens[verb].start]:
            return None
        return _host_tense(analysis, noun, futures, modals | conditions)
    # the verb and what governs it through "to" ("is due to open", "plans to launch")
    chain = [verb]
    # (and an infinitive of purpose, "will return the jets to service on Jan. 26", where the parser reads "to service"
    # as a verb: its time is the main verb's)
    while (syntax.tokens[chain[-1]].dep == "xcomp" or syntax.tokens[chain[-1]].dep == "advcl"
           and any(syntax.tokens[c].dep == "aux" and _word(analysis, c) == "to" for c in syntax.children(chain[-1]))) \
            and len(chain) < 4:
        chain.append(syntax.tokens[chain[-1]].head)
    helpers = [(child, _word(analysis, child)) for link in chain for child in syntax.children(link)
               if syntax.tokens[child].dep in ("aux", "auxpass", "mark", "neg", "advmod")]
    words = {word for _, word in helpers}
    if words & modals or words & conditions:
        return None  # "would take place if needed", "could open on …"
    verb_word = _word(analysis, verb)
    if words & futures:
        # (the verb the helper belongs to: "will return", not the purpose clause's "service")
        helped = next((link for link in chain if any(_word(analysis, c) in futures for c in syntax.children(link))), verb)
        return "future", " ".join(w for _, w in sorted(helpers) if w in futures) + " " + _word(analysis, helped), helped
    top = chain[-1]
    top_word = _word(analysis, top)
    if len(chain) > 1 and top_word in plans | {"going"}:
        tag = syntax.tokens[top].tag
        auxiliaries = [syntax.tokens[c].tag for c in syntax.children(top) if syntax.tokens[c].dep in ("aux", "auxpass")]
        if tag in ("VBZ", "VBP") or any(t in ("VBZ", "VBP") for t in auxiliaries):
            return "future", f"{top_word} to {verb_word}", verb
        return None  # "was due to open …": a past plan says nothing of when
    if top_word in plans:
        return None
    tag = syntax.tokens[verb].tag
    auxiliaries = [syntax.tokens[c].tag for c in syntax.children(verb) if syntax.tokens[c].dep in ("aux", "auxpass")]
    if tag == "VBN" and not auxiliaries and syntax.tokens[verb].dep in ("ROOT", "relcl") \
            and any(syntax.tokens[c].dep == "nsubj" for c in syntax.children(verb)):
        tag = "VBD"  # "The 2023 season opened at Portimão": a verb with its own subject and no auxiliary, tagged a participle
    if tag == "VBD" and not auxiliaries:
        if any(syntax.tokens[c].dep in ("ccomp", "advcl") and c < verb and
               any(_word(analysis, a) in futures for a in syntax.children(c) if syntax.tokens[a].dep == "aux")
               # (a colon or semicolon between ends the future's clause: "will be closed on Sundays, with one
               # exception: a special service ran on 5 June")
               and not re.search(r"[:;]", analysis.document.text[syntax.tokens[c].end:syntax.tokens[verb].start])
               for c in syntax.children(verb)):
            # "Residents will see streetlights dimmed, bins collected fortnightly from 2025, …": the parser
            # made a participle of the future's list the sentence's verb
            return None
        if verb >= 2 and _word(analysis, verb - 1) == "," and syntax.tokens[verb - 2].tag.startswith("NN") \
                and any(_word(analysis, i) == "," for i in range(verb + 1, date)):
            # "The Tokyo Games, postponed for a year because of the pandemic, close on Sunday": a participle
            # set off by commas after its noun, which the parser made the sentence's verb
            return None
        return "past", verb_word, verb
    if tag == "VBN" and any(t == "VBD" or t == "VBZ" or t == "VBP" for t in auxiliaries):
        aux_words = [w for c, w in helpers if syntax.tokens[c].dep in ("aux", "auxpass")]
        if any(w in ("was", "were", "had", "has", "have") for w in aux_words):
            return "past", " ".join(aux_words + [verb_word]), verb
    return None


# a relative clause still open before a date: "President-elect Donald Trump, who takes office two weeks from today, on"
_OPEN_RELATIVE = re.compile(r",\s+(?:who|which)\s[^.;:()—–\"“”]*$")


def _host_tense(analysis: Analysis, noun: int, futures: set, modals: set) -> tuple[str, str, int] | None:
    """("past" | "future", the words, the verb's index) of the verb a noun is the object or subject of,
    directly or through one preposition — a simple past or a "will" — or None."""
    syntax = analysis.syntax
    host = syntax.tokens[noun].head
    if syntax.tokens[noun].dep == "pobj" and syntax.tokens[host].dep == "prep":
        host = syntax.tokens[host].head
    elif syntax.tokens[noun].dep not in ("dobj", "nsubj", "nsubjpass", "attr"):
        return None
    if host == noun or not syntax.tokens[host].tag.startswith("VB"):
        return None
    helpers = [_word(analysis, c) for c in syntax.children(host) if syntax.tokens[c].dep in ("aux", "auxpass", "mark")]
    if set(helpers) & modals:
        return None
    if set(helpers) & futures:
        return "future", " ".join(w for w in helpers if w in futures) + " " + _word(analysis, host), host
    if syntax.tokens[host].tag == "VBD" and not helpers and syntax.tokens[host].dep in ("ROOT", "conj", "ccomp"):
        return "past", _word(analysis, host), host
    return None


def _past_perfect(analysis: Analysis, verb: int) -> bool:
    """Is the verb (or the verb it is joined to by "and") in the past perfect ("had begun … and peaked")?"""
    syntax = analysis.syntax
    for index in (verb, syntax.tokens[verb].head if syntax.tokens[verb].dep == "conj" else verb):
        if any(syntax.tokens[c].dep == "aux" and _word(analysis, c) in ("had", "'d") for c in syntax.children(index)):
            return True
    return False


def _reference_point(analysis: Analysis, date: int, words: set[str]) -> bool:
    """Is the date the object of "before", "ahead of", "prior to" or "by": a point the verb's event is
    measured against, not when it happened?"""
    syntax = analysis.syntax
    token = syntax.tokens[date]
    for _ in range(2):  # "before the 18 March deadline": the date describes the noun that is the object
        if token.dep not in ("compound", "nummod", "amod", "nmod", "poss"):
            break
        token = syntax.tokens[token.head]
    if token.dep == "pobj" and _word(analysis, token.head) == "of" and syntax.tokens[token.head].dep == "prep":
        # "two days before the legally mandated deadline of June 30": the date names the noun "before" points at
        token = syntax.tokens[syntax.tokens[token.head].head]
    if token.dep != "pobj":
        return False
    preposition = token.head
    word = _word(analysis, preposition)
    if word in ("of", "to"):  # "ahead of", "prior to"
        word = _word(analysis, syntax.tokens[preposition].head)
    return word in words


def _nearest_cue(words: list[str], cues: dict, min_end: int = 0) -> tuple[str, str] | None:
    """The tense of the cue closest before the date.

    A past-tense plan ("was scheduled for") speaks of no tense; a past participle
    after a future marker is future ("will be released").
    """
    found = []
    for category, phrases in cues.items():
        for index, phrase in _common.find_phrase(words, phrases):
            if index + len(phrase) > min_end:
                found.append((index + len(phrase), len(phrase), index, category))
    if not found:
        return None
    end, _, index, category = max(found)
    text = " ".join(words[index:end])
    if category == "past_planning":
        return None
    if category == "past_verbs":
        futures = [f for f in found if f[3] == "future" and f[0] <= index]
        if futures:
            return "future", " ".join(words[futures[-1][2]:end])
        return "past", text
    return category, text


KIND = CheckKind(
    name="tense",
    run=run,
    summary="a verb's tense contradicts the date it governs",
    params={
        "future": ((list,), []),
        "past": ((list,), []),
        "past_verbs": ((list,), []),
        "past_planning": ((list,), []),
        "window": ((int,), 8),
        "future_auxiliaries": ((list,), ["will", "shall", "'ll", "wo"]),
        "modal": ((list,), ["would", "could", "might", "may", "should", "must", "can", "'d"]),
        "conditions": ((list,), ["if", "unless", "whether", "once"]),
        "reference_words": ((list,), ["before", "ahead", "prior", "by"]),
        "plan_words": ((list,), ["set", "due", "scheduled", "expected", "slated", "going", "poised", "planned", "plan",
                                 "plans", "planning", "intends", "intend", "aims", "aim", "hopes", "hope", "likely"]),
        "object_date_verbs": ((list,), ["promised", "pledged", "announced", "unveiled", "proposed", "approved", "agreed"]),
        "label_verbs": ((list,), ["dated", "titled", "entitled"]),
        "naming_verbs": ((list,), ["declared", "designated", "proclaimed", "named", "made"]),
    },
    messages=('future', 'past'),
)
