"""Security headers sent with every response."""

from __future__ import annotations

from flask import Flask, Response


def content_security_policy(frame_ancestors: str = "'none'") -> str:
    """The site's strict policy; ``frame_ancestors`` says which sites may frame the page."""
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            f"frame-ancestors {frame_ancestors}",
            "worker-src 'self'",
            "manifest-src 'self'",
        ]
    )


CONTENT_SECURITY_POLICY = content_security_policy()

# A strict CSP (no inline script or style, no eval) and the usual hardening headers; static
# files get them too (webapp/assets.py), as WhiteNoise answers before Flask sees the request.
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


def allow_framing(response: Response, frame_ancestors: str) -> Response:
    """Let the sites in ``frame_ancestors`` show ``response`` in a frame. Only embed pages
    call this; every other answer keeps ``frame-ancestors 'none'`` and ``X-Frame-Options``."""
    response.headers["Content-Security-Policy"] = content_security_policy(frame_ancestors)
    return response


def add_security_headers(response: Response) -> Response:
    """Add the security headers a view has not set itself. ``X-Frame-Options`` (for old
    browsers) goes only with a policy that refuses every frame, as it cannot name origins."""
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    if "frame-ancestors 'none';" not in response.headers["Content-Security-Policy"] + ";":
        del response.headers["X-Frame-Options"]
    return response


def init_security(app: Flask) -> None:
    """Attach the headers to every response of ``app``."""
    app.after_request(add_security_headers)
