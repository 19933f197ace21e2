"""Request limits: a cap on body size (pure ASGI middleware) and a per-client token bucket for ``/extract``."""

from __future__ import annotations

import json
import math
import threading
import time

from .errors import error_body


class BodyLimit:
    """Answer 413 when a request body is larger than ``max_bytes`` (by Content-Length, or while it streams in)."""

    def __init__(self, app, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.max_bytes
        for name, value in scope.get("headers") or ():
            if name == b"content-length":
                try:
                    n = int(value)
                except ValueError:
                    await _reply(send, 400, "bad Content-Length header")
                    return
                if n > limit:
                    await _reply(send, 413, f"the body has {n:,} bytes, over the limit of {limit:,}")
                    return
        if not any(name == b"content-length" for name, _ in scope.get("headers") or ()) \
                and scope.get("method") in ("POST", "PUT", "PATCH"):
            # A streamed body (no Content-Length): read it here, up to the limit, then hand it on whole.
            chunks: list[bytes] = []
            seen = 0
            while True:
                msg = await receive()
                if msg["type"] != "http.request":
                    return  # the client went away
                chunk = msg.get("body", b"")
                seen += len(chunk)
                if seen > limit:
                    await _reply(send, 413, f"the body is over the limit of {limit:,} bytes")
                    return
                chunks.append(chunk)
                if not msg.get("more_body"):
                    break
            body = b"".join(chunks)
            sent = False

            async def replay():
                nonlocal sent
                if not sent:
                    sent = True
                    return {"type": "http.request", "body": body, "more_body": False}
                return await receive()

            await self.app(scope, replay, send)
            return
        await self.app(scope, receive, send)


async def _reply(send, status: int, message: str) -> None:
    body = json.dumps(error_body(status, message)).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


class RateLimiter:
    """A token bucket per client key: ``per_minute`` requests a minute on average, bursts up to ``burst``."""

    def __init__(self, per_minute: float, burst: int | None = None, clock=time.monotonic, max_clients: int = 10_000):
        if per_minute <= 0:
            raise ValueError("per_minute must be positive")
        self.rate = per_minute / 60.0
        self.burst = float(burst if burst is not None else max(1, math.ceil(per_minute / 6)))
        self.clock = clock
        self.max_clients = max_clients
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def check(self, key: str) -> float:
        """0 when the request may go ahead (and is counted); else the seconds to wait before the next one."""
        now = self.clock()
        with self._lock:
            tokens, last = self._buckets.get(key, (self.burst, now))
            tokens = min(self.burst, tokens + (now - last) * self.rate)
            if tokens >= 1.0:
                self._buckets[key] = (tokens - 1.0, now)
                wait = 0.0
            else:
                self._buckets[key] = (tokens, now)
                wait = (1.0 - tokens) / self.rate
            if len(self._buckets) > self.max_clients:  # forget the fullest buckets (clients long gone)
                for k in [k for k, (t, _) in self._buckets.items() if t >= self.burst - 1e-9][: self.max_clients // 2]:
                    del self._buckets[k]
        return wait
