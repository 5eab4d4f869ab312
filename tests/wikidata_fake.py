"""A stand-in for the Wikidata action API, answering from fixtures/wikidata (see SOURCES.md there).

Served by pytest-httpserver on 127.0.0.1. `FakeWikidata.handler` answers
wbsearchentities and wbgetentities the way the API does, from recorded (and
constructed, recorded-shape) responses; `override` lets a test answer the next
requests its own way (an error, a delay, a bad body).
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable
from pathlib import Path

from werkzeug import Request, Response

from factcheck.text import name_key

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "wikidata"
_ID_RE = re.compile(r"^[QPL][1-9]\d*$")


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def _load_entities() -> dict[str, dict]:
    pool: dict[str, dict] = {}
    files = sorted(FIXTURES.glob("*.json")) + sorted((FIXTURES / "constructed").glob("*.json"))
    # the Q42 of the Douglas Adams answer wins over the one in the Q6|Q42|P31 answer; full entities over labels-only
    order = sorted(files, key=lambda p: ("labels" not in p.name, "Douglas-Adams" in p.name))
    for path in order:
        data = json.loads(path.read_text(encoding="utf-8"))
        if "entities" in data and isinstance(data["entities"], dict):
            for key, entity in data["entities"].items():
                pool[key] = entity
                if entity.get("redirects"):  # asked by its canonical id, the item comes back without them
                    pool.setdefault(entity["id"], {k: v for k, v in entity.items() if k != "redirects"})
        elif isinstance(data.get("id"), str) and "claims" in data:  # a bare entity (wikibase-sdk samples)
            pool[data["id"]] = data
    return pool


def _load_searches() -> dict[tuple[str, ...], str]:
    searches = {}
    for path in list(FIXTURES.glob("*wbsearchentities*.json")) + list((FIXTURES / "constructed").glob("wbsearchentities*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        searches[name_key(data["searchinfo"]["search"])] = path.read_text(encoding="utf-8")
    return searches


ENTITIES = _load_entities()
SEARCHES = _load_searches()
INFO_KEYS = ("pageid", "ns", "title", "lastrevid", "modified")


def trim(entity: dict, props: list[str], languages: list[str] | None, sites: list[str] | None) -> dict:
    """What wbgetentities returns for one entity given props, languages and sitefilter."""
    if "missing" in entity:
        return entity
    out = {}
    for key, value in entity.items():
        if key in ("id", "type", "redirects", "datatype"):
            out[key] = value
        elif key in INFO_KEYS:
            if "info" in props:
                out[key] = value
        elif key in props:
            if key in ("labels", "descriptions", "aliases") and languages is not None:
                value = {lang: v for lang, v in value.items() if lang in languages}
            if key == "sitelinks" and sites is not None:
                value = {site: v for site, v in value.items() if site in sites}
            out[key] = value
    return out


class FakeWikidata:
    def __init__(self):
        self.overrides: list[Callable[[Request], Response]] = []
        self.lock = threading.Lock()
        self.requests: list[dict[str, str]] = []
        self.active = 0  # handlers running now (a slow one may outlive its test)

    def override(self, *handlers: Callable[[Request], Response]) -> None:
        """Answer the next requests with these handlers, one each, then the normal way again."""
        with self.lock:
            self.overrides.extend(handlers)

    def handler(self, request: Request) -> Response:
        with self.lock:
            self.requests.append(dict(request.args))
            special = self.overrides.pop(0) if self.overrides else None
            self.active += 1
        try:
            return special(request) if special is not None else self.answer(request)
        finally:
            with self.lock:
                self.active -= 1

    def wait_idle(self, timeout: float = 10.0) -> None:
        """Until no handler runs (then a moment more, for the server to log the last one)."""
        if not self.active:
            return  # pytest-httpserver logs a request before it answers: nothing is left to come
        deadline = time.monotonic() + timeout
        while self.active and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.05)

    def answer(self, request: Request) -> Response:
        args = request.args
        action = args.get("action")
        if action == "wbsearchentities":
            body = SEARCHES.get(name_key(args.get("search", "")))
            if body is None:
                empty = json.loads(fixture("wdtk_wbsearchentities-empty.json"))
                empty["searchinfo"]["search"] = args.get("search", "")
                body = json.dumps(empty)
            return json_response(body)
        if action == "wbgetentities":
            ids = [i for i in args.get("ids", "").split("|") if i]
            bad = next((i for i in ids if not _ID_RE.match(i)), None)
            if bad is not None:
                error = json.loads(fixture("wdtk_wbgetentities-bogus.json"))
                error["error"]["info"] = f"Could not find such an entity (Invalid id: {bad})"
                return json_response(json.dumps(error))
            props = args.get("props", "info|sitelinks|aliases|labels|descriptions|claims|datatype").split("|")
            languages = args["languages"].split("|") if "languages" in args else None
            sites = args["sitefilter"].split("|") if "sitefilter" in args else None
            entities = {i: trim(ENTITIES.get(i, {"id": i, "missing": ""}), props, languages, sites) for i in ids}
            return json_response(json.dumps({"entities": entities, "success": 1}, ensure_ascii=False))
        return json_response('{"error":{"code":"badvalue","info":"Unrecognized value for parameter \\"action\\"."}}')


def json_response(body: str, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(body, status=status, headers=headers or {}, content_type="application/json; charset=utf-8")
