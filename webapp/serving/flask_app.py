"""The Flask app itself and the addresses it trusts: the public base URL and trusted hosts fixed
from the settings at start-up, a friendly 400 for a foreign ``Host`` and, only when a proxy is
declared, ``X-Forwarded-*`` headers believed for that many hops."""

from __future__ import annotations

from typing import Any, NoReturn
from urllib.parse import urlsplit

from flask import Flask, Request, request
from flask.typing import ResponseReturnValue
from werkzeug.exceptions import SecurityError
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import Map, MapAdapter, RequestRedirect

from webapp.serving.public_address import default_base_url, trusted_hosts
from webapp.settings import Settings

REFUSED = "stride_anatomy.refused_host"


class Routes(Map):
    """Werkzeug's URL map without merging doubled slashes: it would redirect ``/stride//x`` to
    ``/stride/x``, repeating whatever a request put there. A doubled slash is a friendly 404."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["merge_slashes"] = False
        super().__init__(*args, **kwargs)


class StrideAnatomy(Flask):
    """Flask, whose refusal of an untrusted ``Host`` (``TRUSTED_HOSTS``) is the site's own
    error page rather than a bare failure, and whose routing repeats nothing a request sent."""

    url_map_class = Routes

    def raise_routing_exception(self, request: Request) -> NoReturn:
        """A slash redirect (``/front`` to ``/front/``) gives the path alone: Werkzeug's would
        repeat the request's query string, scheme and host in ``Location``."""
        redirect = request.routing_exception
        if isinstance(redirect, RequestRedirect):
            raise RequestRedirect(urlsplit(redirect.new_url).path)
        super().raise_routing_exception(request)

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
    """Believe ``X-Forwarded-*`` from ``PROXY_HOPS`` proxies (see :func:`behind_proxies`), and
    never when none is declared."""
    hops = app.config["PROXY_HOPS"]
    if hops:
        app.wsgi_app = behind_proxies(app.wsgi_app, hops)  # type: ignore[method-assign]


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


def behind_proxies(wsgi_app: Any, hops: int) -> ProxyFix:
    """``wsgi_app`` believing ``X-Forwarded-For/Proto/Host/Port`` from ``hops`` proxies.
    ``X-Forwarded-Prefix`` is never believed: common proxies pass a client's own value through,
    and it would change every link (and the page cache's key). Links printed for phones still
    use ``PUBLIC_BASE_URL``."""
    return ProxyFix(wsgi_app, x_for=hops, x_proto=hops, x_host=hops, x_port=hops, x_prefix=0)
