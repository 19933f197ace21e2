"""The HTTP API and the web UI, from one FastAPI app: ``create_app(db_path)``.

JSON endpoints live at the root (``/articles``, ``/events``, ...; schema at ``/openapi.json``); the UI's pages are
under ``/ui/`` and its scripts, styles and map data under ``/static/`` (all served from the package: no CDN).
"""

from __future__ import annotations

import hmac
import importlib
import logging
import os
import threading
from collections.abc import Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..errors import EventwireError, InputError
from ..pipeline import parse_date
from ..store import SourceInfo, Store
from . import data, errors
from .errors import ApiError
from .limits import BodyLimit, RateLimiter
from .schemas import ArticleIn, ErrorBody, Page, Stored

log = logging.getLogger(__name__)

WEB = Path(__file__).resolve().parent.parent / "web"
STATIC = WEB / "static"
UI_PAGES = {"home": "Articles", "article": "Article", "events": "Events", "timeline": "Timeline",
            "network": "Actor network", "map": "Map", "paste": "Paste an article", "actors": "Actors"}
DEFAULT_MAX_BODY = 2_000_000
MAX_LIMIT = 1000

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")

_ERRORS: dict[int | str, dict[str, Any]] = {
    s: {"model": ErrorBody, "description": d} for s, d in
    ((400, "bad request (bad JSON, bad date, bad filter)"), (404, "unknown id or path"),
     (413, "body too large"), (422, "invalid body or parameter"))}


