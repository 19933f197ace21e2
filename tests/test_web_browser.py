"""The web UI in a real headless Chromium (Debian's chromium + chromedriver, driven by Selenium; no browser download).

A uvicorn server runs in a thread on a free loopback port for the module and is stopped at the end. Screenshots go
to artifacts/screenshots/.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from api_data import SAHEL, sahel_record, script_record, store_records, with_events

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
SHOTS = Path(__file__).resolve().parent.parent / "artifacts" / "screenshots"

pytestmark = pytest.mark.skipif(
    not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)),
    reason="Debian chromium and chromium-driver are not installed (make install-test installs them)")


@pytest.fixture(scope="module")
def founding_rec(request):
    """The founding article as the pipeline extracts it (None when ../shared is absent)."""
    try:
        rec = request.getfixturevalue("founding_record")
    except pytest.skip.Exception:
        return None
    return with_events(rec)


def _relations():
    """eventwire.relations when it is installed; else a stand-in with its interface (rows for the chart to draw)."""
    import importlib.util
    import types

    if importlib.util.find_spec("eventwire.relations") is not None:
        return "auto"

    def dyad_series(conn, a, b, by="month", direction="both", since=None, until=None):
        rows = conn.execute(
            "SELECT substr(coalesce(e.date_value, a.published), 1, 7) AS period, count(*), avg(e.goldstein) "
            "FROM events e JOIN articles a ON a.id = e.article_id GROUP BY 1 ORDER BY 1").fetchall()
        return [{"period": r[0], "events": r[1], "goldstein_mean": round(r[2], 3)} for r in rows]

    return types.SimpleNamespace(dyad_series=dyad_series)


@pytest.fixture(scope="module")
def server(tmp_path_factory, founding_rec, pipeline):
    import uvicorn

    from eventwire.api import create_app

    db = tmp_path_factory.mktemp("web") / "web.db"
    recs = [sahel_record(), script_record()]
    if founding_rec is not None:
        recs.append(founding_rec)
    store_records(db, recs)
    app = create_app(str(db), pipeline=pipeline, relations_module=_relations())
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))
    th = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    th.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not th.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield base
    srv.should_exit = True
    th.join(timeout=15)
    sock.close()
    assert not th.is_alive(), "the test server did not stop"


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must not look for a browser to download
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000",
                f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"]:
        opts.add_argument(arg)
    drv = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    drv.set_page_load_timeout(30)
    yield drv
    drv.quit()


def api(base: str, path: str):
    with urllib.request.urlopen(base + path, timeout=30) as r:
        return json.loads(r.read())


def load(drv, url: str):
    from selenium.webdriver.support.ui import WebDriverWait

    drv.get(url)
    WebDriverWait(drv, 30).until(lambda d: d.execute_script("return document.body.dataset.ready === '1'"))
    errors = drv.find_elements("css selector", "main .error")
    assert not errors, errors[0].text


def shot(drv, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    p = SHOTS / f"{name}.png"
    drv.save_screenshot(str(p))
    assert p.stat().st_size > 5000
    return p


def js(drv, script: str, *args):
    return drv.execute_script(script, *args)


def check_article_page(drv, base: str, rec, name: str):
    load(drv, f"{base}/ui/article/{rec.id}")
    segs = js(drv, "return [...document.querySelectorAll('.article-text .seg')].map(s => "
                   "[+s.dataset.start, +s.dataset.end, s.className, s.textContent])")
    assert "".join(s[3] for s in segs) == rec.text  # the whole text, in order, nothing added or lost
    by_start = {}
    for start, _end, cls, _ in segs:
        by_start.setdefault(start, []).append(cls)
    for a in rec.actors:
        for m in a.mentions:
            assert any("k-mention" in c for c in by_start.get(m.start, [])), (a.name, m)
    for ev in rec.events:
        assert any("k-trigger" in c for c in by_start.get(ev.trigger.start, [])), ev.trigger
    for q in rec.quotes:
        assert any("k-quote" in c for c in by_start.get(q.start, [])), q
    items = js(drv, "return [...document.querySelectorAll('[data-testid=event-list] li[data-event]')]"
                    ".map(li => li.dataset.event)")
    assert items == [e.id for e in rec.events]
    # Hover an actor mention with several mentions: its codes show, and its other mentions are marked.
    actor = max(rec.actors, key=lambda a: len(a.mentions))
    m = actor.mentions[0]
    el = drv.find_element("css selector", f".article-text .seg[data-start='{m.start}']")
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(drv).move_to_element(el).click().perform()
    details = drv.find_element("css selector", "[data-testid=details]").text
    assert f"Actor: {actor.name}" in details
    if actor.cameo:
        assert actor.cameo in details
    marked = js(drv, "return document.querySelectorAll('.article-text .seg.same-actor').length")
    assert marked >= len(actor.mentions)
    # Select the first event from the side list: its trigger is selected and its sentence lit.
    if rec.events:
        ev = rec.events[0]
        drv.find_element("css selector", f"li[data-event='{ev.id}']").click()
        details = drv.find_element("css selector", "[data-testid=details]").text
        assert f"Event {ev.cameo}" in details and ev.trigger.text in details
        sel = js(drv, "return [...document.querySelectorAll('.seg.selected')].map(s => s.textContent).join('')")
        assert sel == ev.trigger.text
        assert js(drv, "return document.querySelectorAll('.seg.in-sentence').length") > 0
    shot(drv, name)


def test_article_page_of_a_built_record(server, browser):
    check_article_page(browser, server, sahel_record(), "article-sahel")


def test_founding_article_page(server, browser, founding_rec):
    if founding_rec is None:
        pytest.skip("../shared not present: no founding article")
    check_article_page(browser, server, founding_rec, "article-founding")


def test_events_table_filters_sorts_and_links_to_evidence(server, browser):
    drv = browser
    load(drv, f"{server}/ui/events")
    total = api(server, "/events")["total"]
    rows = drv.find_elements("css selector", "[data-testid=events-table] tbody tr")
    assert len(rows) == min(50, total) and total > 0
    box = drv.find_element("css selector", "form.filters input[name=source]")
    box.send_keys("RUS")
    drv.find_element("css selector", "form.filters button[type=submit]").click()
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(drv, 20).until(lambda d: "source=RUS" in d.current_url and
                                 d.execute_script("return document.body.dataset.ready === '1'"))
    want = api(server, "/events?source=RUS")["total"]
    rows = drv.find_elements("css selector", "[data-testid=events-table] tbody tr")
    assert len(rows) == want >= 1
    assert all("Russia" in r.find_elements("css selector", "td")[1].text for r in rows)
    # sort by Goldstein, descending on the second click
    load(drv, f"{server}/ui/events?sort=-goldstein")
    gold = [float(td.text) for td in drv.find_elements("css selector", "[data-testid=events-table] tbody td:nth-child(7)")]
    assert gold == sorted(gold, reverse=True) and len(gold) > 1
    head = drv.find_element("css selector", "th[data-sort=goldstein]")
    assert "sorted-desc" in head.get_attribute("class")
    shot(drv, "events-table")
    # each row links to its evidence: the article page with that event selected
    link = drv.find_element("css selector", "[data-testid=events-table] tbody tr a.evidence")
    ev_id = link.get_attribute("href").rsplit("#ev-", 1)[1]
    link.click()
    WebDriverWait(drv, 20).until(lambda d: d.execute_script(
        "return document.body.dataset.ready === '1' && !!document.querySelector('li.active')"))
    assert drv.find_element("css selector", "li.active").get_attribute("data-event") == ev_id
    assert js(drv, "return document.querySelectorAll('.seg.selected').length") > 0


def test_timeline_renders_events_by_quad_class(server, browser):
    drv = browser
    load(drv, f"{server}/ui/timeline?a=NER")
    n = api(server, "/events?actor=NER&limit=1000")["total"]
    dots = js(drv, "return [...document.querySelectorAll('[data-testid=timeline-chart] circle.dot')]"
                   ".map(c => c.getAttribute('fill'))")
    assert len(dots) == n > 0
    assert len(set(dots)) >= 3  # coloured by quad class
    shot(drv, "timeline-country")
    load(drv, f"{server}/ui/timeline?a=NER&b=USA")
    n2 = api(server, "/events?actor=NER&actor=USA&limit=1000")["total"]
    assert js(drv, "return document.querySelectorAll('[data-testid=timeline-chart] circle.dot').length") == n2 > 0
    rows = api(server, "/relations/NER/USA?by=month&limit=1000")["items"]
    points = js(drv, "return document.querySelectorAll('[data-testid=relation-chart] circle').length")
    assert points == len(rows) > 0
    shot(drv, "timeline-dyad")


def test_network_renders_nodes_and_coloured_edges(server, browser):
    drv = browser
    load(drv, f"{server}/ui/network")
    net = api(server, "/network")
    nodes = js(drv, "return [...document.querySelectorAll('[data-testid=network-chart] g.node')]"
                    ".map(g => g.dataset.id)")
    assert sorted(nodes) == sorted(n["id"] for n in net["nodes"]) and len(nodes) >= 3
    colours = js(drv, "return [...document.querySelectorAll('[data-testid=network-chart] line.edge')]"
                      ".map(l => l.getAttribute('stroke'))")
    assert len(colours) == sum(1 for e in net["edges"] if e["kind"] == "event")
    assert {"#1a9850", "#c0392b"} <= set(colours)  # cooperative and conflictual links both drawn
    inside = js(drv, """const b = document.querySelector('[data-testid=network-chart]').viewBox.baseVal;
        return [...document.querySelectorAll('[data-testid=network-chart] g.node circle, [data-testid=network-chart] g.node rect')]
          .every(c => { const x = +(c.getAttribute('cx') || c.getAttribute('x')), y = +(c.getAttribute('cy') || c.getAttribute('y'));
                        return x >= 0 && y >= 0 && x <= b.width && y <= b.height; });""")
    assert inside
    shot(drv, "network")


def test_map_renders_outline_and_event_places(server, browser):
    drv = browser
    load(drv, f"{server}/ui/map")
    countries = js(drv, "return document.querySelectorAll('[data-testid=map] path.country').length")
    assert countries > 150, "the world outline did not draw (make web-assets)"
    located = api(server, "/events?located=true&limit=1000")["items"]
    places = {(round(e["location"]["lat"], 2), round(e["location"]["lon"], 2)) for e in located}
    dots = drv.find_elements("css selector", "[data-testid=map] circle.place-dot")
    assert len(dots) == len(places) >= 2
    # Niamey (13.5N, 2.1E) lands in the right part of the world: west Africa, north of the equator
    pos = js(drv, """const d = [...document.querySelectorAll('circle.place-dot')]
        .find(c => c.querySelector('title').textContent.startsWith('Niamey'));
        return [+d.getAttribute('cx'), +d.getAttribute('cy')];""")
    assert 480 < pos[0] < 520 and 200 < pos[1] < 250
    dots[0].click()
    assert drv.find_elements("css selector", "[data-testid=map-list] a.evidence")
    shot(drv, "map")


PASTED = ("<script>window.__pwned = 1; document.title = 'pwned'</script> Niger's foreign minister met "
          "officials of Iran in Tehran on Monday, <b>officials said</b>. <img src=x onerror=\"window.__pwned=2\">\n"
          "Russia and Niger signed an agreement on military cooperation in Niamey.")


def test_paste_shows_markup_as_text_and_stores_nothing(server, browser):
    drv = browser
    before = api(server, "/articles")["total"]
    load(drv, f"{server}/ui/paste")
    drv.find_element("css selector", "textarea[name=text]").send_keys(PASTED)
    drv.find_element("css selector", "input[name=published]").send_keys("2024-03-18")
    drv.find_element("css selector", "input[name=title]").send_keys("<i>pasted</i>")
    drv.find_element("css selector", "[data-testid=paste-form] button[type=submit]").click()
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(drv, 60).until(lambda d: d.find_elements("css selector", "[data-testid=paste-result] .article-text")
                                 or d.find_elements("css selector", "[data-testid=paste-result] .error"))
    assert not drv.find_elements("css selector", "[data-testid=paste-result] .error")
    text = js(drv, "return document.querySelector('[data-testid=paste-result] .article-text').textContent")
    assert text == PASTED
    assert "<script>" in drv.find_element("css selector", "[data-testid=paste-result] .article-text").text
    assert drv.find_element("css selector", "[data-testid=article-title]").text == "<i>pasted</i>"
    assert js(drv, "return window.__pwned === undefined && document.title !== 'pwned'")
    assert js(drv, "return document.querySelectorAll('main script, main img, main b, main i').length") == 0
    assert js(drv, "return document.querySelectorAll('[data-testid=paste-result] .seg.k-mention').length") > 0
    shot(drv, "paste-script")
    assert api(server, "/articles")["total"] == before  # /extract stored nothing


def test_stored_markup_is_shown_as_text(server, browser):
    drv = browser
    rec = script_record()
    load(drv, f"{server}/ui/article/{rec.id}")
    assert drv.find_element("css selector", "[data-testid=article-title]").text == rec.title
    assert js(drv, "return document.querySelector('.article-text').textContent") == rec.text
    assert js(drv, "return window.__pwned === undefined")
    assert js(drv, "return document.querySelectorAll('main script, main img, main b, main i').length") == 0
    load(drv, f"{server}/ui/")
    titles = [a.text for a in drv.find_elements("css selector", "[data-testid=articles] a")]
    assert rec.title in titles and "Sahel shifts" in titles
    shot(drv, "home")
    assert SAHEL  # the built article is the one stored
