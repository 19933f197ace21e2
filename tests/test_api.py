"""The HTTP API in-process: every endpoint, paging, the error shape, limits, the token rule and the UI routes."""

from __future__ import annotations

import json
import re
import types
import warnings

import pytest

with warnings.catch_warnings():  # starlette 1.x asks for httpx2 over httpx; either drives the app the same way
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from api_data import many_records, sahel_record, script_record, store_records
from eventwire.api import create_app
from eventwire.api.limits import RateLimiter
from eventwire.pipeline import check_text, parse_date
from eventwire.store import Store


class FakePipeline:
    """Stands in for the model: checks the input like the real one, then returns a built record for the text."""

    def __init__(self):
        self.calls = 0

    def extract(self, text, published=None, url=None, title=None, outlet=None):
        check_text(text)
        parse_date(published)
        self.calls += 1
        pub = published.isoformat() if published else "2024-03-18"
        return sahel_record(_sahel_variant(text), url=url, title=title or "t", published=pub)


def _sahel_variant(text: str) -> str:
    from api_data import SAHEL

    return SAHEL + "\n" + text


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "api.db"
    store_records(path, [sahel_record(), script_record(), *many_records(7)])
    return str(path)


@pytest.fixture
def client(db):
    with TestClient(create_app(db, pipeline=FakePipeline(), relations_module=None)) as c:
        yield c


def err(resp, status):
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "code", "message"}
    assert body["error"]["status"] == status
    assert body["error"]["message"]
    return body["error"]


def test_openapi_lists_every_endpoint(client):
    spec = client.get("/openapi.json").json()
    for path in ["/extract", "/articles", "/articles/{article_id}", "/events", "/actors", "/quotes",
                 "/relations/{a}/{b}", "/shifts/{country}", "/search"]:
        assert path in spec["paths"], path
    assert "post" in spec["paths"]["/articles"] and "get" in spec["paths"]["/articles"]
    assert client.get("/docs").status_code == 404  # the Swagger page would load scripts from a CDN


def test_articles_paging(client):
    first = client.get("/articles").json()
    assert (first["total"], first["limit"], first["offset"]) == (9, 50, 0)
    assert len(first["items"]) == 9
    p1 = client.get("/articles?limit=4").json()
    p2 = client.get("/articles?limit=4&offset=4").json()
    p3 = client.get("/articles?limit=4&offset=8").json()
    ids = [a["id"] for a in p1["items"] + p2["items"] + p3["items"]]
    assert len(ids) == 9 == len(set(ids))
    assert [a["id"] for a in first["items"]] == ids
    assert client.get("/articles?since=2024-05&until=2024-05").json()["total"] == 1
    assert client.get("/articles?limit=1000").status_code == 200
    e = err(client.get("/articles?limit=1001"), 422)
    assert "limit" in e["message"]
    err(client.get("/articles?limit=0"), 422)
    err(client.get("/articles?offset=-1"), 422)
    err(client.get("/articles?limit=many"), 422)


def test_article_by_id_and_prefix(client):
    rec = sahel_record()
    full = client.get(f"/articles/{rec.id}").json()
    assert full["id"] == rec.id and full["text"] == rec.text
    assert [e["trigger"]["text"] for e in full["events"]] == [e.trigger.text for e in rec.events]
    assert client.get(f"/articles/{rec.id[:6]}").json()["id"] == rec.id
    assert "not found" not in err(client.get("/articles/0000000000000000"), 404)["message"].lower()
    err(client.get("/articles/not-an-id"), 404)
    err(client.get("/articles/" + "a" * 40), 404)