class _Headers:
    """Pure ASGI middleware adding ``nosniff`` everywhere and the CSP on HTML pages."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def wrapped(msg):
            if msg["type"] == "http.response.start":
                headers = list(msg.get("headers") or [])
                headers.append((b"x-content-type-options", b"nosniff"))
                ctype = next((v for k, v in headers if k == b"content-type"), b"")
                if ctype.startswith(b"text/html"):
                    headers.append((b"content-security-policy", CSP.encode()))
                    headers.append((b"referrer-policy", b"no-referrer"))
                msg = {**msg, "headers": headers}
            await send(msg)

        await self.app(scope, receive, wrapped)


class _Stores:
    """One read-only connection per worker thread; writes go through one writer at a time."""

    def __init__(self, path: str):
        self.path = path
        with Store(path):  # create and migrate when missing, so read-only opens work
            pass
        self._local = threading.local()
        self._all: list[Store] = []
        self._lock = threading.Lock()
        self.write_lock = threading.Lock()

    def read(self) -> Store:
        st = getattr(self._local, "store", None)
        if st is None:
            st = Store(self.path, readonly=True)
            self._local.store = st
            with self._lock:
                self._all.append(st)
        return st

    def close(self) -> None:
        with self._lock:
            for st in self._all:
                try:
                    st.close()
                except Exception:  # a connection owned by a thread that is gone
                    pass
            self._all.clear()


def _relations():
    try:
        return importlib.import_module("eventwire.relations")
    except ImportError:
        return None


def create_app(db_path: str, *, pipeline: Any = None, pipeline_factory: Callable[[], Any] | None = None,
               require_token: bool = False, token: str | None = None, extract_per_minute: float | None = None,
               extract_burst: int | None = None, max_body_bytes: int = DEFAULT_MAX_BODY,
               relations_module: Any = "auto") -> FastAPI:
    """The app over the store at ``db_path`` (created when missing).

    ``require_token``: ``POST /articles`` needs ``Authorization: Bearer <token>`` (``token`` defaults to
    ``$EVENTWIRE_TOKEN``; with no token set, ingesting over HTTP is refused). ``extract_per_minute``: a per-client
    rate limit on ``POST /extract`` (None = none). The pipeline loads on the first extraction unless given.
    """
    stores = _Stores(db_path)
    rel = _relations() if relations_module == "auto" else relations_module
    if rel is not None and hasattr(rel, "ensure_current"):
        # Articles stored before the relation tables existed are linked now, with a writable connection: the
        # request handlers read through read-only ones.
        try:
            with Store(db_path) as st:
                rel.ensure_current(st)
        except EventwireError as exc:
            log.warning("relations are not up to date: %s", exc)
    if token is None:
        token = os.environ.get("EVENTWIRE_TOKEN") or None
    limiter = RateLimiter(extract_per_minute, extract_burst) if extract_per_minute else None
    pipe_lock = threading.Lock()
    state: dict[str, Any] = {"pipeline": pipeline}

    def get_pipeline():
        with pipe_lock:
            if state["pipeline"] is None:
                if pipeline_factory is not None:
                    state["pipeline"] = pipeline_factory()
                else:
                    from ..pipeline import default_pipeline

                    state["pipeline"] = default_pipeline()
            return state["pipeline"]

    def run_extract(body: ArticleIn):
        if len(body.text) > max_body_bytes:
            raise ApiError(413, f"the text has {len(body.text):,} characters, over the limit of {max_body_bytes:,}")
        try:
            pub = parse_date(body.published)
        except InputError as exc:
            raise ApiError(422, str(exc), "bad_date") from None
        pipe = get_pipeline()
        with pipe_lock:  # one extraction at a time: the spaCy pipeline is shared
            return pipe.extract(body.text, published=pub, url=body.url, title=body.title, outlet=body.outlet)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        stores.close()

    app = FastAPI(title="eventwire", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="News articles in, a sourced record of world politics out. Every list answers "
                              '{"items", "total", "limit", "offset"}; every error {"error": {"status", "code", '
                              '"message"}}.')
    errors.install(app)
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    app.add_middleware(_Headers)
    app.state.stores = stores
    app.state.get_pipeline = get_pipeline

    api = APIRouter(responses=_ERRORS)
    Limit = Query(50, ge=1, le=MAX_LIMIT, description=f"items per page (at most {MAX_LIMIT})")
    Offset = Query(0, ge=0, le=10**9)

    def page(items: list[dict[str, Any]], total: int, limit: int, offset: int) -> dict[str, Any]:
        return {"items": items, "total": total, "limit": limit, "offset": offset}

    @api.post("/extract", summary="Extract one article and return its record (nothing is stored)")
    def extract(body: ArticleIn, request: Request) -> dict[str, Any]:
        if limiter is not None:
            wait = limiter.check(request.client.host if request.client else "?")
            if wait:
                raise ApiError(429, f"too many extractions from this client; try again in {wait:.0f} s",
                               headers={"Retry-After": str(max(1, round(wait)))})
        return run_extract(body).to_dict()

    @api.post("/articles", status_code=201, summary="Extract one article and store it", response_model=Stored,
              responses={200: {"model": Stored, "description": "already stored"},
                         401: {"model": ErrorBody, "description": "missing or wrong bearer token"},
                         403: {"model": ErrorBody, "description": "ingesting over HTTP is disabled"}})
    def post_article(body: ArticleIn, request: Request):
        if require_token:
            if not token:
                raise ApiError(403, "this server was started without EVENTWIRE_TOKEN, so it takes no articles "
                                    "over HTTP; set it and restart", "ingest_disabled")
            auth = request.headers.get("authorization", "")
            scheme, _, given = auth.partition(" ")
            if scheme.lower() != "bearer" or not given:
                raise ApiError(401, "POST /articles needs 'Authorization: Bearer <EVENTWIRE_TOKEN>'",
                               headers={"WWW-Authenticate": "Bearer"})
            if not hmac.compare_digest(given.strip().encode(), token.encode()):
                raise ApiError(401, "wrong bearer token", headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})
        rec = run_extract(body)
        with stores.write_lock, Store(stores.path) as st:
            added, _ = st.write_batch([(rec, SourceInfo(source=body.url or f"api:{rec.id}"))])
        out = {"id": rec.id, "stored": bool(added), "record": rec.to_dict()}
        return JSONResponse(out, status_code=201 if added else 200)

    @api.get("/articles", response_model=Page, summary="Stored articles, newest first")
    def list_articles(since: str | None = None, until: str | None = None, limit: int = Limit,
                      offset: int = Offset):
        items, total = data.articles(stores.read(), since=since, until=until, limit=limit, offset=offset)
        return page(items, total, limit, offset)

    @api.get("/articles/{article_id}", summary="One stored record (id or unique prefix), with its sources")
    def get_article(article_id: str) -> dict[str, Any]:
        return data.article(stores.read(), article_id)

    @api.get("/events", response_model=Page,
             summary="Stored events; filters as `eventwire events` (actor may repeat: all must take part)")
    def list_events(actor: Annotated[list[str] | None, Query(description="country code, CAMEO prefix or name; "
                                                                      "repeat for a dyad")] = None,
                    source: str | None = None, target: str | None = None,
                    root: str | None = Query(None, description="CAMEO root 01..20"),
                    plover: str | None = None, since: str | None = None, until: str | None = None,
                    article: str | None = None, located: bool = False,
                    quad_class: int | None = Query(None, ge=1, le=4),
                    sort: str = Query("date", description=f"one of {', '.join(data.EVENT_SORTS)}; -x descending"),
                    limit: int = Limit, offset: int = Offset):
        items, total = data.events(stores.read(), actor=actor, source=source, target=target, root=root,
                                   plover=plover, since=since, until=until, article=article, located=located,
                                   quad_class=quad_class, sort=sort, limit=limit, offset=offset)
        return page(items, total, limit, offset)

    @api.get("/actors", response_model=Page, summary="Actors across stored articles, most frequent first")
    def list_actors(q: str | None = Query(None, description="country code, CAMEO prefix or part of a name"),
                    country: str | None = None, kind: str | None = None, limit: int = Limit, offset: int = Offset):
        items, total = data.actors(stores.read(), q_=q, country=country, kind=kind, limit=limit, offset=offset)
        return page(items, total, limit, offset)

    @api.get("/quotes", response_model=Page, summary="Stored quotes; filters as `eventwire quotes`")
    def list_quotes(speaker: str | None = None, since: str | None = None, until: str | None = None,
                    article: str | None = None, limit: int = Limit, offset: int = Offset):
        items, total = data.quotes(stores.read(), speaker=speaker, since=since, until=until, article=article,
                                   limit=limit, offset=offset)
        return page(items, total, limit, offset)

    @api.get("/search", response_model=Page, summary="Full-text search over article text and quotes")
    def search(q: str = Query(..., description="words (all must occur); word* for a prefix"),
               where: str = Query("all", pattern="^(all|articles|quotes)$", alias="in"),
               limit: int = Limit, offset: int = Offset):
        items, total = data.search(stores.read(), q, where=where, limit=limit, offset=offset)
        return page(items, total, limit, offset)

    def need_relations(fn: str):
        f = getattr(rel, fn, None) if rel is not None else None
        if f is None:
            raise ApiError(501, f"relations are not available in this build (eventwire.relations.{fn} is missing)")
        return f

    @api.get("/relations/{a}/{b}", response_model=Page,
             summary="A dyad's linked events per period (events, Goldstein sum and mean, quad classes)",
             responses={501: {"model": ErrorBody, "description": "relations module not installed"}})
    def relations(a: str, b: str, by: str = Query("month", pattern="^(day|week|month)$"),
                  direction: str = Query("both", pattern="^(both|a2b|b2a)$"), since: str | None = None,
                  until: str | None = None, limit: int = Limit, offset: int = Offset):
        since = data.check_date(since, "since")
        until = data.check_date(until, "until")
        f = need_relations("dyad_series")
        rows = list(f(stores.read().conn, a.strip(), b.strip(), by=by, direction=direction, since=since,
                      until=until))
        return page(rows[offset:offset + limit], len(rows), limit, offset)

    @api.get("/shifts/{country}", response_model=Page,
             summary="A country's partners: mean Goldstein before and after a split date, warmest first",
             responses={501: {"model": ErrorBody, "description": "relations module not installed"}})
    def shifts(country: str, split: str | None = Query(None, description="YYYY-MM-DD: compare before and after"),
               since: str | None = None, until: str | None = None, limit: int = Limit, offset: int = Offset):
        split = data.check_date(split, "split")
        since = data.check_date(since, "since")
        until = data.check_date(until, "until")
        f = need_relations("shifts")
        rows = list(f(stores.read().conn, country.strip(), split=split, since=since, until=until))
        return page(rows[offset:offset + limit], len(rows), limit, offset)

    @api.get("/network", summary="Actor network: nodes and source->target edges weighted by events")
    def network(since: str | None = None, until: str | None = None, actor: str | None = None,
                max_nodes: int = Query(80, ge=1, le=500)) -> dict[str, Any]:
        return data.network(stores.read(), since=since, until=until, actor=actor, max_nodes=max_nodes)

    @api.get("/facets", summary="Values the filters can take, and counts")
    def facets() -> dict[str, Any]:
        return data.facets(stores.read())

    app.include_router(api)

    # -- the web UI --------------------------------------------------------------------------------------------

    shell = (WEB / "templates" / "page.html").read_text(encoding="utf-8")

    def ui(name: str) -> HTMLResponse:
        html = shell.replace("{{page}}", name).replace("{{title}}", UI_PAGES[name]).replace("{{version}}",
                                                                                            __version__)
        return HTMLResponse(html, headers={"Cache-Control": "no-store"})

    @app.get("/", include_in_schema=False)
    def root():
        return RedirectResponse("/ui/", status_code=307)

    @app.get("/ui/", include_in_schema=False)
    def ui_home():
        return ui("home")

    @app.get("/ui/article/{article_id}", include_in_schema=False)
    def ui_article(article_id: str):
        return ui("article")

    @app.get("/ui/{name}", include_in_schema=False)
    def ui_page(name: str):
        if name not in UI_PAGES or name in ("home", "article"):
            raise ApiError(404, f"no page /ui/{name}")
        return ui(name)

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
