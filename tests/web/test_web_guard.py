"""The web server under attack: foreign Host names, cross-site posts, form-part floods, huge
finding counts and hostile uploads are refused or bounded, and other requests are still answered."""

from __future__ import annotations

import http.client
import socket
import threading

import pytest
from starlette.testclient import TestClient

from checker.config import Config
from checker.web import create_app
from checker.web.guard import BAD_HOST, CROSS_SITE, allowed_hosts
from tests.hostile.corpus import findings_flood, utf16_doctype

LOCAL = "http://127.0.0.1:8000"


@pytest.fixture(scope="module")
def guarded():
    with TestClient(create_app(Config(), warm_up=False, allowed_hosts=allowed_hosts("127.0.0.1")), base_url=LOCAL) as c:
        yield c


def test_a_foreign_host_name_is_refused(guarded):
    for url in ("http://attacker.example/api/info", "http://attacker.example:8000/", "http://127.0.0.1.attacker.example/"):
        res = guarded.get(url)
        assert (res.status_code, res.json()) == (421, {"error": BAD_HOST})
    for url in (f"{LOCAL}/api/info", "http://localhost:8000/api/info", "http://[::1]:8000/api/info"):
        assert guarded.get(url).status_code == 200


def test_the_names_accepted_follow_the_host_option():
    assert allowed_hosts("0.0.0.0") is None and allowed_hosts("::") is None  # the whole network: any name
    assert allowed_hosts("192.168.1.20") == {"127.0.0.1", "localhost", "::1", "[::1]", "192.168.1.20", "[192.168.1.20]"}


def test_serve_restricts_host_names(monkeypatch):
    import uvicorn
    from typer.testing import CliRunner

    from checker.cli import app

    seen = {}

    def fake_run(self, sockets=None):
        seen["app"] = self.config.app
        for s in sockets or ():
            s.close()

    monkeypatch.setattr(uvicorn.Server, "run", fake_run)
    assert CliRunner().invoke(app, ["serve", "--port", "0", "--no-config"]).exit_code == 0
    with TestClient(seen["app"], base_url="http://rebound.example") as c:
        assert c.get("/api/info").status_code == 421


@pytest.mark.parametrize(
    "headers",
    [{"origin": "http://attacker.example"}, {"origin": "null"}, {"sec-fetch-site": "cross-site"}, {"sec-fetch-site": "same-site"}],
)
def test_a_cross_site_post_is_refused(guarded, headers):
    res = guarded.post("/api/check", json={"text": "某乡2024年法治政府建设年度报告\n一、主要举措\n"}, headers=headers)
    assert (res.status_code, res.json()) == (403, {"error": CROSS_SITE})


def test_the_page_itself_and_tools_may_post(guarded):
    text = {"text": "某乡2024年法治政府建设年度报告\n一、主要举措和成效\n开展学法活动。\n"}
    assert guarded.post("/api/check", json=text, headers={"origin": LOCAL, "sec-fetch-site": "same-origin"}).status_code == 200
    assert guarded.post("/api/check", json=text).status_code == 200  # curl sends neither header


def multipart_flood(parts: int) -> tuple[bytes, str]:
    boundary = "fzcheckflood"
    one = f'--{boundary}\r\nContent-Disposition: form-data; name="x"\r\n\r\n\r\n'.encode()
    return one * parts + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def test_a_flood_of_form_parts_is_refused(guarded):
    body, content_type = multipart_flood(100_000)
    res = guarded.post("/api/check", content=body, headers={"content-type": content_type})
    assert res.status_code == 413
    assert res.json()["error"] == "表单内容过多（超过 216 个部分），已拒绝；一次最多上传 200 个文件"


def test_findings_are_capped_in_the_payload_with_the_count(guarded):
    res = guarded.post("/api/check", files=[("file", ("many.txt", findings_flood(), "text/plain"))])
    (entry,) = res.json()["files"]
    codes = [d["code"] for d in entry["diagnostics"]]
    assert len(codes) <= 1001 and codes.count("FZ401") == 200
    (capped,) = [d for d in entry["diagnostics"] if d["code"] == "FZ905"]
    assert capped["message"].startswith("问题过多，另有至少 ")


def test_a_utf16_doctype_upload_is_refused_by_the_parser_itself(guarded):
    res = guarded.post("/api/check", files=[("file", ("bom-less.docx", utf16_doctype(), "application/octet-stream"))])
    (entry,) = res.json()["files"]
    assert [d["code"] for d in entry["diagnostics"]] == ["FZ901"] and "DOCTYPE" in entry["diagnostics"][0]["message"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_flood_is_parsed_off_the_event_loop(monkeypatch):
    """While the flood's parsing is held inside the parser, another request is answered: were the
    parsing on the event loop, that request could not be answered until the parser returned
    (the parser waits for it, up to 60 s, and records whether it came)."""
    import uvicorn

    from checker.web import app as web_app

    real = web_app.parse_submission
    entered, answered = threading.Event(), threading.Event()
    seen: dict = {}

    def held(*args, **kwargs):
        entered.set()
        seen["answered while parsing"] = answered.wait(60)
        return real(*args, **kwargs)

    monkeypatch.setattr(web_app, "parse_submission", held)
    port = _free_port()
    app = create_app(Config(), warm_up=False, allowed_hosts=allowed_hosts("127.0.0.1"))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error"))
    runner = threading.Thread(target=server.run, daemon=True)
    runner.start()
    try:
        while not server.started:
            threading.Event().wait(0.05)
        body, content_type = multipart_flood(100_000)

        def flood() -> None:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            conn.request("POST", "/api/check", body=body, headers={"content-type": content_type})
            seen["flood"] = conn.getresponse().status

        sender = threading.Thread(target=flood)
        sender.start()
        assert entered.wait(60)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        conn.request("GET", "/api/info")
        seen["info"] = conn.getresponse().status
        answered.set()
        sender.join()
        assert seen == {"answered while parsing": True, "info": 200, "flood": 413}
    finally:
        server.should_exit = True
        runner.join(timeout=10)
