"""Security headers on every response, and the CORS allowlist for embedding sites.

The web app is the assistant's only public ingress. Every page and API response says
what the browser may load (own origin only: no inline script or style, no third-party
request), which sites may frame the chat (`WEGWEISER_EMBED_ORIGINS`), and that nothing
is sniffed or leaked through the Referer header. HSTS belongs to the TLS reverse proxy
(docs/operations.md).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

from fastapi import FastAPI, Request, Response
from fastapi.middleware.cors import CORSMiddleware


def content_security_policy(embed_origins: Sequence[str]) -> str:
    ancestors = " ".join(["'self'", *embed_origins])
    return ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
            f"form-action 'self'; frame-ancestors {ancestors}")


def security_headers(embed_origins: Sequence[str]) -> dict[str, str]:
    headers = {
        "Content-Security-Policy": content_security_policy(embed_origins),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
        "Cross-Origin-Resource-Policy": "same-site" if not embed_origins else "cross-origin",
    }
    if not embed_origins:  # older browsers that ignore frame-ancestors
        headers["X-Frame-Options"] = "SAMEORIGIN"
    return headers


def install(app: FastAPI, embed_origins: Sequence[str]) -> None:
    """Add the headers to every response and allow CORS only for the embedding sites."""
    headers = security_headers(embed_origins)

    @app.middleware("http")
    async def add_security_headers(request: Request,
                                   call_next: Callable[[Request], Awaitable[Response]]
                                   ) -> Response:
        response = await call_next(request)
        for name, value in headers.items():
            response.headers.setdefault(name, value)
        return response

    if embed_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(embed_origins),
                           allow_methods=["GET", "POST"], allow_headers=["Content-Type"],
                           allow_credentials=False, max_age=600)
