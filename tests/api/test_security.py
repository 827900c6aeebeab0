"""Untrusted article text in the API and the page; headers; loopback; no file reading routes."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from wirewatch.api import create_app
from wirewatch.api.app import LOOPBACK_HOSTS
from wirewatch.records import Analysis, Article, stable_id
from wirewatch.store import open_store

HOSTILE_TITLE = '<script>alert("title")</script><img src=x onerror="alert(1)">'
HOSTILE_TEXT = (
    'Officials said <script>document.title="owned"</script> the talks failed. '
    '<img src=x onerror="alert(2)"> <a href="javascript:alert(3)">click</a> ends here.'
)
HOSTILE_URL = "javascript:alert(4)"


def hostile_analysis() -> Analysis:
    article = Article(article_id=stable_id(HOSTILE_TEXT), text=HOSTILE_TEXT, title=HOSTILE_TITLE, url=HOSTILE_URL,
                      publisher='<b onmouseover="x()">Evil</b>', published_at="2025-11-04")
    return Analysis(article=article)


def test_hostile_text_is_data_in_the_json(db_path: Path) -> None:
    with open_store(db_path) as store:
        store.write_batch([hostile_analysis()])
    with TestClient(create_app(db_path)) as client:
        article = client.get(f"/api/articles/{stable_id(HOSTILE_TEXT)}")
        assert article.headers["content-type"].startswith("application/json")
        data = article.json()["article"]
        assert (data["title"], data["text"], data["url"]) == (HOSTILE_TITLE, HOSTILE_TEXT, HOSTILE_URL)
        listed = client.get("/api/articles?format=csv")
        assert listed.headers["content-type"].startswith("text/csv")
        assert "attachment" in listed.headers["content-disposition"]
        # The page itself carries no store data: the dashboard fetches JSON and uses textContent.
        page = client.get("/")
        assert "onerror" not in page.text and "alert" not in page.text


def test_every_response_has_a_strict_content_security_policy(client) -> None:
    for url in ("/", "/api/events", "/static/app.css", "/api/nope"):
        policy = client.get(url).headers["content-security-policy"]
        assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy and "object-src 'none'" in policy
        assert client.get(url).headers["x-content-type-options"] == "nosniff"


def test_dashboard_scripts_never_use_innerhtml_or_eval() -> None:
    static = Path(__file__).parents[2] / "src" / "wirewatch" / "api" / "static"
    scripts = sorted((static / "js").glob("*.js"))
    assert scripts
    for script in scripts:
        code = script.read_text(encoding="utf-8")
        for banned in (".innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
            assert banned not in code, f"{script.name} uses {banned}"
    assert "<script>" not in (static / "index.html").read_text(encoding="utf-8").replace(
        '<script type="module" src="/static/js/main.js"></script>', "")


def test_no_route_reads_files_outside_the_static_folder(client) -> None:
    for url in ("/static/../../../pyproject.toml", "/static/%2e%2e/%2e%2e/store/query.py", "/static//etc/passwd",
                "/api/articles/..%2F..%2Fetc%2Fpasswd"):
        response = client.get(url)
        assert response.status_code in (400, 404), url
        assert "root:" not in response.text and "[project]" not in response.text


def test_loopback_server_refuses_foreign_host_headers(shared_db: Path) -> None:
    # A DNS-rebinding page would send its own host name; a server on 127.0.0.1 answers only loopback names.
    with TestClient(create_app(shared_db, allowed_hosts=LOOPBACK_HOSTS), base_url="http://127.0.0.1:8765") as local:
        assert local.get("/api/summary").status_code == 200
        refused = local.get("/api/summary", headers={"host": "evil.example:8765"})
        assert refused.status_code == 400 and refused.headers["content-type"] == "application/json"
        assert refused.json()["error"]["message"].startswith("Host header 'evil.example' is not accepted")
        assert refused.headers["content-security-policy"]
        assert local.get("/api/summary", headers={"host": "[::1]:8765"}).status_code == 200


def test_serve_binds_loopback_by_default() -> None:
    import inspect

    from wirewatch.cli.serve_command import is_loopback, serve_command

    host = inspect.signature(serve_command).parameters["host"].default
    assert host == "127.0.0.1" and is_loopback(host)
    assert is_loopback("::1") and is_loopback("localhost") and not is_loopback("0.0.0.0")
