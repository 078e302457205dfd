"""The REST API against a real server on loopback: cases, persistence, limits, names, schema."""

from __future__ import annotations

import http.client
import inspect
import json
import urllib.parse
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")

from selectolax.lexbor import LexborHTMLParser

from server_support import (
    get_json,
    multipart,
    post_json,
    request,
    require_pipeline,
    running_server,
    seed_documents,
)
from toy_pipeline import toy_analyse
from veracity.web.app import create_app
from veracity.web.cli import is_loopback, serve
from veracity.web.uploads import Limits

ARTICLE_A = "Rangers found 12 hikers near the ridge. The storm lasted 3 days."
ARTICLE_B = "Officials said 12 hikers were rescued after 4 days in the snow."
HOSTILE = ('Reporters counted 12 hikers. <script>window.__pwned=1</script> '
           '<img src=x onerror="window.__pwned=1"> <a href="javascript:window.__pwned=1">x</a>')

SMALL = Limits(max_documents=3, max_document_bytes=2_000, max_request_bytes=20_000)


@pytest.fixture()
def server(tmp_path: Path):  # type: ignore[no-untyped-def]
    with running_server(create_app(tmp_path / "cases.duckdb", analyse=toy_analyse,
                                   limits=SMALL)) as url:
        yield url


def _documents(*texts: str) -> list[dict[str, str]]:
    return [{"name": f"article-{n}.txt", "text": t} for n, t in enumerate(texts, start=1)]


def test_web_api_creates_lists_and_serves_a_case(server: str) -> None:
    status, case = post_json(f"{server}/api/cases", {
        "title": "Ridge rescue", "documents": _documents(ARTICLE_A, ARTICLE_B)})
    assert status == 201, case
    assert case["title"] == "Ridge rescue" and case["documents"] == 2

    status, listed = get_json(f"{server}/api/cases")
    assert status == 200 and [c["id"] for c in listed] == [case["id"]]

    status, headers, body = request("GET", f"{server}{case['report_url']}")
    report = json.loads(body)
    assert status == 200 and report["format"] == "veracity.report/1"
    assert headers["x-content-type-options"] == "nosniff"
    assert [d["id"] for d in report["documents"]] == ["article-1", "article-2"]
    assert report["events"][0]["record"]["other.hikers"]["status"] == "agreed"
    assert report["events"][0]["record"]["other.days"]["status"] == "disputed"

    status, detail = get_json(f"{server}/api/cases/{case['id']}")
    assert status == 200
    assert [(d["id"], d["name"]) for d in detail["document_list"]] == [
        ("article-1", "article-1.txt"), ("article-2", "article-2.txt")]

    status, headers, page = request("GET", f"{server}{case['html_url']}")
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert "frame-ancestors 'self'" in headers["content-security-policy"]
    tree = LexborHTMLParser(page.decode())
    assert {m.text() for m in tree.css("mark.claim")} >= {"12 hikers", "3 days", "4 days"}

    status, _, _ = request("DELETE", f"{server}/api/cases/{case['id']}")
    assert status == 204
    assert get_json(f"{server}/api/cases/{case['id']}")[0] == 404


def test_web_api_cases_survive_a_restart(tmp_path: Path) -> None:
    database = tmp_path / "kept.duckdb"
    with running_server(create_app(database, analyse=toy_analyse)) as url:
        status, case = post_json(f"{url}/api/cases", {"documents": _documents(ARTICLE_A)})
        assert status == 201
        _, first_report = get_json(f"{url}/api/cases/{case['id']}/report")
    with running_server(create_app(database, analyse=toy_analyse)) as url:
        status, listed = get_json(f"{url}/api/cases")
        assert status == 200 and [c["id"] for c in listed] == [case["id"]]
        status, report = get_json(f"{url}/api/cases/{case['id']}/report")
        assert status == 200 and report == first_report