def test_events_filters_sort_and_paging(client):
    allev = client.get("/events?limit=1000").json()
    assert allev["total"] == 8 * 4 + 1
    assert client.get("/events?actor=NER").json()["total"] == 8 * 4 + 1
    assert client.get("/events?source=RUS").json()["total"] == 8
    assert client.get("/events?target=USA").json()["total"] == 16
    assert client.get("/events?root=16").json()["total"] == 8
    assert client.get("/events?root=4").json()["total"] == 9  # '4' means root 04, as in the CLI
    assert client.get("/events?plover=consult").json()["total"] == 9
    assert client.get("/events?quad_class=2").json()["total"] == 8
    dyad = client.get("/events?actor=NER&actor=IRN").json()
    assert dyad["total"] == 8 and all(e["cameo"] == "040" for e in dyad["items"])
    located = client.get("/events?located=true&limit=1000").json()
    assert located["total"] == 24 and all(e["location"]["lat"] is not None for e in located["items"])
    one = sahel_record()
    art = client.get(f"/events?article={one.id}").json()
    assert art["total"] == 4 and {e["article_id"] for e in art["items"]} == {one.id}
    assert {e["title"] for e in art["items"]} == {"Sahel shifts"}
    ev = art["items"][0]
    assert ev["source"][0]["name"] and ev["trigger"]["text"] in one.text
    gold = client.get("/events?sort=-goldstein&limit=3").json()["items"]
    assert [e["goldstein"] for e in gold] == [7.4, 7.4, 7.4]
    asc = client.get("/events?sort=goldstein&limit=1").json()["items"]
    assert asc[0]["goldstein"] == -4.0
    pages = [client.get(f"/events?limit=10&offset={o}").json()["items"] for o in (0, 10, 20, 30)]
    keys = [(e["article_id"], e["id"]) for p in pages for e in p]
    assert len(keys) == 33 == len(set(keys))
    assert client.get("/events?since=2024-04&until=2024-04").json()["total"] == 8 + 2  # April events, and undated ones of an April article


@pytest.mark.parametrize("query, status, code", [
    ("since=2024-13-01", 400, "bad_date"), ("until=yesterday", 400, "bad_date"), ("since=2024-02-30", 400, "bad_date"),
    ("root=21", 400, "bad_request"), ("root=x", 400, "bad_request"), ("sort=evil;drop", 400, "bad_request"),
    ("actor=", 400, "bad_request"), ("quad_class=5", 422, "invalid"), ("article=zz", 404, "not_found"),
])
def test_events_bad_parameters(client, query, status, code):
    assert err(client.get("/events?" + query), status)["code"] == code


def test_actors_quotes_search(client):
    actors = client.get("/actors?q=NER").json()
    names = {a["name"] for a in actors["items"]}
    assert {"Niger", "Bakary Sangare", "Amadou Abdramane"} <= names and "Russia" not in names
    niger = next(a for a in actors["items"] if a["name"] == "Niger")
    assert niger["articles"] == 8 and niger["mentions"] == 16 and niger["events"] == 16
    assert client.get("/actors?limit=2").json()["total"] == len({(a.name, a.country) for a in sahel_record().actors}) + 2
    assert client.get("/actors?country=RUS").json()["items"][0]["name"] == "Russia"
    qs = client.get("/quotes?speaker=Abdramane").json()
    assert qs["total"] == 8 and qs["items"][0]["speaker_name"] == "Amadou Abdramane"
    assert qs["items"][0]["text"] == "We will not accept threats,"
    assert client.get("/quotes?speaker=nobody-at-all").json()["total"] == 0
    err(client.get("/quotes?since=2024-99"), 400)
    hits = client.get("/search?q=Tehran&limit=3").json()
    assert hits["total"] == 8 and len(hits["items"]) == 3 and hits["items"][0]["kind"] == "article"
    assert client.get("/search?q=threats&in=quotes").json()["total"] == 8
    assert client.get("/search?q=Tehran&offset=7").json()["items"]
    err(client.get("/search"), 422)
    err(client.get("/search?q=%22%2A%2A"), 400)
    err(client.get("/search?q=x&in=everything"), 422)


def test_network_and_facets(client):
    net = client.get("/network").json()
    ids = {n["id"] for n in net["nodes"]}
    assert {"country:NER", "country:USA", "country:RUS"} <= ids
    edges = {(e["source"], e["target"]): e for e in net["edges"] if e["kind"] == "event"}
    sus = edges[("country:NER", "country:USA")]
    assert sus["events"] == 8 and sus["conflictual"] == 8 and sus["cooperative"] == 0
    aid = edges[("country:RUS", "country:NER")]
    assert aid["cooperative"] == 8 and aid["goldstein_mean"] == 7.4
    assert any(e["kind"] == "member" and e["target"] == "country:NER" for e in net["edges"])
    assert all(e["source"] in ids and e["target"] in ids for e in net["edges"])
    f = client.get("/facets").json()
    assert f["counts"]["events"] == 33 and {r["root"] for r in f["roots"]} == {"16", "04", "06", "11"}


def test_relations_answer_501_without_the_module(client):
    assert err(client.get("/relations/NER/USA"), 501)["code"] == "not_implemented"
    assert "relations" in err(client.get("/shifts/NER"), 501)["message"]
    err(client.get("/shifts/NER?split=2024-99-01"), 400)


