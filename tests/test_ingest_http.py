"""http(s) inputs against a real HTTP server on loopback: an article page, an RSS feed, limits and errors."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from eventwire.sources import USER_AGENT, Options, iter_sources
from eventwire.store import Store
from eventwire.store.ingest import ingest
from test_ingest import HTML_PAGE, article


def _page(n: int) -> str:
    return (f"<html><head><title>Story {n}</title><meta property='article:published_time' content='2024-02-0{n}'>"
            f"</head><body><article><h1>Story {n}</h1><p>{article(n)}</p><p>{article(n + 20)}</p></article>"
            f"</body></html>")


def _feed(base: str) -> str:
    items = "".join(
        f"<item><title>Story {n}</title><link>{base}/story/{n}</link><guid>{base}/story/{n}</guid>"
        f"<pubDate>Mon, 0{n} Jan 2024 10:00:00 GMT</pubDate></item>" for n in (1, 2, 3))
    items += f"<item><title>Gone</title><link>{base}/missing</link></item>"
    return (f"<?xml version='1.0' encoding='UTF-8'?><rss version='2.0'><channel><title>Loopback Wire</title>"
            f"<link>{base}/</link><description>test</description>{items}</channel></rss>")


class _Handler(BaseHTTPRequestHandler):
    agents: list[str] = []

    def log_message(self, *a):  # keep test output quiet
        pass

    def _send(self, body: bytes, ctype: str, status: int = 200) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802 - http.server's name
        self.agents.append(self.headers.get("User-Agent", ""))
        base = f"http://{self.server.server_address[0]}:{self.server.server_address[1]}"
        if self.path == "/article":
            self._send(HTML_PAGE.encode(), "text/html; charset=utf-8")
        elif self.path == "/feed":
            self._send(_feed(base).encode(), "application/rss+xml")
        elif self.path.startswith("/story/"):
            self._send(_page(int(self.path.rsplit("/", 1)[1])).encode(), "text/html")
        elif self.path == "/big":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # no Content-Length: the limit must hold while streaming
            try:
                for _ in range(64):
                    self.wfile.write(b"<p>" + b"x" * 65536 + b"</p>")
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif self.path == "/slow":
            time.sleep(3)
            self._send(b"<html><body><p>late</p></body></html>", "text/html")
        elif self.path == "/plain":
            self._send(article(9).encode(), "text/plain; charset=utf-8")
        elif self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/article")
            self.end_headers()
        else:
            self._send(b"not here", "text/plain", 404)


@pytest.fixture(scope="module")
def server():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    srv.daemon_threads = True
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()
    srv.server_close()


def _items(urls, **kw):
    opts = Options(**kw)
    try:
        return list(iter_sources(urls, opts))
    finally:
        opts.close()


def test_article_page(server):
    [it] = _items([server + "/article"])
    assert it.article is not None, it.reason
    assert it.article.url == "https://news.example.org/2024/03/niger-pact"  # canonical
    assert it.article.published == "2024-03-18"
    assert it.article.title.startswith("Niger ends defense pact")
    assert it.author == "Jane Doe"
    assert _Handler.agents[-1] == USER_AGENT and USER_AGENT.startswith("eventwire/")


def test_redirect_and_plain_text(server):
    [red] = _items([server + "/redirect"])
    assert red.article is not None and "junta" in red.article.text
    [plain] = _items([server + "/plain"])
    assert plain.article.text == article(9) and plain.article.url == server + "/plain"


def test_rss_feed_fetches_each_entry(server):
    items = _items([server + "/feed"])
    ok = [i for i in items if i.article]
    bad = [i for i in items if i.reason]
    assert [i.article.title for i in ok] == ["Story 1", "Story 2", "Story 3"]
    assert ok[0].article.published == "2024-02-01"  # the page's own date wins over the feed's
    assert ok[0].article.outlet == "Loopback Wire"
    assert len(bad) == 1 and bad[0].name.endswith("/missing") and "404" in bad[0].reason


def test_limits_and_errors(server):
    [limited] = _items([server + "/big"], max_download_bytes=100_000)
    assert limited.article is None and "limit" in limited.reason
    [slow] = _items([server + "/slow"], timeout=0.5)
    assert slow.article is None and "timed out" in slow.reason
    [gone] = _items([server + "/nothing-here"])
    assert "404" in gone.reason
    [refused] = _items(["http://127.0.0.1:9/x"], timeout=2)
    assert refused.article is None and "cannot fetch" in refused.reason


def test_ingest_feed_into_store(server, tmp_path):
    from eventwire.runners import PipelineConfig

    opts = Options()
    with Store(tmp_path / "h.db") as s:
        counts = ingest(s, iter_sources([server + "/feed", server + "/article"], opts), PipelineConfig())
        assert counts.added == 4 and counts.failed == 1
        src = dict(s.conn.execute("SELECT source, author FROM sources WHERE author IS NOT NULL").fetchall())
        assert src == {server + "/article": "Jane Doe"}
        again = ingest(s, iter_sources([server + "/feed"], opts), PipelineConfig())
        assert again.added == 0 and again.skipped == 3
    opts.close()
