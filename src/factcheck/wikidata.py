"""Reference facts from Wikidata: look entities up, cache the answers, turn them into Records.

Only the MediaWiki action API is used (`<base>/w/api.php`): `wbsearchentities`
finds candidate items for a name, `wbgetentities` fetches them (at most 50 ids a
call) and then, in one more batched call per 50 ids, the labels of the items
their statements point to (directors, cast, places …). `<base>` is the
`base_url` argument, else `$FACTCHECK_WIKIDATA_URL`, else
https://www.wikidata.org.

Etiquette and robustness: one `requests.Session` with an identifying
User-Agent; `maxlag=5` on every call; a timeout on every call (`timeout`
seconds to connect, to the first byte, and for the whole body); at most one
request per `min_interval` seconds; up to `max_tries` tries with exponential
backoff for connection failures, timeouts, HTTP 5xx, 429, non-JSON bodies and
the `maxlag` error (an HTTP 200 answer). `Retry-After` is honoured: the client
never retries sooner than it says, and when it asks for longer than
`max_sleep` the client gives up rather than retry early. Every answer that
parsed and carries no `error` is stored in the SQLite cache
(`factcheck.cache`); fresh entries (younger than `ttl_days`) are used without
a request, and `offline=True` uses the cache only, old entries included.

Which items count: a name resolves to an item only when the item's English (or
`mul`, the language-neutral) label or one of its aliases equals the name (on
folded words: case, accents and punctuation do not matter), and its P31
"instance of" is one of the classes in `TYPE_CLASSES` below (no P279 subclass
walk: that would cost requests). Several such items: the ones whose label (not
alias) matches win; still several is ambiguous and skipped (`records_for`) or
an error naming them (`pull`).

Facts (`PROPERTY_FACTS`, per our entity type): P577 → release_date, P1191 →
premiere_date, P57 → director, P161 → cast, P179 → series, P1545 (direct, or
as a qualifier on P179) → installment, P2047 → runtime_minutes, P569 →
birth_date, P570 → death_date, P19 → birth_place, P571 → founded, P159 →
headquarters, P169 → ceo, P1128 → employees, P1082 → population, P585 → date
(events). Every FactValue carries the qualifiers `property` (e.g. "P577") and
`retrieved` (the UTC date the answer was fetched). Records get the item URL
(and the English Wikipedia article, when there is one) as `sources` and
`wikidata:Q…` as `origin`.

Choices:

- **Ranks.** Deprecated statements are ignored. Among the rest, preferred ones
  win over normal ones ("best rank"), per property; for P577 per place of
  publication, so that a preferred US date does not hide the other countries'.
  For a quantity that changes over time (employees, population) with no
  preferred statement, the one with the latest P585 "point in time" is kept
  (with an `as_of` qualifier). Other properties keep every best-rank value: a
  birth date recorded both to the day and to the year keeps both (the checker
  accepts a stated value that agrees with any of them).
- **Precision.** Day (11) or finer → a `datetime.date`. Year (9) → an `int`
  year, which the checker compares as a year-only value. Month (10) → also the
  `int` year, with the qualifiers `precision: month` and `month: "YYYY-MM"`: a
  month can never be made to contradict a day inside it that way (a date on
  the first of the month would). Decade and coarser (≤ 8), negative years, year
  0 and years above 9999 are skipped.
- **Calendar.** Julian-calendar values (calendarmodel Q1985786) with day
  precision are converted to the proleptic Gregorian calendar (through the
  Julian day number) and marked `calendar: julian`; with month or year
  precision the year is kept as it is (the two calendars never differ by more
  than 13 days).
- **Regions.** A release date's P291 "place of publication" becomes
  `region: <the place's label>` (e.g. "United States"), plus
  `region_code: <ISO 3166-1 alpha-2>` when it can be derived: from the
  place's P297 when its claims were fetched, else from `COUNTRY_CODES`, a small
  table of common countries (the label fetch asks for labels only, to keep it
  light). A premiere's P4647 "location of first performance" becomes `place`.
- **Units.** P2047 durations are converted to minutes from minute (Q7727),
  hour (Q25235) or second (Q11574); other units are skipped.
- **Labels.** English, else `mul`; an item with neither is left out (a bare
  Q-id is no use as a name).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import os
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import requests

from factcheck import __version__
from factcheck.cache import Cache, fresh, request_key
from factcheck.errors import UserError
from factcheck.fetch import body_chunks
from factcheck.model import FactValue, Record
from factcheck.text import name_key

DEFAULT_URL = "https://www.wikidata.org"
URL_ENV = "FACTCHECK_WIKIDATA_URL"
API_PATH = "/w/api.php"
ITEM_URL = "https://www.wikidata.org/wiki/{}"
USER_AGENT = f"factcheck/{__version__} (https://github.com/factcheck/factcheck) python-requests/{requests.__version__}"
LANGUAGES = ("en", "mul")
MAX_IDS = 50  # per wbgetentities call
MAXLAG = 5
SEARCH_LIMIT = 10
MAX_BODY_BYTES = 50_000_000
# Defaults, read when a source is made (tests may change them).
MAX_TRIES = 3
MAX_SLEEP = 10.0  # never sleep longer than this before a retry; a longer Retry-After means give up
BACKOFF = 0.5  # first backoff, doubled on each retry
MIN_INTERVAL = 0.25  # at most 4 requests a second
MAXLAG_WAIT = 5.0  # the maxlag manual: wait at least 5 s when no Retry-After is given

_QID_RE = re.compile(r"^[Qq][1-9]\d*$")
_TIME_RE = re.compile(r"^([+-])(\d+)-(\d{2})-(\d{2})T")
GREGORIAN = "Q1985727"
JULIAN = "Q1985786"
_UNIT_MINUTES = {"Q7727": Decimal(1), "Q25235": Decimal(60), "Q11574": Decimal(1) / Decimal(60)}

# P31 classes → our entity types. No subclass walk: only these classes count.
TYPE_CLASSES: dict[str, str] = {
    # people
    "Q5": "person",
    # films
    "Q11424": "film", "Q24862": "film", "Q24869": "film", "Q202866": "film", "Q226730": "film",
    "Q93204": "film", "Q506240": "film", "Q229390": "film",
    # organisations: organization, business, company, public company, enterprise, political party,
    # nonprofit, government agency, association football club, record label, musical group, rock band
    "Q43229": "organisation", "Q4830453": "organisation", "Q783794": "organisation", "Q891723": "organisation",
    "Q6881511": "organisation", "Q7278": "organisation", "Q163740": "organisation", "Q327333": "organisation",
    "Q476028": "organisation", "Q18127": "organisation", "Q215380": "organisation", "Q5741069": "organisation",
    # events: event, election, sports competition, sporting event, tournament, festival, music festival,
    # recurring event, recurring sporting event
    "Q1656682": "event", "Q40231": "event", "Q13406554": "event", "Q16510064": "event", "Q500834": "event",
    "Q132241": "event", "Q868557": "event", "Q15275719": "event", "Q18608583": "event",
    # places: city, big city, town, village, country, sovereign state, capital, municipality of Germany
    "Q515": "place", "Q1549591": "place", "Q3957": "place", "Q532": "place", "Q6256": "place",
    "Q3624078": "place", "Q5119": "place", "Q262166": "place",
    # products
    "Q2424752": "product",
}
TYPE_PRIORITY = ("person", "film", "organisation", "event", "product", "place")
# The recogniser's kinds → the types a record for it may have.
KIND_TYPES: dict[str, frozenset[str]] = {
    "person": frozenset({"person"}),
    "org": frozenset({"organisation"}),
    "work": frozenset({"film"}),
    "event": frozenset({"event"}),
    "product": frozenset({"product"}),
    "place": frozenset({"place"}),
}

# property → (fact key, value kind); per our entity type
_FILM = {"P577": ("release_date", "time"), "P1191": ("premiere_date", "time"), "P57": ("director", "item"),
         "P161": ("cast", "item"), "P179": ("series", "item"), "P1545": ("installment", "ordinal"),
         "P2047": ("runtime_minutes", "duration")}
_PERSON = {"P569": ("birth_date", "time"), "P570": ("death_date", "time"), "P19": ("birth_place", "item")}
_ORGANISATION = {"P571": ("founded", "time"), "P159": ("headquarters", "item"), "P169": ("ceo", "item"),
                 "P1128": ("employees", "quantity")}
_EVENT = {"P585": ("date", "time"), "P1110": ("attendance", "quantity")}
_PLACE = {"P571": ("founded", "time"), "P1082": ("population", "quantity")}
PROPERTY_FACTS: dict[str, dict[str, tuple[str, str]]] = {
    "film": _FILM, "person": _PERSON, "organisation": _ORGANISATION, "event": _EVENT, "place": _PLACE, "product": {},
}
# Wikidata's English labels of the properties above, for people reading where a fact came from
PROPERTY_LABELS: dict[str, str] = {
    "P577": "publication date", "P1191": "date of first performance", "P57": "director", "P161": "cast member",
    "P179": "part of the series", "P1545": "series ordinal", "P2047": "duration", "P569": "date of birth",
    "P570": "date of death", "P19": "place of birth", "P571": "inception", "P159": "headquarters location",
    "P169": "chief executive officer", "P1128": "employees", "P1082": "population", "P585": "point in time",
    "P1110": "attendance", "P291": "place of publication", "P4647": "location of first performance",
}
# qualifiers whose item values need labels: place of publication, location of first performance
_LABELLED_QUALIFIERS = ("P291", "P4647")

# ISO 3166-1 alpha-2 codes of common countries (their P297), so that a region needs no claims fetch.
COUNTRY_CODES: dict[str, str] = {
    "Q30": "US", "Q145": "GB", "Q142": "FR", "Q183": "DE", "Q38": "IT", "Q29": "ES", "Q17": "JP", "Q148": "CN",
    "Q668": "IN", "Q16": "CA", "Q408": "AU", "Q155": "BR", "Q96": "MX", "Q159": "RU", "Q884": "KR", "Q55": "NL",
    "Q39": "CH", "Q34": "SE", "Q20": "NO", "Q35": "DK", "Q33": "FI", "Q27": "IE", "Q664": "NZ", "Q31": "BE",
    "Q40": "AT", "Q45": "PT", "Q36": "PL", "Q414": "AR", "Q258": "ZA", "Q43": "TR", "Q41": "GR", "Q801": "IL",
    "Q865": "TW", "Q8646": "HK", "Q334": "SG", "Q928": "PH", "Q252": "ID", "Q869": "TH", "Q881": "VN",
    "Q833": "MY", "Q79": "EG", "Q1033": "NG", "Q298": "CL", "Q739": "CO", "Q419": "PE", "Q213": "CZ",
    "Q28": "HU", "Q218": "RO", "Q212": "UA", "Q794": "IR", "Q851": "SA", "Q878": "AE",
}


# seconds all of a run's requests may take together (`--online` in a CI gate must end); the
# environment may change it
def _budget_from_environment() -> float:
    try:
        return max(1.0, float(os.environ.get("FACTCHECK_ONLINE_BUDGET", "") or 60))
    except ValueError:
        return 60.0


ONLINE_BUDGET = _budget_from_environment()


class WikidataError(Exception):
    """A lookup that failed; the message is one line."""


class TransportError(WikidataError):
    """Wikidata could not be reached or did not answer usably (after the retries)."""


class ApiError(WikidataError):
    """The API answered with an error (e.g. no-such-entity) or an HTTP status that is not worth a retry."""

    def __init__(self, message: str, code: str = ""):
        super().__init__(message)
        self.code = code


class CacheMiss(WikidataError):
    """Offline (or after a failure): the answer is not in the cache."""


@dataclass(frozen=True)
class Answer:
    data: dict
    fetched: float  # seconds since the epoch


def resolve_base_url(base_url: str | None) -> str:
    url = (base_url or os.environ.get(URL_ENV) or DEFAULT_URL).strip().rstrip("/")
    if url.endswith(API_PATH):
        url = url[: -len(API_PATH)]
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UserError(f"the Wikidata URL must be an http(s) URL, not {url!r}")
    return url


class Client:
    """GET requests to the action API: cache, throttle, timeouts, retries."""

    def __init__(
        self,
        base_url: str,
        cache: Cache | None,
        offline: bool = False,
        timeout: float = 10.0,
        ttl_days: float = 30,
        max_tries: int = MAX_TRIES,
        max_sleep: float = MAX_SLEEP,
        backoff: float = BACKOFF,
        min_interval: float = MIN_INTERVAL,
        session: requests.Session | None = None,
        budget: float | None = None,
    ):
        self.api_url = base_url + API_PATH
        # for messages: never the user:password a URL may carry
        self.shown_url = _without_credentials(self.api_url)
        self.cache = cache
        self.offline = offline
        self.timeout = float(timeout)
        self.ttl_days = ttl_days
        self.max_tries = max(1, int(max_tries))
        self.max_sleep = max(0.0, float(max_sleep))
        self.backoff = max(0.0, float(backoff))
        self.min_interval = max(0.0, float(min_interval))
        self.session = session or requests.Session()
        self.session.headers.update({"User-Agent": USER_AGENT, "Accept": "application/json"})
        self.cache_only = False  # set after a transport failure: no more requests this run
        self.requests_made = 0
        self._last_request = 0.0
        # all the requests of a run together, retries and waits included: a slow server costs at most this
        self.budget = budget
        self._budget_end: float | None = None

    def get(self, params: dict[str, str]) -> Answer:
        """One API answer, from the cache when it is there and fresh (or whenever offline)."""
        params = {**params, "format": "json"}
        key = request_key(self.api_url, params)
        cached = self._cached(key)
        if cached is not None:
            return cached
        if self.offline or self.cache_only:
            raise CacheMiss("not in the cache")
        data, body = self._request({**params, "maxlag": str(MAXLAG)})
        now = time.time()
        if self.cache is not None:
            self.cache.put(key, body, now)
        return Answer(data, now)

    def entities(self, ids: list[str], params: dict[str, str]) -> tuple[dict[str, tuple[dict, float]], list[str]]:
        """wbgetentities for `ids`, cached per entity (under the key of the one-id request, and under
        the canonical id of a redirect too), so that any grouping of ids finds them again.

        Returns {requested id: (entity, fetch time)} and the ids that are not in the cache when
        offline (or after a failure). Entities come back as the API gives them: `missing` ones included.
        """
        params = {**params, "format": "json"}
        found: dict[str, tuple[dict, float]] = {}
        needed: list[str] = []
        for qid in dict.fromkeys(ids):
            cached = self._cached(request_key(self.api_url, {**params, "ids": qid}))
            entities = cached.data.get("entities") if cached is not None else None
            if isinstance(entities, dict) and entities:
                entity = entities.get(qid, next(iter(entities.values())))
                if isinstance(entity, dict):
                    found[qid] = (entity, cached.fetched)
                    continue
            needed.append(qid)
        if needed and (self.offline or self.cache_only):
            return found, needed
        for start in range(0, len(needed), MAX_IDS):
            batch = needed[start:start + MAX_IDS]
            data, _ = self._request({**params, "ids": "|".join(sorted(batch)), "maxlag": str(MAXLAG)})
            now = time.time()
            entities = data.get("entities")
            if not isinstance(entities, dict):
                raise ApiError("Wikidata answer has no 'entities'")
            for key, entity in entities.items():
                if not isinstance(entity, dict):
                    continue
                found[key] = (entity, now)
                if self.cache is None:
                    continue
                self.cache.put(request_key(self.api_url, {**params, "ids": key}),
                               json.dumps({"entities": {key: entity}, "success": 1}, ensure_ascii=False), now)
                canonical = entity.get("id")
                if isinstance(canonical, str) and canonical != key and "missing" not in entity:
                    self.cache.put(request_key(self.api_url, {**params, "ids": canonical}),
                                   json.dumps({"entities": {canonical: entity}, "success": 1}, ensure_ascii=False), now)
        return found, []

    def _cached(self, key: str) -> Answer | None:
        if self.cache is None:
            return None
        cached = self.cache.get(key)
        if cached is None or not (self.offline or self.cache_only or fresh(cached[1], self.ttl_days)):
            return None
        try:
            data = readable(json.loads(cached[0]))
        except ValueError:
            data = None
        if not isinstance(data, dict):
            self.cache.delete(key)
            return None
        return Answer(data, cached[1])

    def _request(self, params: dict[str, str]) -> tuple[dict, str]:
        problem = "no answer"
        tries = 0
        for attempt in range(self.max_tries):
            tries = attempt + 1
            wait, told = self._backoff(attempt), False
            try:
                status, headers, body = self._fetch_once(params)
            except requests.Timeout:
                spent = self._over_budget()
                if spent is not None:  # cut short by the run's budget, not by this request's timeout
                    raise spent from None
                problem = f"no answer from {self.shown_url} within {self.timeout:g} s"
            except requests.ConnectionError as error:
                problem = f"cannot connect to {self.shown_url} ({_reason(error)})"
            except requests.RequestException as error:
                problem = f"request to {self.shown_url} failed ({_reason(error)})"
            else:
                retry_after = _retry_after(headers.get("Retry-After"))
                if status in (429, 503):
                    problem = f"HTTP {status} from {self.shown_url}"
                    if retry_after is not None:
                        wait, told = retry_after, True
                elif status >= 500:
                    problem = f"HTTP {status} from {self.shown_url}"
                elif status != 200:
                    raise ApiError(f"HTTP {status} from {self.shown_url}", f"http-{status}")
                else:
                    try:
                        text = body.decode("utf-8")
                        data = readable(json.loads(text))
                    except (UnicodeDecodeError, ValueError):
                        data, text = None, ""
                    if not isinstance(data, dict):
                        kind = headers.get("Content-Type", "no content type").split(";")[0]
                        problem = f"{self.shown_url} sent a response that is not JSON ({kind})"
                    elif isinstance(data.get("error"), dict):
                        code = str(data["error"].get("code", "unknown"))
                        info = " ".join(str(data["error"].get("info", "")).split())
                        if code != "maxlag":
                            raise ApiError(f"Wikidata API error {code}: {info}".rstrip(": "), code)
                        problem = f"Wikidata servers are lagged ({info})" if info else "Wikidata servers are lagged"
                        wait, told = (retry_after, True) if retry_after is not None else (MAXLAG_WAIT, True)
                    else:
                        return data, text
            if attempt + 1 >= self.max_tries:
                break
            if told and wait > self.max_sleep:
                problem += f"; asked to retry after {wait:g} s"
                break
            if self._over_budget() is not None:
                break
            time.sleep(min(wait, self.max_sleep))
        raise TransportError(f"{problem} (gave up after {tries} {'try' if tries == 1 else 'tries'})")

    def _backoff(self, attempt: int) -> float:
        return min(self.backoff * (2**attempt), self.max_sleep)

    def _over_budget(self) -> TransportError | None:
        if self.budget is None:
            return None
        if self._budget_end is None:
            self._budget_end = time.monotonic() + self.budget
        if time.monotonic() >= self._budget_end:
            return TransportError(f"online look-ups used their {self.budget:g} s budget; the rest come from the cache only")
        return None

    def _fetch_once(self, params: dict[str, str]) -> tuple[int, Any, bytes]:
        spent = self._over_budget()
        if spent is not None:
            raise spent
        pause = self._last_request + self.min_interval - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        self._last_request = time.monotonic()
        self.requests_made += 1
        deadline = time.monotonic() + self.timeout
        if self._budget_end is not None:
            deadline = min(deadline, self._budget_end)
        # no redirects: an API that sends us elsewhere (another host) is not followed
        wait = max(0.1, min(self.timeout, deadline - time.monotonic()))
        response = self.session.get(self.api_url, params=params, timeout=(wait, wait), stream=True,
                                    allow_redirects=False)
        try:
            chunks: list[bytes] = []
            size = 0
            # bytes as they come, so that a server dripping a byte at a time meets the deadline
            for chunk in body_chunks(response):
                chunks.append(chunk)
                size += len(chunk)
                if size > MAX_BODY_BYTES:
                    raise ApiError(f"{self.shown_url} sent more than {MAX_BODY_BYTES:,} bytes", "too-large")
                if time.monotonic() > deadline:
                    raise requests.Timeout()
            return response.status_code, response.headers, b"".join(chunks)
        finally:
            response.close()


def _without_credentials(url: str) -> str:
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]).geturl()


def _reason(error: Exception) -> str:
    text = str(error)
    for marker in ("Connection refused", "Name or service not known", "timed out", "Connection reset",
                   "Remote end closed connection", "No route to host", "Temporary failure in name resolution"):
        if marker in text:
            return marker.lower()
    text = " ".join(text.split())
    return text[:160] or type(error).__name__


def _retry_after(value: str | None) -> float | None:
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return max(0.0, (when - dt.datetime.now(dt.timezone.utc)).total_seconds())


# -- statements and values ------------------------------------------------------------------


def item_id(snak: dict) -> str | None:
    """The Q-id of an item-valued snak (older data has only numeric-id)."""
    if snak.get("snaktype") != "value" or not isinstance(snak.get("datavalue"), dict):
        return None
    value = snak["datavalue"].get("value")
    if not isinstance(value, dict) or value.get("entity-type", "item") != "item":
        return None
    if isinstance(value.get("id"), str):
        return value["id"]
    if isinstance(value.get("numeric-id"), int):
        return f"Q{value['numeric-id']}"
    return None


def time_value(snak: dict) -> tuple[dt.date | int, dict[str, Any]] | None:
    """A time snak as a date (day precision) or an int year (month or year precision), or None."""
    if snak.get("snaktype") != "value" or not isinstance(snak.get("datavalue"), dict):
        return None
    value = snak["datavalue"].get("value")
    if not isinstance(value, dict) or not isinstance(value.get("time"), str):
        return None
    match = _TIME_RE.match(value["time"])
    if not match:
        return None
    sign, year, month, day = match.group(1), int(match.group(2)), int(match.group(3)), int(match.group(4))
    precision = value.get("precision")
    julian = str(value.get("calendarmodel", "")).rsplit("/", 1)[-1] == JULIAN
    if sign == "-" or not 1 <= year <= 9999 or not isinstance(precision, int):
        return None
    if precision >= 11:
        try:
            day_value = julian_to_gregorian(year, month, day) if julian else dt.date(year, month, day)
        except (ValueError, OverflowError):
            return None
        return day_value, ({"calendar": "julian"} if julian else {})
    if precision == 10 and 1 <= month <= 12:
        return year, {"precision": "month", "month": f"{year:04d}-{month:02d}"}
    if precision == 9:
        return year, {}
    return None


def julian_to_gregorian(year: int, month: int, day: int) -> dt.date:
    """A Julian-calendar date as the proleptic Gregorian date of the same day."""
    if not (1 <= month <= 12 and 1 <= day <= (29 if month == 2 and year % 4 == 0 else _JULIAN_DAYS[month - 1])):
        raise ValueError("not a Julian date")
    a = (14 - month) // 12
    y = year + 4800 - a
    m = month + 12 * a - 3
    jdn = day + (153 * m + 2) // 5 + 365 * y + y // 4 - 32083
    return dt.date.fromordinal(jdn - 1721425)


_JULIAN_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def quantity_value(snak: dict) -> tuple[Decimal, str] | None:
    """(amount, unit id or "1") of a quantity snak."""
    if snak.get("snaktype") != "value" or not isinstance(snak.get("datavalue"), dict):
        return None
    value = snak["datavalue"].get("value")
    if not isinstance(value, dict):
        return None
    try:
        amount = Decimal(str(value.get("amount")))
    except (InvalidOperation, ValueError):
        return None
    if not amount.is_finite():
        return None
    unit = str(value.get("unit", "1"))
    return amount, unit if unit == "1" else unit.rsplit("/", 1)[-1]


def string_value(snak: dict) -> str | None:
    if snak.get("snaktype") != "value" or not isinstance(snak.get("datavalue"), dict):
        return None
    value = snak["datavalue"].get("value")
    return value if isinstance(value, str) else None


def _number(amount: Decimal) -> int | float:
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def best_statements(statements: Iterable[dict], group: Callable[[dict], Any] | None = None) -> list[dict]:
    """Non-deprecated statements; within each group, the preferred ones when there are any."""
    live = [s for s in statements if isinstance(s, dict) and s.get("rank", "normal") != "deprecated"
            and isinstance(s.get("mainsnak"), dict)]
    groups: dict[Any, list[dict]] = {}
    for statement in live:
        groups.setdefault(group(statement) if group else None, []).append(statement)
    keep = set()
    for members in groups.values():
        preferred = [s for s in members if s.get("rank") == "preferred"]
        keep.update(id(s) for s in (preferred or members))
    return [s for s in live if id(s) in keep]


def _qualifiers(statement: dict, prop: str) -> list[dict]:
    qualifiers = statement.get("qualifiers")
    if not isinstance(qualifiers, dict) or not isinstance(qualifiers.get(prop), list):
        return []
    return [q for q in qualifiers[prop] if isinstance(q, dict)]


def _claims(entity: dict, prop: str) -> list[dict]:
    claims = entity.get("claims")
    if not isinstance(claims, dict) or not isinstance(claims.get(prop), list):
        return []
    return claims[prop]


# what YAML (and a terminal) cannot hold: C0 and C1 controls but tab and newlines, DEL, lone
# surrogates, U+FFFE/U+FFFF; PyYAML's own definition of printable
UNREADABLE = re.compile("[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")


def readable(data):
    """A Wikidata answer with every text made writable: a label holding a control character or a lone
    surrogate loses it here, so that `records pull` writes a file `check` reads, and one odd entity
    does not cancel a look-up."""
    if isinstance(data, str):
        return UNREADABLE.sub("", data)
    if isinstance(data, dict):
        return {readable(key): readable(value) for key, value in data.items()}
    if isinstance(data, list):
        return [readable(item) for item in data]
    return data


def label_of(entity: dict) -> str | None:
    labels = entity.get("labels")
    if not isinstance(labels, dict):
        return None
    for language in LANGUAGES:
        entry = labels.get(language)
        if isinstance(entry, dict) and isinstance(entry.get("value"), str) and entry["value"].strip():
            return entry["value"].strip()
    return None


def aliases_of(entity: dict) -> list[str]:
    aliases = entity.get("aliases")
    found: list[str] = []
    if isinstance(aliases, dict):
        for language in LANGUAGES:
            for entry in aliases.get(language) or []:
                if isinstance(entry, dict) and isinstance(entry.get("value"), str) and entry["value"].strip():
                    found.append(entry["value"].strip())
    return found


def description_of(entity: dict) -> str:
    descriptions = entity.get("descriptions")
    if isinstance(descriptions, dict):
        for language in LANGUAGES:
            entry = descriptions.get(language)
            if isinstance(entry, dict) and isinstance(entry.get("value"), str):
                return entry["value"]
    return ""


def entity_type(entity: dict) -> str | None:
    """Our type for an item, from its best-rank P31 values; None when no class is known."""
    types = {TYPE_CLASSES.get(item_id(s["mainsnak"]) or "") for s in best_statements(_claims(entity, "P31"))}
    return next((t for t in TYPE_PRIORITY if t in types), None)


def classes_of(entity: dict) -> list[str]:
    return [q for s in best_statements(_claims(entity, "P31")) if (q := item_id(s["mainsnak"]))]


def slug(name: str, qid: str) -> str:
    words = "-".join(name_key(name))
    words = re.sub(r"[^\w-]+", "", words)
    return words or qid.lower()


# -- the source ---------------------------------------------------------------------------


class WikidataSource:
    """Wikidata as a source of Records, with an on-disk cache.

    `records_for` never raises and reports each failure as one `warn` call;
    `pull` raises `UserError` (one line) on every failure.
    """

    def __init__(
        self,
        base_url: str | None = None,
        cache_dir: Path | None = None,
        offline: bool = False,
        timeout: float = 10.0,
        ttl_days: float = 30,
        warn: Callable[[str], None] | None = None,
        *,
        max_tries: int | None = None,
        max_sleep: float | None = None,
        backoff: float | None = None,
        min_interval: float | None = None,
        session: requests.Session | None = None,
        budget: float | None = ONLINE_BUDGET,
    ):
        self.warn = warn or (lambda message: None)
        self.base_url = resolve_base_url(base_url)
        # evidence cites the server that served the data (a mirror, a test server), without credentials
        self.item_url = ITEM_URL if self.base_url == DEFAULT_URL else _without_credentials(self.base_url) + "/wiki/{}"
        self.cache = Cache(Path(cache_dir) if cache_dir is not None else None, warn=self.warn)
        self.client = Client(
            self.base_url, self.cache, offline=offline, timeout=timeout, ttl_days=ttl_days,
            max_tries=MAX_TRIES if max_tries is None else max_tries,
            max_sleep=MAX_SLEEP if max_sleep is None else max_sleep,
            backoff=BACKOFF if backoff is None else backoff,
            min_interval=MIN_INTERVAL if min_interval is None else min_interval,
            session=session, budget=budget,
        )
        self.offline = offline
        self._down: str | None = None  # the transport failure that stopped requests for this run

    # -- public API ---------------------------------------------------------------

    def records_for(self, names: list[tuple[str, str]]) -> list[Record]:
        """Records for the (name, kind) pairs that resolve confidently; never raises."""
        problems: list[str] = []
        misses: list[str] = []
        records: list[Record] = []
        try:
            self._records_for(names, records, problems, misses)
        except Exception as error:  # a bug or an unexpected answer must not stop a check
            problems.append(f"unexpected failure ({type(error).__name__}: {' '.join(str(error).split())[:160]})")
        if misses and not self._down:
            shown = ", ".join(repr(name) for name in misses[:5]) + (f" and {len(misses) - 5} more" if len(misses) > 5 else "")
            problems.append(f"offline, and not in the cache: {shown}")
        if problems:
            self.warn(f"Wikidata lookup: {'; '.join(dict.fromkeys(problems))}; using local records only for those")
        return records

    def pull(self, name_or_qid: str) -> Record:
        """The Record for a Q-id or a name; UserError (one line) on any failure or when nothing matches."""
        text = " ".join(str(name_or_qid).split())
        if not text:
            raise UserError("an empty name cannot be looked up on Wikidata")
        try:
            if _QID_RE.match(text):
                qid = text.upper()
                entities = self._entities([qid], full=True)
                entity = entities.get(qid)
                if entity is None:
                    raise UserError(f"Wikidata has no item {qid}")
                kind = entity_type(entity)
                if kind is None:
                    classes = ", ".join(classes_of(entity)[:5]) or "none"
                    raise UserError(
                        f"{qid} ({label_of(entity) or 'no English label'}) is not of a type factcheck knows "
                        f"(film, person, organisation, event, place, product); its P31 classes: {classes}"
                    )
                return self._build([entity])[0]
            hits = self._search(text)
            candidates = self._entities(_matching_hits(text, hits), full=True) if hits else {}
            chosen, ambiguous = _choose(text, candidates.values(), None)
            if chosen is None:
                if ambiguous:
                    listed = "; ".join(f"{e.get('id')} ({description_of(e) or entity_type(e)})" for e in ambiguous[:5])
                    raise UserError(f"{text!r} is ambiguous on Wikidata: {listed}; pull one by its Q-id")
                raise UserError(f"no Wikidata item of a known type is named {text!r}")
            return self._build([chosen])[0]
        except CacheMiss:
            raise UserError(f"{text!r} is not in the Wikidata cache (offline)") from None
        except WikidataError as error:
            raise UserError(f"Wikidata: {error}") from None

    def close(self) -> None:
        self.cache.close()
        self.client.session.close()

    # -- resolving names ------------------------------------------------------------

    def _records_for(self, names, records: list[Record], problems: list[str], misses: list[str]) -> None:
        wanted: list[tuple[str, str, list[str]]] = []  # name, kind, candidate ids
        for name, kind in dict.fromkeys((" ".join(str(n).split()), str(k)) for n, k in names):
            if not name_key(name):
                continue
            try:
                hits = self._search(name)
            except CacheMiss:
                if not self._down:
                    misses.append(name)
                continue
            except WikidataError as error:
                self._failure(error, problems)
                continue
            ids = _matching_hits(name, hits)
            if ids:
                wanted.append((name, kind, ids))
        all_ids = list(dict.fromkeys(q for _, _, ids in wanted for q in ids))
        entities: dict[str, dict] = {}
        if all_ids:
            not_cached: list[str] = []
            try:
                entities = self._entities(all_ids, full=True, misses=not_cached)
            except WikidataError as error:
                self._failure(error, problems)
                entities = self._cache_only(lambda: self._entities(all_ids, full=True, misses=[]))
            else:
                if not self._down:
                    misses.extend(not_cached)
                    gone = [q for q in all_ids if q not in entities and q not in not_cached]
                    if gone:
                        problems.append(f"search found {', '.join(gone)} but Wikidata has no such item (deleted or merged?)")
        chosen: dict[str, dict] = {}
        for name, kind, ids in wanted:
            entity, _ = _choose(name, [entities[q] for q in ids if q in entities], KIND_TYPES.get(kind))
            if entity is not None:
                chosen.setdefault(entity["id"], entity)
        if not chosen:
            return
        try:
            records.extend(self._build(list(chosen.values()), misses=[] if self._down else misses))
        except WikidataError as error:
            self._failure(error, problems)
            records.extend(self._cache_only(lambda: self._build(list(chosen.values()), misses=[])))

    def _cache_only(self, lookup: Callable[[], Any]) -> Any:
        """What the cache has, after a failure: no request (and no second failure)."""
        before, self.client.cache_only = self.client.cache_only, True
        try:
            return lookup()
        finally:
            self.client.cache_only = before or bool(self._down)

    def _failure(self, error: WikidataError, problems: list[str]) -> None:
        problems.append(str(error))
        if isinstance(error, TransportError) and not self._down:
            self._down = str(error)
            self.client.cache_only = True  # no more waiting on a server that is not there

    def _search(self, name: str) -> list[dict]:
        answer = self.client.get({
            "action": "wbsearchentities", "search": name, "language": "en", "uselang": "en",
            "type": "item", "limit": str(SEARCH_LIMIT),
        })
        hits = answer.data.get("search")
        if not isinstance(hits, list):
            raise ApiError("Wikidata search answer has no 'search' list")
        return [hit for hit in hits if isinstance(hit, dict) and isinstance(hit.get("id"), str)]

    def _entities(self, ids: list[str], full: bool, misses: list[str] | None = None) -> dict[str, dict]:
        """Entities by requested id (a redirect's value carries the canonical id, and is found under
        it too); missing items are left out. Ids not in the cache when offline go to `misses`, or
        raise CacheMiss when `misses` is None."""
        params = {
            "action": "wbgetentities",
            "props": "labels|aliases|descriptions|claims|sitelinks" if full else "labels",
            "languages": "|".join(LANGUAGES),
        }
        if full:
            params["sitefilter"] = "enwiki"
        answers, missed = self.client.entities(ids, params)
        if missed:
            if misses is None:
                raise CacheMiss(f"not in the cache: {', '.join(missed)}")
            misses.extend(missed)
        found: dict[str, dict] = {}
        for key, (entity, fetched) in answers.items():
            if "missing" in entity or not isinstance(entity.get("id"), str):
                continue
            entity = dict(entity, _fetched=fetched)
            found[key] = entity
            found.setdefault(entity["id"], entity)
        return found

    # -- building records -----------------------------------------------------------

    def _build(self, entities: list[dict], misses: list[str] | None = None) -> list[Record]:
        """Records for fetched entities, with the labels of the items they link to (one batched call
        per 50 linked ids). With `misses`, labels not in the cache (offline) are left out and their
        ids noted there; without, they raise CacheMiss."""
        known = {entity["id"]: entity for entity in entities}
        linked = [q for entity in entities for q in _linked_ids(entity) if q not in known]
        labels = dict(known)
        if linked:
            labels.update(self._entities(list(dict.fromkeys(linked)), full=False, misses=misses))
        records = []
        used_ids: set[str] = set()
        for entity in entities:
            record = _record(entity, labels, self.item_url)
            if record.id in used_ids:
                record = Record(f"{record.id}-{entity['id'].lower()}", record.type, record.name, record.aliases,
                                record.facts, record.sources, record.origin)
            used_ids.add(record.id)
            records.append(record)
        return records


def _matching_hits(name: str, hits: list[dict]) -> list[str]:
    """Search hits whose label, matched text or alias is the name (on folded words)."""
    key = name_key(name)
    ids = []
    for hit in hits:
        texts = [hit.get("label"), (hit.get("match") or {}).get("text"), *(hit.get("aliases") or [])]
        display = (hit.get("display") or {}).get("label")
        if isinstance(display, dict):
            texts.append(display.get("value"))
        if any(isinstance(t, str) and name_key(t) == key for t in texts):
            ids.append(hit["id"])
    return list(dict.fromkeys(ids))


def _choose(name: str, entities: Iterable[dict], types: frozenset[str] | None) -> tuple[dict | None, list[dict]]:
    """The one entity the name confidently means, else (None, the ambiguous candidates)."""
    key = name_key(name)
    by_label, by_alias = {}, {}
    for entity in entities:
        kind = entity_type(entity)
        if kind is None or (types is not None and kind not in types):
            continue
        if name_key(label_of(entity) or "") == key:
            by_label[entity["id"]] = entity
        elif any(name_key(alias) == key for alias in aliases_of(entity)):
            by_alias[entity["id"]] = entity
    for group in (by_label, by_alias):
        if len(group) == 1:
            return next(iter(group.values())), []
        if len(group) > 1:
            return None, list(group.values())
    return None, []


def _linked_ids(entity: dict, kind: str | None = None) -> list[str]:
    """The items an entity's mapped statements point to (for their labels). `kind`: our type for
    it when the caller knows better than its own P31 (a pack keeps subclasses: factcheck.packs)."""
    kind = kind or entity_type(entity)
    ids: list[str] = []
    for prop, (_, value_kind) in PROPERTY_FACTS.get(kind or "", {}).items():
        for statement in best_statements(_claims(entity, prop)):
            if value_kind == "item" and (q := item_id(statement["mainsnak"])):
                ids.append(q)
            for qualifier in _LABELLED_QUALIFIERS:
                ids.extend(q for snak in _qualifiers(statement, qualifier) if (q := item_id(snak)))
    return ids


def _record(entity: dict, labels: dict[str, dict], item_url: str = ITEM_URL, kind: str | None = None) -> Record:
    """The record of one entity; its source is the item's page on the server that gave it. `kind`
    overrides the type its P31 gives (a pack knows an item of a subclass of film is a film)."""
    qid = entity["id"]
    kind = kind or entity_type(entity) or "entity"
    name = label_of(entity) or qid
    retrieved = dt.datetime.fromtimestamp(entity.get("_fetched", time.time()), dt.timezone.utc).date().isoformat()

    def label(q: str) -> str | None:
        return label_of(labels[q]) if q in labels else None

    facts: dict[str, list[FactValue]] = {}

    def add(key: str, value: Any, prop: str, qualifiers: dict[str, Any] | None = None) -> None:
        values = facts.setdefault(key, [])
        fact = FactValue(value, {**(qualifiers or {}), "property": prop, "retrieved": retrieved})
        if not any(v.value == fact.value and _content(v) == _content(fact) for v in values):
            values.append(fact)

    for prop, (key, value_kind) in PROPERTY_FACTS.get(kind, {}).items():
        group = _publication_places if prop == "P577" else None
        statements = best_statements(_claims(entity, prop), group)
        if value_kind == "quantity":
            statements = _latest(statements)
        for statement in statements:
            snak = statement["mainsnak"]
            if value_kind == "time":
                parsed = time_value(snak)
                if parsed is None:
                    continue
                value, qualifiers = parsed
                qualifiers = {**_place_qualifiers(statement, labels), **qualifiers}
                add(key, value, prop, qualifiers)
            elif value_kind == "item":
                q = item_id(snak)
                text = label(q) if q else None
                if text:
                    add(key, text, prop)
                if prop == "P179":  # the series ordinal as a qualifier on the series statement
                    for ordinal in _qualifiers(statement, "P1545"):
                        number = _ordinal(string_value(ordinal))
                        if number is not None:
                            add("installment", number, "P1545", {"series": text} if text else {})
            elif value_kind == "ordinal":
                number = _ordinal(string_value(snak))
                if number is not None:
                    add(key, number, prop)
            elif value_kind == "duration":
                parsed_quantity = quantity_value(snak)
                if parsed_quantity and parsed_quantity[1] in _UNIT_MINUTES and parsed_quantity[0] > 0:
                    minutes = parsed_quantity[0] * _UNIT_MINUTES[parsed_quantity[1]]
                    add(key, _number(minutes.quantize(Decimal("0.1")) if minutes != minutes.to_integral_value() else minutes), prop)
            elif value_kind == "quantity":
                parsed_quantity = quantity_value(snak)
                if parsed_quantity and parsed_quantity[1] == "1" and parsed_quantity[0] >= 0:
                    as_of = [time_value(q) for q in _qualifiers(statement, "P585")]
                    qualifiers = {"as_of": _iso(as_of[0][0])} if as_of and as_of[0] else {}
                    add(key, _number(parsed_quantity[0]), prop, qualifiers)

    sources = [item_url.format(qid)]
    sitelinks = entity.get("sitelinks")
    if isinstance(sitelinks, dict) and isinstance(sitelinks.get("enwiki"), dict):
        title = sitelinks["enwiki"].get("title")
        if isinstance(title, str) and title:
            sources.append("https://en.wikipedia.org/wiki/" + quote(title.replace(" ", "_"), safe="_:(),'!-.~*/"))
    name_folded = name_key(name)
    aliases: list[str] = []
    seen = {name_folded}
    for alias in aliases_of(entity):
        if name_key(alias) and name_key(alias) not in seen:
            seen.add(name_key(alias))
            aliases.append(alias)
    return Record(
        id=slug(name, qid),
        type=kind,
        name=name,
        aliases=tuple(aliases),
        facts={key: tuple(values) for key, values in facts.items() if values},
        sources=tuple(sources),
        origin=f"wikidata:{qid}",
    )


def _content(fact: FactValue) -> dict:
    return {k: v for k, v in fact.qualifiers.items() if k not in ("property", "retrieved")}


def _iso(value: dt.date | int) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _ordinal(text: str | None) -> int | None:
    if text is None:
        return None
    text = text.strip()
    return int(text) if text.isdigit() and 0 < int(text) < 10_000 else None


def _publication_places(statement: dict) -> tuple[str, ...]:
    return tuple(sorted(q for snak in _qualifiers(statement, "P291") if (q := item_id(snak))))


def _place_qualifiers(statement: dict, labels: dict[str, dict]) -> dict[str, Any]:
    """region (+ region_code) from P291 place of publication; place from P4647 location of first performance."""
    qualifiers: dict[str, Any] = {}
    for snak in _qualifiers(statement, "P291")[:1]:
        q = item_id(snak)
        if not q:
            continue
        name = label_of(labels[q]) if q in labels else None
        code = _country_code(q, labels.get(q))
        if name or code:
            qualifiers["region"] = name or code
        if code:
            qualifiers["region_code"] = code
    for snak in _qualifiers(statement, "P4647")[:1]:
        q = item_id(snak)
        name = label_of(labels[q]) if q and q in labels else None
        if name:
            qualifiers["place"] = name
    return qualifiers


def _country_code(qid: str, entity: dict | None) -> str | None:
    """ISO 3166-1 alpha-2: the item's P297 when its claims are at hand, else COUNTRY_CODES."""
    if entity is not None:
        for statement in best_statements(_claims(entity, "P297")):
            code = string_value(statement["mainsnak"])
            if code and re.fullmatch(r"[A-Z]{2}", code):
                return code
    return COUNTRY_CODES.get(qid)


def _latest(statements: list[dict]) -> list[dict]:
    """Of statements dated by P585, the latest (when none is preferred the caller passes them all)."""
    if len(statements) <= 1 or any(s.get("rank") == "preferred" for s in statements):
        return statements
    dated = []
    for statement in statements:
        times = [time_value(q) for q in _qualifiers(statement, "P585")]
        if not times or times[0] is None:
            return statements  # not all dated: keep them all
        value = times[0][0]
        dated.append((value if isinstance(value, dt.date) else dt.date(value, 12, 31), statement))
    return [max(dated, key=lambda pair: pair[0])[1]]
