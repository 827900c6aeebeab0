"""Hostile and broken input, end to end: the figures of docs/robustness.md.

    python benchmarks/robustness.py [--kills 3] [--out FILE.json]

1. For each class of bad input, a folder holds the bad inputs beside the good example
   articles of ``examples/`` and is analysed by the real ``wirewatch analyze`` (real model)
   in a child process, with a time limit. Per class:
   - *tried*: bad inputs given;
   - *read right*: inputs that are odd but valid (Latin-1, UTF-16 without a mark, several
     gzip members) and were stored with the right text;
   - *failed cleanly*: inputs reported on one line of their own, naming the input;
   - *crashed*: a traceback, an exit status other than 0 or 1, a hang past the limit, or a
     bad input neither stored right nor reported;
   - *lost*: good articles of the same run (or valid odd inputs) missing from the store,
     and files read from outside what was given.
2. Kill and resume: ``wirewatch analyze`` over the examples and 16 PolNeAR texts (when the
   evaluation data is beside the checkout) is killed with SIGKILL ``--kills`` times, each a
   second later after its first write than the one before, and resumed each time; the store
   must end equal (articles, events, claims, mentions, clusters) to a clean run's. A kill inside the
   final clustering transaction is made exactly, by a child that kills itself there.

Prints a table and, with ``--out``, writes the figures as JSON.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
WIREWATCH = Path(sys.executable).with_name("wirewatch")
LIMIT_SECONDS = 300
STORY = (
    "Officials in Kyiv said on Monday that Russian forces had shelled the border town of Vovchansk "
    "overnight, and the Ukrainian army said it would respond. The United Nations called for restraint, "
    "and diplomats in Geneva said talks on a ceasefire would resume next week."
)
WESTERN = "The fare rose to £5½ in São Paulo, and Genève’s mayor said the café would stay open. " + STORY


@dataclass
class Bad:
    """One bad input: its file name (relative), and either the text it must be stored with
    (valid but odd input) or None (it must be refused on a line of its own)."""

    name: str
    stored_with: str | None = None


@dataclass
class Result:
    name: str
    tried: int = 0
    read_right: int = 0
    failed_cleanly: int = 0
    crashed: int = 0
    lost: int = 0
    notes: list[str] = field(default_factory=list)


def _write(folder: Path, name: str, data: bytes | str) -> None:
    path = Path(os.fsdecode(os.path.join(os.fsencode(folder), os.fsencode(name))))
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(os.fsencode(folder), os.fsencode(name)), "wb") as out:
        out.write(data)


def _page(body: str, head: str = "") -> str:
    return f"<html><head>{head}<title>t</title></head><body><article><p>{body}</p></article></body></html>"


def _redos(folder: Path) -> list[Bad]:
    _write(folder, "comments.txt", "<!---->" * 40 + "x Russia said the army would attack.")
    _write(folder, "comments_long.txt", "<!---->" * 5000 + " " + STORY)
    _write(folder, "nested_metas.html", "<meta " * 2000 + STORY)
    _write(folder, "authors.jsonl", json.dumps({"text": STORY + " Tariffs.", "author": " " * 50_000 + "x"}))
    # Each must come back at once: stored, or refused for what it is (only comments, or no body).
    return [Bad("comments.txt", "x Russia said the army would attack."), Bad("comments_long.txt"),
            Bad("nested_metas.html"), Bad("authors.jsonl:line 1", STORY)]


def _feed_links(folder: Path) -> list[Bad]:
    secret = folder.parent / f"{folder.name}-private.html"
    secret.write_text(_page("SECRET " + STORY))
    (folder / "wire.example").mkdir()
    os.symlink(secret, folder / "wire.example" / "secret")  # no input suffix: only a feed link reaches it
    links = [str(secret), f"../{secret.name}", f"http://../{secret.name}", f"file://{secret}",
             "https://wire.example/secret"]
    items = "".join(f"<item><title>i{n}</title><link>{link}</link></item>" for n, link in enumerate(links))
    _write(folder, "wire.rss", f'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>{items}</channel></rss>')
    return [Bad(f"wire.rss:item {n}") for n in range(1, len(links) + 1)]


def _store_refused(folder: Path) -> list[Bad]:
    gwn = ROOT.parent / "shared" / "data" / "geowebnews" / "GWN.dev.xml"
    with open(os.path.join(os.fsencode(folder), b"bad\xff\xfe name.txt"), "wb") as out:
        out.write(STORY.encode())
    bad = [Bad("bad\\xff\\xfe name.txt")]  # reported under its escaped name
    if gwn.is_file():
        import xml.etree.ElementTree as ET

        texts = {a.get("file"): a.findtext("text") or "" for a in ET.parse(gwn).getroot().iter("article")}
        _write(folder, "gwn283.jsonl", json.dumps({"text": texts["283"]}))
        bad.append(Bad("gwn283.jsonl:line 1", texts["283"][:40]))
    return bad


def _encodings(folder: Path) -> list[Bad]:
    _write(folder, "latin1.txt", WESTERN.replace("’", "'").encode("latin-1"))
    _write(folder, "utf16le.txt", ("Little end. " + WESTERN).encode("utf-16-le"))
    _write(folder, "utf16be.txt", ("Big end. " + WESTERN).encode("utf-16-be"))
    bad = [Bad("latin1.txt", "£5½ in São Paulo"), Bad("utf16le.txt", "£5½ in São Paulo"),
           Bad("utf16be.txt", "£5½ in São Paulo")]
    for charset in ("rot13", "base64", "hex", "zlib"):
        _write(folder, f"{charset}.html", _page(f"{charset}: {WESTERN}", f'<meta charset="{charset}">'))
        bad.append(Bad(f"{charset}.html", "£5½ in São Paulo"))
    _write(folder, "garbage.txt", bytes(range(0x80, 0x100)) * 40)
    return [*bad, Bad("garbage.txt")]


def _files(folder: Path) -> list[Bad]:
    os.symlink(folder, folder / "loop")
    _write(folder, "two_members.txt.gz", gzip.compress(b"Part one. ") + gzip.compress(STORY.encode()))
    _write(folder, "truncated.txt.gz", gzip.compress(STORY.encode() * 20)[:-30])
    _write(folder, "nested.jsonl", "\n".join(['{"text": ' + "[" * 100_000, json.dumps({"text": "Nested neighbour. " + STORY})]))
    _write(folder, "evil\n\x1b[31mname.txt", "Escape codes. " + STORY)
    _write(folder, "huge_meta.jsonl", json.dumps({"text": "Metadata. " + STORY, "title": "T" * 1_000_000,
                                                  "url": "http://x/" + "a" * 100_000}))
    _write(folder, "formula.jsonl", json.dumps({"text": "Formula. " + STORY, "title": '=HYPERLINK("http://x","y")'}))
    return [Bad("two_members.txt.gz", "Part one. " + STORY[:30]), Bad("truncated.txt.gz"), Bad("nested.jsonl:line 1"),
            Bad("nested.jsonl:line 2", "Nested neighbour."), Bad("evil\\n\\x1b[31mname.txt", "Escape codes."),
            Bad("huge_meta.jsonl:line 1", "Metadata."), Bad("formula.jsonl:line 1", "Formula.")]


def _classic(folder: Path) -> list[Bad]:
    _write(folder, "empty.txt", b"")
    _write(folder, "blank.txt", " \n\t\n")
    _write(folder, "image.html", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    _write(folder, "nul.txt", b"text\x00" * 100)
    _write(folder, "short.txt", "Too short.")
    _write(folder, "french.txt", "Le président a déclaré à Genève que les négociations reprendraient la semaine "
                                 "prochaine, selon les diplomates qui ont participé aux discussions de lundi. " * 3)
    _write(folder, "broken.xml", "<?xml version='1.0'?><rss><channel><item><title>Cut off")
    _write(folder, "bad.jsonl", "{not json}\n[1, 2]\n" + json.dumps({"text": 5}))
    return [Bad(n) for n in ("empty.txt", "blank.txt", "image.html", "nul.txt", "short.txt", "french.txt",
                             "broken.xml")] + [Bad(f"bad.jsonl:line {n}") for n in (1, 2, 3)]


CLASSES: dict[str, Callable[[Path], list[Bad]]] = {
    "backtracking regexes (comment runs, unclosed tags, space runs)": _redos,
    "feed links out of the feed's folder": _feed_links,
    "an article the store refuses; a non-UTF-8 file name": _store_refused,
    "encodings (Latin-1, UTF-16 without BOM, bogus charsets, garbage)": _encodings,
    "files (link loop, gzip members and cuts, deep JSON, escape codes, huge metadata, formulas)": _files,
    "empty, binary, short, non-English, malformed feed and JSON": _classic,
}


def _analyze(folder: Path, db: Path) -> tuple[int | None, str]:
    try:
        done = subprocess.run([str(WIREWATCH), "analyze", str(folder), "--db", str(db), "--no-print"],
                              capture_output=True, text=True, timeout=LIMIT_SECONDS, errors="replace")
    except subprocess.TimeoutExpired:
        return None, "timeout"
    return done.returncode, done.stderr


def _stored(db: Path) -> list[tuple[str, str, str | None]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT source, text, title FROM articles").fetchall()
    finally:
        con.close()


def run_class(name: str, build: Callable[[Path], list[Bad]], work: Path, baseline: set[str]) -> Result:
    folder = work / "inbox"
    folder.mkdir(parents=True)
    for example in EXAMPLES.iterdir():
        shutil.copy(example, folder / example.name)
    bad = build(folder)
    result = Result(name, tried=len(bad))
    status, stderr = _analyze(folder, work / "s.duckdb")
    if status not in (0, 1) or "Traceback" in stderr:
        result.crashed = len(bad)
        result.notes.append(f"exit {status}: {stderr.strip().splitlines()[-1:] if stderr else ''}")
        return result
    rows = _stored(work / "s.duckdb")
    problems = stderr.splitlines()[1:]
    stored_texts = {Path(s.split(":line")[0].split(":item")[0]).name: t for s, t, _ in rows}
    by_source = {s[len(str(folder)) + 1:]: t for s, t, _ in rows if s.startswith(str(folder))}
    for item in bad:
        if item.stored_with is not None:
            text = by_source.get(item.name)
            if text is not None and item.stored_with in text:
                result.read_right += 1
            else:
                result.lost += 1
                result.notes.append(f"{item.name}: not stored right")
        elif any(p.startswith(f"{folder}/{item.name}:") for p in problems):
            result.failed_cleanly += 1
        else:
            result.crashed += 1
            result.notes.append(f"{item.name}: neither stored nor reported")
    missing = baseline - set(stored_texts)
    result.lost += len(missing)
    if any("SECRET" in t for _, t, _ in rows):
        result.lost += 1
        result.notes.append("a file outside the feed's folder was read")
    return result


def _per_table(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
               for t in ("articles", "events", "claims", "actor_mentions", "event_clusters")}
        out["unclustered events"] = con.execute("SELECT count(*) FROM events WHERE cluster_id IS NULL").fetchone()[0]
        return out
    finally:
        con.close()


def kill_and_resume(work: Path, kills: int) -> dict[str, object]:
    corpus = work / "corpus"
    shutil.copytree(EXAMPLES, corpus)
    # Real news texts when the evaluation data is beside the checkout (read, never kept).
    for path in sorted((ROOT.parent / "shared" / "data" / "polnear" / "dev" / "text").glob("*.txt"))[:16]:
        shutil.copy(path, corpus / path.name)
    clean = work / "clean.duckdb"
    status, stderr = _analyze(corpus, clean)
    assert status in (0, 1), stderr
    expected = _per_table(clean)
    figures: dict[str, object] = {"articles": expected["articles"], "clean": expected, "kills": []}
    for n in range(kills):
        db = work / f"killed{n}.duckdb"
        child = subprocess.Popen([str(WIREWATCH), "analyze", str(corpus), "--db", str(db), "--no-print",
                                  "--batch-size", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # After the first committed batch (the write-ahead log grows), then a little later each time.
        wal = db.with_name(db.name + ".wal")
        deadline = time.monotonic() + LIMIT_SECONDS
        while not wal.exists() and child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.3)  # the migrations' own writes
        created = wal.stat().st_size if wal.exists() else 0
        while (wal.stat().st_size if wal.exists() else 0) <= created and child.poll() is None \
                and time.monotonic() < deadline:
            time.sleep(0.05)
        delay = 1.0 * n
        time.sleep(delay)
        finished = child.poll() is not None
        child.send_signal(signal.SIGKILL)
        child.wait()
        before = _per_table(db) if db.exists() else {}
        status, stderr = _analyze(corpus, db)
        after = _per_table(db)
        figures["kills"].append({"seconds_after_first_write": delay, "finished_first": finished,
                                 "stored_at_kill": before, "resume_status": status, "equal_to_clean": after == expected})
    figures["clustering_kill"] = _kill_in_clustering(work)
    return figures


def _kill_in_clustering(work: Path) -> dict[str, object]:
    db = work / "clusters.duckdb"
    script = textwrap.dedent(f"""
        import os, signal, sys
        from wirewatch.run import run_corpus
        from wirewatch.settings import Settings
        from wirewatch.store import clusters as store_clusters, open_store
        if sys.argv[1] == "kill":
            def killed(con, summaries, assignment):
                con.execute("BEGIN TRANSACTION")
                con.execute("DELETE FROM event_clusters")
                os.kill(os.getpid(), signal.SIGKILL)
            store_clusters.write_event_clusters = killed
        settings = Settings.from_env(db_path={str(db)!r})
        with open_store(settings.db_path) as store:
            s = run_corpus([{str(EXAMPLES)!r}], settings, store)
        print(s.analysed)
    """)
    killed = subprocess.run([sys.executable, "-c", script, "kill"], capture_output=True, text=True, timeout=LIMIT_SECONDS)
    at_kill = _per_table(db)
    resumed = subprocess.run([sys.executable, "-c", script, "resume"], capture_output=True, text=True, timeout=LIMIT_SECONDS)
    return {"kill_status": killed.returncode, "at_kill": at_kill, "analysed_on_resume": resumed.stdout.strip(),
            "after_resume": _per_table(db)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=3)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        status, stderr = _analyze(EXAMPLES, work / "baseline.duckdb")
        baseline = {Path(s.split(":line")[0]).name for s, _, _ in _stored(work / "baseline.duckdb")}
        results = [run_class(name, build, work / f"c{n}", baseline) for n, (name, build) in enumerate(CLASSES.items())]
        print(f"{'class':<92} tried read-right failed-cleanly crashed lost")
        for r in results:
            print(f"{r.name:<92} {r.tried:>5} {r.read_right:>10} {r.failed_cleanly:>14} {r.crashed:>7} {r.lost:>4}")
            for note in r.notes:
                print(f"    {note}")
        kills = kill_and_resume(work, args.kills)
        print(json.dumps(kills, indent=1))
        if args.out:
            args.out.write_text(json.dumps({"classes": [r.__dict__ for r in results], "kill_and_resume": kills}, indent=1))


if __name__ == "__main__":
    main()
