"""``eventwire serve``: the HTTP API and the web UI from one process, fully offline."""

from __future__ import annotations

import argparse
import ipaddress
import os
import sys

from ..errors import EventwireError
from ..store import default_path
from ._db import add_db_arg, positive_int


def add_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser(
        "serve", help="serve the HTTP API and the web UI over a store",
        description="Serve the JSON API (schema at /openapi.json) and the web UI (/ui/) over a store. Everything "
                    "the pages load comes from this process (no CDN, no tile server). Bound to anything but "
                    "loopback, POST /articles needs 'Authorization: Bearer $EVENTWIRE_TOKEN' and /extract is "
                    "rate-limited per client.")
    add_db_arg(p)
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000; 0 picks a free one)")
    p.add_argument("--extract-rate", type=float, default=None, metavar="N",
                   help="POST /extract requests a minute per client (default: 30 when not on loopback, else no "
                        "limit; 0 = no limit)")
    p.add_argument("--max-body", type=positive_int, default=2_000_000, metavar="BYTES",
                   help="largest request body accepted (default 2,000,000 bytes)")
    p.add_argument("--preload", action="store_true", help="load the language model before serving")
    return p


def is_loopback(host: str) -> bool:
    if host in ("localhost", ""):
        return host == "localhost"
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def make_app(args: argparse.Namespace, pipeline=None):
    """The app ``serve`` runs: off loopback, ``POST /articles`` needs the token and ``/extract`` is rate-limited."""
    from ..api import create_app

    loopback = is_loopback(args.host)
    rate = args.extract_rate if args.extract_rate is not None else (None if loopback else 30.0)
    token = os.environ.get("EVENTWIRE_TOKEN") or None
    if not loopback and not token:
        print("eventwire: warning: serving beyond this machine without EVENTWIRE_TOKEN: POST /articles is refused",
              file=sys.stderr)
    return create_app(default_path(args.db), pipeline=pipeline, require_token=not loopback, token=token,
                      extract_per_minute=rate or None, max_body_bytes=args.max_body)


def run(args: argparse.Namespace) -> int:
    try:
        import uvicorn
    except ImportError:
        raise EventwireError("eventwire serve needs uvicorn and fastapi (pip install eventwire)") from None

    if not 0 <= args.port <= 65535:
        raise EventwireError(f"bad --port {args.port}: 0..65535")
    app = make_app(args)
    if args.preload:
        app.state.get_pipeline()
    config = uvicorn.Config(app, host=args.host, port=args.port, log_level="warning", access_log=False,
                            timeout_graceful_shutdown=5)
    server = uvicorn.Server(config)

    original = server.startup

    async def startup(sockets=None):
        await original(sockets=sockets)
        for s in server.servers:
            for sock in s.sockets:
                h, port = sock.getsockname()[:2]
                shown = f"[{h}]" if ":" in h else h
                print(f"eventwire: serving {default_path(args.db)} at http://{shown}:{port}/ (Ctrl-C stops)",
                      file=sys.stderr, flush=True)
    server.startup = startup  # type: ignore[method-assign]
    try:
        server.run()
    except KeyboardInterrupt:  # Ctrl-C is how a server is meant to stop: uvicorn has shut down cleanly by now
        pass
    print("eventwire: server stopped", file=sys.stderr)
    return 0
