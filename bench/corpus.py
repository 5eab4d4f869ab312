#!/usr/bin/env python3
"""Build a deterministic corpus of news-like articles (500–900 words) with dates,
numbers and names, and the records for their entities.

    python bench/corpus.py OUT_DIR [--articles 300] [--seed 7] [--jsonl FILE]

Each article is Markdown with front matter (`date:`); about one in four carries
a planted error (a wrong release date, a misspelt title, a wrong runtime), so
the checker has real work to do. The same seed always gives the same corpus.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from pathlib import Path

FIRST = ["Maya", "Tobias", "Ines", "Daniel", "Priya", "Kwame", "Lise", "Oskar", "Nadia", "Colm", "Hana", "Rafael",
         "Greta", "Samuel", "Aiko", "Mateo", "Elena", "Jonas", "Amara", "Felix", "Sofia", "Idris", "Clara", "Tomasz"]
LAST = ["Ellison", "Renn", "Calloway", "Okafor", "Raman", "Mbatha", "Andersen", "Lindqvist", "Fenwick", "Brannigan",
        "Sato", "Ortega", "Vance", "Haraldsen", "Moreau", "Achebe", "Novak", "Kowalski", "Duarte", "Whitlock"]
TITLE_A = ["The Glass", "Northern", "Silent", "The Last", "Iron", "Crimson", "Hollow", "The Salt", "Midnight", "Broken"]
TITLE_B = ["Orchard", "Lighthouse", "Harbour", "Frontier", "Meridian", "Archive", "Tide", "Compass", "Garden", "Signal"]
CITIES = ["Toronto", "Lisbon", "Glasgow", "Austin", "Melbourne", "Rotterdam", "Cork", "Seville", "Osaka", "Nairobi"]
STUDIOS = ["Harbourlight Pictures", "Halcyon Films", "Meridian Studios", "Northgate Media", "Bluewater Pictures"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "fifteen", "twenty"]
FILLER = [
    "Critics who saw early footage described the tone as patient and unhurried, with long takes and little music.",
    "The production moved between three countries and, according to people close to it, stayed close to its budget.",
    "Local businesses near the set reported a steady stream of visitors during the weeks of filming.",
    "Several scenes were rewritten late in production after test audiences asked for a clearer ending.",
    "The studio has not said whether a streaming release will follow the theatrical run.",
    "Industry analysts expect the film to open strongly in Europe, where the first film found most of its audience.",
    "Much of the score was recorded with a small string ensemble rather than a full orchestra.",
    "The marketing campaign has so far relied on posters and short clips rather than a full trailer.",
    "Fans of the original have spent months guessing how the story would continue.",
    "A spokesperson for the studio declined to comment on reports of reshoots.",
]


def _date_text(day: dt.date, rng: random.Random) -> str:
    style = rng.randrange(4)
    if style == 0:
        return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"
    if style == 1:
        return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    if style == 2:
        return day.isoformat()
    return f"{MONTHS[day.month - 1]} {day.day}"


def build(count: int, seed: int) -> tuple[list[dict], list[dict]]:
    rng = random.Random(seed)
    articles, entities = [], []
    for index in range(count):
        title = f"{rng.choice(TITLE_A)} {rng.choice(TITLE_B)} {index + 2}"
        director = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        cast = sorted({f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(5)} - {director})
        published = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(700))
        release = published + dt.timedelta(days=rng.randrange(30, 300))
        runtime = rng.randrange(85, 170)
        film_id = f"bench-film-{index:04d}"
        entities.append({
            "id": film_id, "type": "film", "name": title,
            "facts": {"release_date": [{"value": release.isoformat(), "region": "US"}], "director": director,
                      "runtime_minutes": runtime, "installment": index + 2, "cast": cast},
            "sources": [f"https://example.org/films/{film_id}"],
        })
        error = rng.random() < 0.25
        stated_release = release + dt.timedelta(days=7) if error and rng.random() < 0.5 else release
        stated_title = title if not error or stated_release != release else title.replace("a", "e", 1)
        city, studio = rng.choice(CITIES), rng.choice(STUDIOS)
        paragraphs = [
            f"{city.upper()} — {studio} has confirmed that {title} will open in theaters on {_date_text(stated_release, rng)}, "
            f"ending months of speculation about the sequel's schedule.",
            f"Directed by {director}, {stated_title} runs {runtime} minutes and stars {', '.join(cast[:-1])} and {cast[-1]}.",
            f"The film was shot over {rng.choice(NUMBER_WORDS)} weeks in {rng.choice(CITIES)} and {rng.choice(CITIES)}, "
            f"with a crew of more than {rng.randrange(2, 9) * 100} people and a budget of about ${rng.randrange(20, 190)} million.",
            f"\"We wanted something that felt handmade,\" {director.split()[-1]} said on {dt.date(published.year, published.month, 1).strftime('%A')}, "
            f"speaking to reporters in {city}. \"Every set was built, every storm was real water.\"",
        ]
        words = sum(len(p.split()) for p in paragraphs)
        target = rng.randrange(520, 880)
        while words < target:
            sentence = rng.choice(FILLER)
            if rng.random() < 0.3:
                sentence = f"{rng.choice(cast)} said the shoot in {rng.choice(CITIES)} lasted {rng.randrange(3, 40)} days in {MONTHS[rng.randrange(12)]} {published.year}."
            paragraphs.append(sentence)
            words += len(sentence.split())
        articles.append({"id": f"article-{index:04d}", "published": published.isoformat(), "text": "\n\n".join(paragraphs)})
    return articles, entities


def write(out: Path, articles: list[dict], entities: list[dict], jsonl: Path | None = None) -> None:
    import yaml

    (out / "articles").mkdir(parents=True, exist_ok=True)
    (out / "records").mkdir(parents=True, exist_ok=True)
    for article in articles:
        (out / "articles" / f"{article['id']}.md").write_text(f"---\ndate: {article['published']}\n---\n{article['text']}\n", encoding="utf-8")
    (out / "records" / "films.yaml").write_text(yaml.safe_dump({"entities": entities}, allow_unicode=True, sort_keys=False), encoding="utf-8")
    if jsonl:
        with open(jsonl, "w", encoding="utf-8") as stream:
            for article in articles:
                stream.write(json.dumps(article) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--jsonl", type=Path)
    options = parser.parse_args()
    articles, entities = build(options.articles, options.seed)
    write(options.out, articles, entities, options.jsonl)
    words = sum(len(a["text"].split()) for a in articles)
    print(f"{len(articles)} articles, {words} words, {len(entities)} records in {options.out}")


if __name__ == "__main__":
    main()