def test_relations_call_the_module_interface(db):
    calls = []

    def dyad_series(conn, a, b, by="month", direction="both", since=None, until=None):
        calls.append((a, b, by, direction, since, until))
        return [{"period": f"2024-0{m}", "score": m - 2.0, "events": m} for m in range(1, 6)]

    def shifts(conn, country, split=None, since=None, until=None):
        calls.append((country, split, since, until))
        return [{"partner": "USA", "before": 1.0, "after": -3.0, "change": -4.0}]

    rel = types.SimpleNamespace(dyad_series=dyad_series, shifts=shifts)
    with TestClient(create_app(db, relations_module=rel)) as c:
        r = c.get("/relations/NER/USA?by=month&limit=2&offset=1&since=2024-01").json()
        assert r["total"] == 5 and [x["period"] for x in r["items"]] == ["2024-02", "2024-03"]
        assert calls[-1] == ("NER", "USA", "month", "both", "2024-01", None)
        c.get("/relations/Sabrina Singh/NER?direction=a2b")
        assert calls[-1][:4] == ("Sabrina Singh", "NER", "month", "a2b")
        s = c.get("/shifts/NER?split=2024-03-16").json()
        assert s["items"][0]["partner"] == "USA" and calls[-1] == ("NER", "2024-03-16", None, None)
        err(c.get("/relations/NER/USA?by=century"), 422)
        err(c.get("/relations/NER/USA?since=March"), 400)


def test_extract_returns_the_record_and_stores_nothing(client, db):
    before = client.get("/articles").json()["total"]
    r = client.post("/extract", json={"text": "Niger met Tehran officials.", "published": "2024-03-18",
                                      "title": "x"})
    assert r.status_code == 200, r.text
    rec = r.json()
    assert rec["schema"] == "eventwire.record/1" and rec["events"] and rec["text"].endswith("Niger met Tehran officials.")
    assert client.get("/articles").json()["total"] == before
    with Store(db, readonly=True) as st:
        assert st.counts()["articles"] == before


def test_post_articles_on_loopback_needs_no_token(client):
    body = {"text": "A new paragraph about Niger.", "url": "https://example.org/new", "published": "2024-06-01"}
    r = client.post("/articles", json=body)
    assert r.status_code == 201, r.text
    new_id = r.json()["id"]
    assert r.json()["stored"] is True
    assert client.get(f"/articles/{new_id}").json()["url"] == "https://example.org/new"
    again = client.post("/articles", json=body)
    assert again.status_code == 200 and again.json()["stored"] is False
    assert client.get("/articles").json()["total"] == 10


@pytest.mark.parametrize("kwargs, sent, status", [
    ({"token": "s3cret"}, None, 401),
    ({"token": "s3cret"}, "Bearer wrong", 401),
    ({"token": "s3cret"}, "Basic s3cret", 401),
    ({"token": "s3cret"}, "Bearer s3cret", 201),
    ({"token": None}, "Bearer anything", 403),
])
def test_token_rule_off_loopback(db, monkeypatch, kwargs, sent, status):
    monkeypatch.delenv("EVENTWIRE_TOKEN", raising=False)
    app = create_app(db, pipeline=FakePipeline(), require_token=True, **kwargs)
    with TestClient(app) as c:
        headers = {"Authorization": sent} if sent else {}
        r = c.post("/articles", json={"text": "Token test about Niger."}, headers=headers)
        if status == 201:
            assert r.status_code == 201, r.text
        else:
            e = err(r, status)
            assert ("EVENTWIRE_TOKEN" in e["message"]) or ("token" in e["message"])
        # reads and /extract stay open
        assert c.get("/articles").status_code == 200
        assert c.post("/extract", json={"text": "Open extraction about Niger."}).status_code == 200


def test_token_from_environment(db, monkeypatch):
    monkeypatch.setenv("EVENTWIRE_TOKEN", "from-env")
    with TestClient(create_app(db, pipeline=FakePipeline(), require_token=True)) as c:
        assert c.post("/articles", json={"text": "Env token, Niger."},
                      headers={"Authorization": "Bearer from-env"}).status_code == 201


@pytest.mark.parametrize("path", ["/extract", "/articles"])
def test_bad_bodies_are_4xx_with_a_clear_message(client, path):
    e = err(client.post(path, content=b'{"text": "abc",', headers={"Content-Type": "application/json"}), 400)
    assert e["code"] == "bad_json" and "JSON" in e["message"]
    assert "object" in err(client.post(path, json=["not", "an", "object"]), 422)["message"]
    assert "text" in err(client.post(path, json={"title": "no text"}), 422)["message"]
    assert "colour" in err(client.post(path, json={"text": "x Niger", "colour": "red"}), 422)["message"]
    e = err(client.post(path, json={"text": "Niger talks.", "published": "18/03/2024"}), 422)
    assert e["code"] == "bad_date" and "YYYY-MM-DD" in e["message"]
    err(client.post(path, json={"text": "Niger talks.", "published": "2024-02-30"}), 422)
    assert "empty" in err(client.post(path, json={"text": "   "}), 422)["message"]
    err(client.post(path, json={"text": 42}), 422)
    err(client.post(path, content=b"\xff\xfe", headers={"Content-Type": "application/json"}), 400)


