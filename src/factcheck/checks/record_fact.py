"""record-fact: a value the article ties to a record's fact disagrees with the record."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from factcheck.checks import _common
from factcheck.checks.base import RATIO_OR_NEVER, SEVERITY_NAME, CheckKind
from factcheck.facts import GENERIC_WORDS, fact_key_words, stem, unit_label, word_base
from factcheck.model import Analysis, DateValue, Finding, NumberValue, Severity, without_its_year


def run(analysis: Analysis, rule) -> Iterator[Finding]:
    kinds = set(KIND.param(rule, "values"))
    facts = set(KIND.param(rule, "facts"))
    seen: set[tuple[int, int]] = set()
    # the keys each figure is tied to: one figure tied to keys of other periods (`fy23.letters_loss`, `fy15_loss`)
    # in a sentence that names no period could be any of them
    keys_of: dict[tuple[int, str], set[str]] = {}
    for claim in analysis.claims:
        keys_of.setdefault((claim.value.start, claim.record.id), set()).add(claim.fact)
    # of the keys one value is tied to, the one the trigger names outright first ("found the work on 12 December":
    # `found`, not `theft_discovered`), as only the first reported of one value is shown
    for claim in sorted(analysis.claims, key=lambda c: (c.value.start, not _key_is_its_trigger(c))):
        if _of_an_unnamed_period(analysis, claim, keys_of[(claim.value.start, claim.record.id)]):
            continue
        spec = analysis.vocabulary.spec(claim.record.type, claim.fact)
        if spec is None or spec.value not in kinds or (facts and claim.fact not in facts):
            continue
        recorded = tuple(v for v in claim.record.facts.get(claim.fact, ())
                         if _common.comparable(claim.value, v) and _common.in_scope(analysis, claim, v))
        if not recorded or any(_common.admits(claim.value, value) for value in recorded):
            continue
        if claim.record.type == "person" and claim.value.kind == "person" \
                and any(_common.same_name(claim.value.text, name) for name in claim.record.names):
            continue  # "awarded jointly to Higgs and François Englert": the person is never their own `shared_with`
        if _day_against_years(claim, recorded) or _count_against_years(claim, recorded) or _another_edition(analysis, claim) \
                or _sentence_of_another_year(analysis, claim) or _told_in_a_records_text(analysis, claim) \
                or _year_of_another_fact(analysis, claim) or _numbers_naming_items(recorded) or _years_apart_clause(analysis, claim) \
                or _this_weeks_news_of_an_old_fact(analysis, claim, recorded):
            continue
        year_guessed = without_its_year(claim.value)
        if claim.slips_only and not any(isinstance(v.value, dt.date) and _common.date_slip(claim.value.value, v.value, year_guessed)
                                        or _common.year_slip(claim.value.value, v.value)
                                        or _common.figure_slip(claim.value, v) for v in recorded):
            continue
        text = analysis.document.text
        if isinstance(claim.value.value, DateValue) and _PAST_PLAN.search(text[max(claim.sentence[0], claim.value.start - 60):claim.value.start]):
            continue  # "had originally been scheduled for 11 December": a plan that did not hold, not the date
        if isinstance(claim.value.value, NumberValue) and _THE_OTHER.search(text[max(claim.sentence[0], claim.value.start - 12):claim.value.start]):
            continue  # "four of them gold; the other two golds were won by para-rowing crews": a part, not the tally
        if isinstance(claim.value.value, NumberValue) and _PROJECTED.search(text[max(claim.sentence[0], claim.value.start - 50):claim.value.start]):
            continue  # "on course to approach 10 million tickets": a figure foreseen, not the one reached so far
        if isinstance(claim.value.value, NumberValue) and _names_the_key(claim):
            continue  # "Boeing 737 Max" beside `boeing_b737_max: 190`: the number names the fact, it is not its value
        if (claim.value.start, claim.value.end) in seen:
            continue
        if spec.derived and _another_claim_admits(analysis, claim):
            # "Boeing delivered its final 747 on Tuesday": the final 747's own `delivered`, which the day is, not the
            # programme's `last_passenger_747_delivered_to.year`, a key of words the sentence half says
            continue
        if (spec.derived or spec.value in ("text", "person")) and _another_fact_admits(analysis, claim, said=not spec.derived):
            # words read from keys are no curated trigger: "announced" may be either announcement; and a
            # name another fact holds, in a sentence that says that fact's words, is that fact's ("the
            # recovery teams aboard USS Portland" beside `recovery_ship: USS Portland`, not the launch vehicle)
            continue
        if claim.subject is None and _held_under_a_like_key(analysis, claim):
            # tied only through the article's topic, and another record gives this value for a fact of
            # the same name ("Hurley … is the spacecraft commander": Demo-2's crew, not Expedition 63's)
            continue
        seen.add((claim.value.start, claim.value.end))
        best = _common.preferred(recorded)
        stated = claim.value.value if claim.value.value is not None else claim.value.text
        shown_best = best
        if spec.value == "quantity":  # "171 mph (148.6 knot)" against "140 knot": both in the record's unit
            stated, shown_best = _with_units(text, claim, unit_label(spec.unit)), f"{best} {unit_label(spec.unit)}"
        elif spec.value == "duration" and spec.unit == "minutes" and isinstance(stated, NumberValue):
            # "four hours and 24 minutes" against `duration: 4 hours 42 minutes`: both as hours and minutes
            stated, shown_best = _hours_and_minutes(stated.value), _hours_and_minutes(best.value)
        elif isinstance(stated, NumberValue) and isinstance(best.value, (int, float)) and not isinstance(best.value, bool) \
                and abs(_common.number_of(best)) >= 10_000:
            # "$148.5 billion in the records, not $184.5 billion": a large figure in the article's own form
            stated, shown_best = claim.value.text, _common.suggestion_for(claim.value, best)
        listed = len(recorded) >= 2 and all(isinstance(v.value, int) and not isinstance(v.value, bool) for v in recorded) \
            and isinstance(claim.value.value, DateValue)
        if listed:
            # a year of a list of years ("titles of 1996, 2003, 2005 and 2011" against [1996, 2003, 2005, 2010,
            # 2021]): the list, and as the suggestion the nearest year of it the sentence does not give
            sentence = text[claim.sentence[0]:claim.sentence[1]]
            unsaid = [v for v in recorded if str(v.value) not in sentence] or list(recorded)
            best = min(unsaid, key=lambda v: abs(v.value - claim.value.value.earliest.year))
            message = rule.message("contradicts_list", fact=spec.label, record=claim.record.name,
                                   recorded=", ".join(str(v.value) for v in recorded), stated=claim.value.text)
        else:
            message = rule.message("contradicts", fact=spec.label, record=claim.record.name, recorded=shown_best, stated=stated)
        other = _other_record_with(analysis, claim)
        if other is not None and (claim.subject is None or _far(analysis, claim) or _named_in_any_case(analysis, claim, other)):
            # tied only through "the film", or through a name far from the trigger: the value is
            # the other record's, so the sentence is most likely about that one
            # ("Pocket Dragons 3, in 2019, and stepped away for the 2022 sequel, which was directed by …")
            continue
        if other is not None:
            message += " " + rule.message("other_record", stated=stated, fact=spec.label, other=other.name)
        yield rule.finding(
            message, claim.value.start, claim.value.end, claim.value.text,
            severity=Severity.parse(KIND.param(rule, "far_severity"))
            if _far_off(claim, recorded, KIND.param(rule, "far_ratio")) and not _written_as_the_fact(text, claim) else None,
            suggestion=_without_title_before(text, claim.value.start, _common.suggestion_for(claim.value, best)),
            evidence=_common.evidence(claim.record, claim.fact, recorded),
        )


_PERIOD_IN_KEY = re.compile(r"(?:^|_)(?:h[12]_|q[1-4]_)?(?:fy_?)?((?:19|20)?\d\d)(?:_|$|\.)")


OLD_FACT_YEARS = 10  # a fact this many years old is not re-dated by this week's news (measured: 2 lost a find whose
# record tied the week's day to a four-year-old fact of a neighbouring record)


def _this_weeks_news_of_an_old_fact(analysis: Analysis, claim, recorded) -> bool:
    """A day within a fortnight of publication ("were jointly awarded the Pulitzer Prize for fiction on Monday, the first
    time …") against a fact whose every recorded date is ten years or more before it (`first_awarded: 1918`): the day
    is the news of the week, another occasion than the fact's, not a slip of it."""
    published = analysis.document.published
    stated = claim.value.value
    if published is None or not isinstance(stated, DateValue) or stated.precision != "day" \
            or abs((stated.earliest - published).days) > 14:
        return False
    years = [v.value if isinstance(v.value, int) else v.value.year for v in recorded
             if isinstance(v.value, (int, dt.date)) and not isinstance(v.value, bool)]
    return bool(years) and len(years) == len(recorded) and all(year <= published.year - OLD_FACT_YEARS for year in years)


def _of_an_unnamed_period(analysis: Analysis, claim, keys: set[str]) -> bool:
    """Is the figure tied to keys of two periods or more ("Australia Post slumps to $200 million loss" against
    `fy23.letters_loss`, `h1_fy23.letters_loss` and `fy15_loss.amount`) in a sentence that names no year? Which
    period's it is, the sentence does not say."""
    if len(keys) < 2 or not isinstance(claim.value.value, NumberValue):
        return False
    periods = {tuple(_PERIOD_IN_KEY.findall(key.replace(".", "_."))) for key in keys}
    if len(periods) < 2:
        return False
    start, end = claim.sentence
    return not _common.sentence_years(analysis.document.text[start:end]) and not re.search(
        r"\b(?:fy|fiscal|financial\s+year|half|quarter)\b", analysis.document.text[start:end], re.IGNORECASE)


def _far_off(claim, recorded, ratio: float) -> bool:
    """Is a stated figure more than `ratio` times off every figure the records keep for the fact, and no slip of
    their digits ("three votes" against a season's 45, "627" patients against a day's 96, "first" against a sixth
    crossing)? Measured on copy written blind, such a figure far more often counts another thing than the fact, so
    it is reported at the rule's lower severity. A slip ("14" for 41) stays whatever the ratio."""
    stated = claim.value.value
    if not ratio or not isinstance(stated, NumberValue) or not stated.value:
        return False
    figures = [v for v in recorded if isinstance(v.value, (int, float)) and not isinstance(v.value, bool) and v.value]
    if not figures or any(_common.figure_slip(claim.value, v) for v in figures):
        return False
    kept = [abs(_common.number_of(v)) for v in figures]  # (in plain units: `revenue_usd_bn: 60.9` is 60.9 billion)
    return all(max(abs(stated.value), figure) / min(abs(stated.value), figure) > ratio for figure in kept)


def _written_as_the_fact(text: str, claim) -> bool:
    """Is the figure written with a unit and then a word of the fact's key ("on a 15-hectare site" for
    `site_area.hectares`)? Then it is the fact, however far off: no other thing's count."""
    after = _UNIT_THEN_NOUN.match(text, claim.value.end)
    if after is None:
        return False
    words = {word_base(w) for w in fact_key_words(claim.fact)}
    return word_base(after.group(2).lower()) in words and word_base(after.group(1).lower()) not in words


_UNIT_THEN_NOUN = re.compile(r"[ -]?([a-z]+)[ -]([a-z]+)\b")


def _without_title_before(text: str, start: int, suggestion: str) -> str:
    """The name suggested less the title the article already writes before the span ("Chancellor
    Jeremy Hunt" against "Chancellor Rachel Reeves": the suggestion for "Jeremy Hunt" is "Rachel Reeves")."""
    words = suggestion.split()
    for count in range(len(words) - 1, 0, -1):
        title = " ".join(words[:count])
        if text[max(0, start - len(title) - 1):start].rstrip() == title and title[:1].isupper():
            return " ".join(words[count:])
    return suggestion


def _hours_and_minutes(minutes) -> str:
    if not isinstance(minutes, (int, float)) or minutes < 60 or not float(minutes).is_integer():
        return f"{minutes:g} minutes" if isinstance(minutes, (int, float)) else str(minutes)
    hours, rest = divmod(int(minutes), 60)
    return f"{hours} hour{'s' if hours != 1 else ''}" + (f" {rest} minute{'s' if rest != 1 else ''}" if rest else "")


def _with_units(text: str, claim, unit: str) -> str:
    """The figure as written with its unit, and in the record's unit when that is another."""
    written = re.match(r"[\s-]*([^\W\d_][\w/]*)", text[claim.value.end:claim.value.end + 20])
    shown = f"{claim.value.text} {written.group(1)}" if written else claim.value.text
    converted = claim.value.value.value
    as_written = float(claim.value.text.replace(",", "")) if re.fullmatch(r"[\d,]+(?:\.\d+)?", claim.value.text) else None
    if as_written is not None and abs(converted - as_written) > 1e-9:
        shown += f" ({converted:.4g} {unit})"
    return shown


# a plan told in the past, or one that changed ("had originally been scheduled for", "was due on")
# (a record "was set at Cambridge on 25 July 2019" is no plan: only "set for" or "set to" is)
_PAST_PLAN = re.compile(r"\b(?:(?:originally|initially)\s+(?:been\s+)?(?:scheduled|planned|set|slated|due|expected|meant)|"
                        r"first\s+(?:been\s+)?(?:scheduled|planned|slated|due|expected)|"  # (not "the first set" of a match)
                        r"(?:was|were|had\s+been)\s+(?:originally\s+|initially\s+)?(?:scheduled|planned|slated|due|expected|set(?=\s+(?:for|to)\b)))\b[^.;]*$",
                        re.IGNORECASE)


# a figure the sentence foresees, hopes for or aims at, right before it in its own clause (not one a
# deal or a plan sets, "would pay $95 a share", "plans to cut 1,900 jobs": records keep those)
_PROJECTED = re.compile(r"\b(?:on\s+(?:course|track|pace)\s+to|(?:expected|projected|forecast|predicted|likely|tipped|"
                        r"aim(?:s|ing)?|hop(?:es|ing))\s+to|could|might|targets?|goal\s+of)\b[^.;,]*$", re.IGNORECASE)


def _names_the_key(claim) -> bool:
    """Is the stated figure a number the fact's own key is named with (`boeing_b737_max`, "737")?"""
    number = claim.value.value.value
    return number == int(number) and re.search(rf"(?<!\d){int(number)}(?!\d)", claim.fact) is not None


def _key_is_its_trigger(claim) -> bool:
    """Is the fact's own key the word that tied it ("found" for `found`)?"""
    return fact_key_words(claim.fact.rsplit(".", 1)[-1]) == tuple(claim.trigger.lower().split())


def _trigger_says_its_key(claim) -> bool:
    """Does the trigger say every word of the fact's own key but those of when ("Nobel Peace Prize" for
    `nobel_peace_prize_year`), three words or more?"""
    wanted = {word_base(w) for w in fact_key_words(claim.fact.rsplit(".", 1)[-1]) if w not in _WHEN_WORDS and w not in GENERIC_WORDS}
    return len(wanted) >= 3 and wanted <= {word_base(w) for w in claim.trigger.lower().split()}


_WHEN_WORDS = {"year", "date", "day", "when", "on", "in", "at"}


def _numbers_naming_items(recorded) -> bool:
    """Are the record's figures the numbers its items go by (`giro_2024_stage_wins: {2: {date: …}, 7: {…}}`,
    stages 2 and 7), not amounts? "won six stages" counts them; no figure of the article is one of them."""
    return len(recorded) >= 2 and all(isinstance(v.value, int) and isinstance(v.qualifiers.get("detail"), dict) for v in recorded)


def _day_against_years(claim, recorded) -> bool:
    """A day ("on Sunday") set against a list of years (`wimbledon_titles: [2011, 2014, …]`): the list
    says in which seasons, and a sentence that gives a day tells of one occasion, most often another's
    ("Carlos Alcaraz dethroned Novak Djokovic to win his first Wimbledon title on Sunday")."""
    return isinstance(claim.value.value, DateValue) and claim.value.value.precision == "day" and len(recorded) >= 2 \
        and all(isinstance(v.value, int) and not isinstance(v.value, bool) for v in recorded)


_YEARS_AGO = re.compile(r"\b(?:\w+\s+years?\s+ago|last\s+year|a\s+year\s+(?:ago|earlier))\b", re.IGNORECASE)


def _another_edition(analysis: Analysis, claim) -> bool:
    """"Four years ago he finished third in the Giro", tied to "2023 Giro d'Italia" in a 2023 article:
    a year of this year's edition cannot be years ago; the sentence tells of another edition."""
    published = analysis.document.published
    if published is None or not isinstance(claim.value.value, DateValue) or not _YEARS_AGO.search(claim.value.text):
        return False
    return any(str(published.year) in re.findall(r"\b(?:19|20)\d\d\b", name) for name in claim.record.names)


_THE_OTHER = re.compile(r"\b(?:the\s+other|the\s+remaining|another)\s+$", re.IGNORECASE)


def _sentence_of_another_year(analysis: Analysis, claim) -> bool:
    """"Five years ago, … collided with eventual champion Dario Franchitti", tied to "2017 Indianapolis 500": the
    record's name gives its year, and the sentence opens by dating itself years before it — it tells of another
    edition. (Only a "years ago" before the value, in a sentence with no "since": "Ducati's first champion since
    Casey Stoner's title in 2008, … since Giacomo Agostini … in 1972, fifty years ago" is this edition's.)"""
    own = {int(year) for name in claim.record.names for year in re.findall(r"\b(?:19|20)\d\d\b", name)}
    start, end = claim.sentence
    text = analysis.document.text
    if len(own) != 1 or re.search(r"\bsince\b", text[start:end], re.IGNORECASE):
        return False
    ago = [m for m in analysis.mentions_in(start, claim.value.start, "date") if isinstance(m.value, DateValue) and _YEARS_AGO.search(m.text)]
    if ago and all(not own & set(range(m.value.earliest.year, m.value.latest.year + 1)) for m in ago):
        return True
    # (or dates itself with a day of another year before the value: "Twelve months earlier, at championships that
    # ended on 25 September 2022 …, Britain topped the table with 12 medals: seven gold", tied to the 2023 record)
    dated = [m for m in analysis.mentions_in(start, claim.value.start, "date") if isinstance(m.value, DateValue)
             and not m.value.relative and m.value.precision == "day" and re.search(r"\b(?:19|20)\d\d\b", m.text)]
    return bool(dated) and all(not own & set(range(m.value.earliest.year, m.value.latest.year + 1)) for m in dated) \
        and not any(str(year) in text[start:end] for year in own)


def _years_apart_clause(analysis: Analysis, claim) -> bool:
    """Is the value in a clause the sentence sets years before or after its own ("Ten years after she won her first
    world all-around title as a 16-year-old …, Simone Biles … won her sixth")? It is that clause's time's, not now's."""
    syntax = analysis.syntax
    if syntax is None:
        return False
    word = syntax.span_root(claim.value.start, claim.value.end)
    if word is None:
        return False
    text = analysis.document.text
    for index in syntax.ancestors(word)[:6]:
        token = syntax.tokens[index]
        if token.dep != "advcl":
            continue
        for child in syntax.children(index):
            mark = syntax.tokens[child]
            if mark.dep == "mark" and text[mark.start:mark.end].lower() in ("after", "before") \
                    and _YEARS_BEFORE_MARK.search(text[max(claim.sentence[0], mark.start - 30):mark.start]):
                return True
        return False
    return False


# "Ten years after", "two decades before", "18 months after"
_YEARS_BEFORE_MARK = re.compile(r"\b(?:\d+|[a-z]+)\s+(?:years?|decades?|months?)\s+$", re.IGNORECASE)


def _told_in_a_records_text(analysis: Analysis, claim) -> bool:
    """Do the words of the figure and the two after it stand in a text the records keep ("its first opera by a
    Black composer" beside the opening night's `firsts: ["first opera by a Black composer in the Met's history"]`)?
    The figure is that text's, not the fact it was tied to (`composer_opera_number: 2`)."""
    if not isinstance(claim.value.value, NumberValue):
        return False
    text = analysis.document.text
    after = re.match(r"\s+[\w'’-]+\s+[\w'’-]+", text[claim.value.end:claim.value.end + 60])
    if after is None:
        return False
    said = " ".join((claim.value.text + after.group(0)).lower().split())
    kept_texts = analysis.records.facts_memo("lower_texts", _lower_texts)
    if any(said in kept for kept in kept_texts):
        return True
    # … or the figure and its noun, a whole item of the text ("17 points and nine assists in that semi-final" beside
    # `semi_final_v_usa: "17 points, 9 assists"`)
    pair = re.escape(" ".join(said.split()[:len(claim.value.text.split()) + 1]))
    return any(re.search(rf"(?:^|[\s(]){pair}(?:[,;.)]|$)", kept) for kept in kept_texts)


def _lower_texts(records) -> list[str]:
    """The records' texts in lower case, one space between words, built once for the run."""
    return [" ".join(value.value.lower().split()) for record in records for values in record.facts.values() for value in values
            if isinstance(value.value, str)]


def _year_of_another_fact(analysis: Analysis, claim) -> bool:
    """"… equalling the record Ireland has held since its last win in 1996", tied to Sweden's `wins`: the
    record's own `tied_with: "Ireland, 7 wins (last in 1996)"` writes that year beside a name the sentence
    says — the year is that other one's."""
    stated = claim.value.value
    if not isinstance(stated, DateValue) or stated.precision != "year":
        return False
    year = str(stated.earliest.year)
    sentence = analysis.document.text[claim.sentence[0]:claim.sentence[1]]
    own = " ".join(claim.record.names)
    for fact, values in claim.record.facts.items():
        if fact == claim.fact:
            continue
        for value in values:
            if isinstance(value.value, str) and re.search(rf"\b{year}\b", value.value) and any(
                    re.search(rf"\b{re.escape(name)}\b", sentence) and name not in own
                    for name in re.findall(r"\b[A-Z][\w’'-]{3,}", value.value)):
                return True
    return False


def _count_against_years(claim, recorded) -> bool:
    """A count or age ("won at 33 years and 211 days") set against years (`giro_wins: [2023]`): the
    years say when, and no figure below a thousand is one of them."""
    stated = claim.value.value
    return isinstance(stated, NumberValue) and not stated.ordinal and abs(stated.value) < 1000 \
        and all(isinstance(v.value, int) and not isinstance(v.value, bool) and 1800 <= v.value <= 2100 for v in recorded)


def _held_under_a_like_key(analysis: Analysis, claim) -> bool:
    word = claim.fact.rsplit(".", 1)[-1]
    return any(
        word in key and _common.comparable(claim.value, value) and _common.admits(claim.value, value)
        for record in analysis.records.records if record is not claim.record
        for key, values in record.facts.items() for value in values
    )


def _another_claim_admits(analysis: Analysis, claim) -> bool:
    """Is the same value tied to another record's fact too, which holds it as precisely as it is written?"""
    return any(
        other is not claim and other.value.start == claim.value.start and other.record.id != claim.record.id
        and any(_common.comparable(other.value, value) and _common.admits(other.value, value) and _as_precise(other.value, value)
                for value in other.record.facts.get(other.fact, ()))
        for other in analysis.claims)


def _another_fact_admits(analysis: Analysis, claim, said: bool = False) -> bool:
    """Does another fact of the record, one the sentence may speak of, hold this value as precisely
    as it is written? (A bare year such as `us_open_titles: [2023]` says nothing of "Jan. 28", a day
    of that year; and for a name, `leader.predecessor: Ian Ward` nothing of "Council leader Ian Ward",
    a sentence with no word of "predecessor".) With `said`, the sentence must say that fact's words:
    a curated fact's word ("chief executive Marcus Lindqvist") is not outweighed by a key it never
    says (`cto: Marcus Lindqvist`)."""
    start, end = claim.sentence
    words = {stem(t.norm) for t in _common.tokens_between(analysis, start, end)}
    if _FORMERLY.search(analysis.document.text, start, end):
        # "the awards night traditionally took place at the Eventim Apollo": a sentence of how things
        # were speaks of the record's previous or usual value (`previous_usual_venue`), not its current one
        words |= {stem(word) for word in _FORMER_KEY_WORDS}
    own = set(fact_key_words(claim.fact))
    strong = _trigger_says_its_key(claim)

    def may_speak_of(key: str) -> bool:
        if any(stem(negated) in words for negated in re.findall(r"(?:^|[_.])non_([a-z]+)", key)):
            return False  # "37 tries in 73 Tests" speaks of Tests, not of `all_black_matches_including_non_tests`
        if claim.value.kind in ("number", "date") and not strong:
            return True  # a figure or a date fits many facts: any other that holds it may be meant
            # (not when the trigger says every word of the claim's own key: "The Nobel Peace Prize he received in 1986"
            # is `nobel_peace_prize_year`, not the `enthroned: 1986-09-07` of a sentence that says none of its words)
        telling = [w for w in fact_key_words(key) if w not in own and w.isalpha() and len(w) >= 4]
        if said:
            return any(stem(w) in words for w in telling)
        return not telling or any(stem(w) in words for w in telling)

    return any(
        _common.comparable(claim.value, value) and _common.admits(claim.value, value) and _as_precise(claim.value, value)
        for key, values in claim.record.facts.items() if key != claim.fact and may_speak_of(key) for value in values
    )


_FORMERLY = re.compile(r"\b(?:traditionally|usually|normally|customarily|historically|previously|formerly|used\s+to|"
                       r"had\s+(?:long|always)|in\s+the\s+past|until\s+(?:then|now|this\s+year|last\s+year))\b", re.IGNORECASE)
_FORMER_KEY_WORDS = ("previous", "former", "prior", "usual", "old", "original", "traditional", "past", "earlier",
                     "predecessor", "outgoing", "customary", "historic", "historical")


def _as_precise(stated, recorded) -> bool:
    if isinstance(stated.value, DateValue) and stated.value.precision == "day":
        return isinstance(recorded.value, dt.date)
    return True


NEAR_SUBJECT = 6  # words between a named subject and its trigger


def _far(analysis: Analysis, claim) -> bool:
    first, second = sorted((claim.subject.end, claim.trigger_start))
    if claim.subject.start > claim.trigger_start:
        first, second = claim.value.end, claim.subject.start  # a subject after its value: count from the value
    return len(_common.tokens_between(analysis, first, second)) > NEAR_SUBJECT


def _named_in_any_case(analysis: Analysis, claim, other) -> bool:
    """Does the sentence name the other record, in any case ("A second Morrill Act, signed on Aug. 30, 1890" beside a
    record "Second Morrill Act of 1890"), though the linker tied the value to a shorter name inside it?"""
    said = analysis.document.text[claim.sentence[0]:claim.sentence[1]].lower()
    for name in other.names:
        head = re.split(r"\s+(?:of|in)\s+(?:1[5-9]|20)\d\d\b|\s*\(", name)[0].strip().lower()
        if len(head.split()) >= 2 and re.search(rf"(?<!\w){re.escape(head)}(?!\w)", said):
            return True
    return False


def _other_record_with(analysis: Analysis, claim):
    """Another record of the same type whose fact has the stated value: a likely mix-up."""
    for record in analysis.records.records:
        if record is claim.record or record.type != claim.record.type:
            continue
        values = record.facts.get(claim.fact, ())
        if any(_common.comparable(claim.value, v) and _common.admits(claim.value, v) for v in values):
            return record
    return None


KIND = CheckKind(
    name="record-fact",
    run=run,
    summary="a value tied to a record's fact disagrees with the record",
    params={
        "values": ((list,), ["date", "number", "ordinal", "duration", "money", "person", "text"]),
        "facts": ((list,), []),
        # a figure this many times off the record's, and no slip of it, is reported at `far_severity` (0: never)
        "far_ratio": ((int, float), 0),
        "far_severity": ((str,), "info"),
    },
    param_checks={"far_ratio": RATIO_OR_NEVER, "far_severity": SEVERITY_NAME},
    messages=("contradicts", "other_record", "contradicts_list"),
    fallback_messages={"contradicts_list": "{fact} of “{record}” are {recorded} in the records, not {stated}"},
)
