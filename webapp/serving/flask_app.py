"""The Flask app itself and the addresses it trusts: the public base URL and trusted hosts fixed
from the settings at start-up, a friendly 400 for a foreign ``Host`` and, only when a proxy is
declared, ``X-Forwarded-*`` headers believed for that many hops."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Flask, Request, request
from flask.typing import ResponseReturnValue
from werkzeug.exceptions import SecurityError
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import MapAdapter

from webapp.serving.public_address import default_base_url, trusted_hosts
from webapp.settings import Settings

REFUSED = "stride_anatomy.refused_host"


class StrideAnatomy(Flask):
    """Flask, whose refusal of an untrusted ``Host`` (``TRUSTED_HOSTS``) is the site's own
    error page rather than a bare failure."""

    def create_url_adapter(self, request: Request | None) -> MapAdapter | None:
        """Flask leaves a refused request without a URL adapter, and then even the error page
        cannot build its links. Build them as if the public address had been asked, and keep
        the refusal for :meth:`preprocess_request`."""
        try:
            return super().create_url_adapter(request)
        except SecurityError as refused:
            if request is None:
                raise
            request.environ[REFUSED] = refused
            request.environ["HTTP_HOST"] = urlsplit(self.config["PUBLIC_BASE_URL"]).netloc
            return super().create_url_adapter(request)

    def preprocess_request(self) -> ResponseReturnValue | None:
        """Answer a refused host with 400 before any view (or page cache) runs."""
        refused = request.environ.get(REFUSED)
        if refused is not None:
            raise refused
        return super().preprocess_request()


def trust_proxies(app: Flask) -> None:
    """Believe ``X-Forwarded-For/Proto/Host/Port`` from ``PROXY_HOPS`` proxies, and never when
    none is declared. ``X-Forwarded-Prefix`` is never believed: common proxies pass a client's
    own value through, and it would change every link (and the page cache's key). Links
    printed for phones still use ``PUBLIC_BASE_URL``."""
    hops = app.config["PROXY_HOPS"]
    if hops:
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops, x_port=hops, x_prefix=0
        )


def configure_addresses(app: Flask, settings: Settings) -> None:
    """Fix, once, what follows from the settings: ``PUBLIC_BASE_URL`` (the setting, or worked
    out from how the server was started), the ``TRUSTED_HOSTS`` that follow from it, the
    ``EMBED_ORIGINS`` allowed to frame embeds and the ``PROXY_HOPS`` to believe."""
    base = settings.public_url or default_base_url(settings.host, settings.port)
    app.config.update(
        PUBLIC_BASE_URL=base,
        TRUSTED_HOSTS=trusted_hosts(base, settings.host),
        EMBED_ORIGINS=settings.embed_origins,
        PROXY_HOPS=settings.proxy_hops,
    )