def test_body_size_limit(db):
    with TestClient(create_app(db, pipeline=FakePipeline(), max_body_bytes=2000)) as c:
        e = err(c.post("/extract", json={"text": "Niger " * 1000}), 413)
        assert "2,000" in e["message"]

        def chunks():  # no Content-Length: the limit applies while the body streams in
            for _ in range(10):
                yield b"x" * 500

        err(c.post("/articles", content=chunks(), headers={"Content-Type": "application/json"}), 413)
        assert c.post("/extract", json={"text": "Niger met Tehran."}).status_code == 200


def test_extract_rate_limit_per_client(db):
    with TestClient(create_app(db, pipeline=FakePipeline(), extract_per_minute=2, extract_burst=2)) as c:
        ok = [c.post("/extract", json={"text": "Niger and Tehran."}).status_code for _ in range(2)]
        assert ok == [200, 200]
        r = c.post("/extract", json={"text": "Niger and Tehran."})
        e = err(r, 429)
        assert int(r.headers["retry-after"]) >= 1 and "try again" in e["message"]
        assert c.get("/events").status_code == 200  # reads are not limited


def test_rate_limiter_buckets_are_per_client():
    now = [0.0]
    rl = RateLimiter(per_minute=60, burst=2, clock=lambda: now[0])
    assert [rl.check("a"), rl.check("a")] == [0.0, 0.0]
    assert rl.check("a") > 0 and rl.check("b") == 0.0
    now[0] += 1.0  # one token back a second
    assert rl.check("a") == 0.0 and rl.check("a") > 0


def test_unknown_paths_and_methods(client):
    err(client.get("/no/such/thing"), 404)
    assert err(client.delete("/articles"), 405)["code"] == "method_not_allowed"
    err(client.get("/static/nope.js"), 404)


def test_ui_routes_and_offline_assets(client):
    r = client.get("/", follow_redirects=False)
    assert r.status_code == 307 and r.headers["location"] == "/ui/"
    for path, page in [("/ui/", "home"), ("/ui/events", "events"), ("/ui/timeline", "timeline"),
                       ("/ui/network", "network"), ("/ui/map", "map"), ("/ui/paste", "paste"),
                       ("/ui/actors", "actors"), ("/ui/article/abc", "article")]:
        r = client.get(path)
        assert r.status_code == 200 and f'data-page="{page}"' in r.text
        assert "script-src 'self'" in r.headers["content-security-policy"]
        assert not re.search(r'(src|href)="(https?:)?//', r.text)  # nothing from another host
    err(client.get("/ui/secret"), 404)
    js = client.get("/static/app.js")
    assert js.status_code == 200 and js.headers["x-content-type-options"] == "nosniff"
    assert re.findall(r"https?://[^\s\"'`]+", js.text) == ["http://www.w3.org/2000/svg"]  # an XML namespace only
    assert not re.search(r"\.innerHTML\s*=|insertAdjacentHTML|document\.write", js.text)
    assert client.get("/static/app.css").status_code == 200
    world = client.get("/static/vendor/countries-110m.json")
    assert world.status_code == 200, "world outline not built: run `make web-assets`"
    assert json.loads(world.text)["objects"]["countries"]["geometries"]
    assert client.get("/static/vendor/topojson-client.min.js").status_code == 200


def test_serve_cli_helpers():
    from eventwire.cli import build_parser
    from eventwire.cli.serve import is_loopback

    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost") and is_loopback("127.8.0.1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.0.2.1") and not is_loopback("example.org")
    args = build_parser().parse_args(["serve", "--db", "x.db"])
    assert (args.host, args.port) == ("127.0.0.1", 8000)


def test_an_unexpected_failure_is_a_500_in_the_error_shape(db):
    class Broken:
        def extract(self, text, **kw):
            raise RuntimeError("boom: internal detail")

    with TestClient(create_app(db, pipeline=Broken()), raise_server_exceptions=False) as c:
        e = err(c.post("/extract", json={"text": "Niger and Iran."}), 500)
        assert "boom" not in e["message"] and e["code"] == "internal"
        assert c.get("/events").status_code == 200  # the server carries on
