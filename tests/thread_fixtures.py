"""A store of hand-built relay articles, threaded (no NLP): for the thread query, CLI, API and export tests."""

from __future__ import annotations

from pathlib import Path

from wirewatch.records import Analysis, Article, Claim, stable_id

INTERVIEW = "“Russia appears to have sent around 120 military instructors to Venezuela to train the Venezuelan army in drone warfare,” Budanov told The War Zone."
RELAY = "Russia has sent several hundred military instructors to Venezuela to train the Venezuelan army in drone warfare, Kyrylo Budanov told The War Zone."
OWN = "Russia has sent several hundred military instructors to Venezuela to train the Venezuelan army in drone warfare, a boost for a partner."
OTHER = "Budanov also said that Ukraine expects a new Russian offensive near Zaporizhzhia before the first snow."


def _analysis(publisher: str, date: str, url: str, text: str, claims: list[dict]) -> Analysis:
    article_id = stable_id("article", text, publisher)
    built = []
    for spec in claims:
        start = text.index(spec["content"])
        built.append(Claim(
            claim_id=stable_id("claim", article_id, start), article_id=article_id, kind=spec.get("kind", "indirect"),
            speaker_text=spec.get("speaker"), speaker_name=spec.get("speaker"), speaker_code="UKRGOV",
            speaker_kind="person", cue=spec.get("cue", "told"), content=spec["content"], char_start=start,
            char_end=start + len(spec["content"]), certainty=spec.get("certainty", "high"),
            hedges=spec.get("hedges", []), chain=spec.get("chain", []),
        ))
    article = Article(article_id=article_id, text=text, url=url, title=publisher, publisher=publisher,
                      published_at=date, language="en", source=url)
    return Analysis(article=article, claims=built)


def relay_analyses() -> list[Analysis]:
    interview_content = INTERVIEW[1:INTERVIEW.index("”")]
    relay_content = RELAY[: RELAY.index(", Kyrylo")]
    return [
        _analysis("The War Zone", "2026-11-03", "https://www.twz.com/a", INTERVIEW + "\n\n" + OTHER, [
            {"content": interview_content, "speaker": "Budanov", "kind": "direct", "certainty": "medium",
             "hedges": ["appears to"], "chain": ["Budanov", "The War Zone"]},
            {"content": OTHER[OTHER.index("Ukraine expects"):], "speaker": "Budanov", "cue": "said",
             "chain": ["Budanov", "The War Zone"]},
        ]),
        _analysis("Daily Mail", "2026-11-04", "https://www.dailymail.co.uk/a", RELAY, [
            {"content": relay_content, "speaker": "Kyrylo Budanov", "chain": ["Kyrylo Budanov", "The War Zone", "Daily Mail"]},
        ]),
        _analysis("Sputnik", "2026-11-06", "https://sputnikglobe.com/a", OWN, []),
    ]


def threaded_store(path: Path) -> Path:
    from wirewatch.store import open_store
    from wirewatch.thread_run import thread_store

    with open_store(path) as store:
        store.write_batch(relay_analyses())
        thread_store(store)
    return path