def test_web_api_refuses_too_many_documents_with_400(server: str) -> None:
    status, body = post_json(f"{server}/api/cases",
                             {"documents": _documents(*[ARTICLE_A] * (SMALL.max_documents + 1))})
    assert status == 400 and "limit is 3" in body["detail"]


def test_web_api_refuses_an_empty_case_and_an_empty_document(server: str) -> None:
    assert post_json(f"{server}/api/cases", {"documents": []})[0] == 400
    status, body = post_json(f"{server}/api/cases", {"documents": _documents("   ")})
    assert status == 400 and "empty" in body["detail"]


def test_web_api_refuses_a_large_document_with_413(server: str) -> None:
    status, body = post_json(f"{server}/api/cases", {"documents": _documents("x " * 1_500)})
    assert status == 413 and "article-1.txt" in body["detail"] and "2,000" in body["detail"]


def test_web_api_refuses_a_request_over_the_body_limit_with_413(server: str) -> None:
    payload = json.dumps({"documents": _documents(*["y" * 1_900] * 12)}).encode()
    assert len(payload) > SMALL.max_request_bytes
    status, _, body = request("POST", f"{server}/api/cases", body=payload,
                              headers={"Content-Type": "application/json"})
    assert status == 413 and "20,000 bytes" in json.loads(body)["detail"]

    # The same body streamed in chunks, with no length announced, is refused the same way.
    address = urllib.parse.urlsplit(server)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
    try:
        connection.putrequest("POST", "/api/cases")
        connection.putheader("Content-Type", "application/json")
        connection.putheader("Transfer-Encoding", "chunked")
        connection.endheaders()
        for start in range(0, len(payload), 4_096):
            chunk = payload[start:start + 4_096]
            connection.send(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
        connection.send(b"0\r\n\r\n")
        response = connection.getresponse()
        assert response.status == 413
    except (BrokenPipeError, ConnectionResetError):
        pass  # the server may close the connection as soon as it has answered
    finally:
        connection.close()


def test_web_api_upload_turns_file_names_into_safe_ids(server: str, tmp_path: Path) -> None:
    body, content_type = multipart(
        [("../../etc/passwd.txt", ARTICLE_A.encode()), ("..\\..\\boot.ini.md", ARTICLE_B.encode()),
         ("café report (final).txt", ARTICLE_A.encode())],
        [("title", "uploaded")],
    )
    status, _, answer = request("POST", f"{server}/api/cases/upload", body=body,
                                headers={"Content-Type": content_type})
    assert status == 201, answer
    case = json.loads(answer)
    _, detail = get_json(f"{server}/api/cases/{case['id']}")
    assert [d["id"] for d in detail["document_list"]] == ["passwd", "boot.ini", "cafe_report_final"]
    assert [d["name"] for d in detail["document_list"]] == [
        "passwd.txt", "boot.ini.md", "café report (final).txt"]
    # Nothing but the database was written beside it.
    assert {p.name for p in tmp_path.iterdir()} <= {"cases.duckdb", "cases.duckdb.wal"}


def test_web_api_upload_refuses_other_kinds_and_binary_files(server: str) -> None:
    body, content_type = multipart([("photo.png", b"\x89PNG\r\n")])
    status, _, answer = request("POST", f"{server}/api/cases/upload", body=body,
                                headers={"Content-Type": content_type})
    assert status == 400 and "plain text" in json.loads(answer)["detail"]
    body, content_type = multipart([("notes.txt", b"\xff\xfe\x00bad")])
    status, _, answer = request("POST", f"{server}/api/cases/upload", body=body,
                                headers={"Content-Type": content_type})
    assert status == 400 and "UTF-8" in json.loads(answer)["detail"]
    body, content_type = multipart([(f"n{n}.txt", b"5 cats") for n in range(4)])
    status, _, answer = request("POST", f"{server}/api/cases/upload", body=body,
                                headers={"Content-Type": content_type})
    assert status == 400 and "files" in json.loads(answer)["detail"].lower()


def test_web_api_unknown_case_is_404_and_a_malformed_id_never_reaches_the_store(
        server: str) -> None:
    assert get_json(f"{server}/api/cases/{'0' * 32}")[0] == 404
    assert get_json(f"{server}/api/cases/{'0' * 32}/report")[0] == 404
    status, _, _ = request("GET", f"{server}/api/cases/..%2F..%2Fetc/report")
    assert status in (404, 422)
    assert request("GET", f"{server}/cases/not-an-id")[0] == 422


def test_web_api_report_page_escapes_a_hostile_document(server: str) -> None:
    status, case = post_json(f"{server}/api/cases", {"documents": _documents(HOSTILE, ARTICLE_A)})
    assert status == 201
    _, headers, page = request("GET", f"{server}{case['html_url']}")
    text = page.decode()
    assert "<script>window.__pwned" not in text and "onerror=\"window" not in text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in text
    assert "script-src 'sha256-" in headers["content-security-policy"]


def test_web_app_page_is_offline_and_strict(server: str) -> None:
    status, headers, page = request("GET", f"{server}/")
    assert status == 200
    policy = headers["content-security-policy"]
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy
    tree = LexborHTMLParser(page.decode())
    assert not tree.css("link") and not tree.css("script[src]")
    assert tree.css_first("#files").attributes.get("accept") == ".txt,.text,.md,.markdown"


def test_web_api_openapi_describes_the_routes(server: str) -> None:
    status, schema = get_json(f"{server}/openapi.json")
    assert status == 200 and schema["openapi"].startswith("3.")
    paths = schema["paths"]
    assert "post" in paths["/api/cases"] and "get" in paths["/api/cases"]
    assert "get" in paths["/api/cases/{case_id}/report"]
    assert "multipart/form-data" in paths["/api/cases/upload"]["post"]["requestBody"]["content"]
    assert {"400", "413"} <= set(paths["/api/cases"]["post"]["responses"])
    # The docs pages would load scripts from a CDN: they are off.
    assert request("GET", f"{server}/docs")[0] == 404


def test_web_serve_listens_on_loopback_by_default() -> None:
    assert inspect.signature(serve).parameters["host"].default == "127.0.0.1"
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.0.2.1")


def test_web_api_checks_the_seeds_with_the_pipeline(tmp_path: Path) -> None:
    require_pipeline("check_texts")
    seeds = seed_documents()
    with running_server(create_app(tmp_path / "seeds.duckdb")) as url:
        status, case = post_json(
            f"{url}/api/cases", {"documents": [{"name": n, "text": t} for n, t in seeds]})
        assert status == 201, case
        status, report = get_json(f"{url}/api/cases/{case['id']}/report")
        assert status == 200 and report["format"] == "veracity.report/1"
        assert {d["id"] for d in report["documents"]} == {Path(n).stem for n, _ in seeds}
        assert report["claims"], "the pipeline found no claim in the seeds"
        status, _, page = request("GET", f"{url}{case['html_url']}")
        assert status == 200
        tree = LexborHTMLParser(page.decode())
        # Every claim has its place in its document's text: none is listed apart.
        assert not tree.css("details.unplaced")
        shown = {k for m in tree.css(".text mark.claim") for k in m.attributes["data-claims"].split()}
        assert len(shown) == len(report["claims"])


def test_web_api_refuses_writes_from_other_sites_and_foreign_host_names(server: str) -> None:
    payload = json.dumps({"documents": _documents(ARTICLE_A)}).encode()
    status, _, body = request("POST", f"{server}/api/cases", body=payload, headers={
        "Content-Type": "application/json", "Origin": "http://elsewhere.example"})
    assert status == 403 and "another site" in json.loads(body)["detail"]
    status, _, _ = request("POST", f"{server}/api/cases", body=payload, headers={
        "Content-Type": "application/json", "Origin": server})
    assert status == 201
    # A page that reached the server under another name (DNS rebinding) gets nothing.
    assert request("GET", f"{server}/api/cases", headers={"Host": "elsewhere.example"})[0] == 400
