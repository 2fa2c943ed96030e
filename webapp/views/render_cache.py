"""Remember rendered pages: the content never changes while the app runs, so a page is a pure
function of its address, the host it was asked on (QR codes embed it) and whether htmx asked
for the fragment. Rendering once per state keeps each request to a lookup."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from functools import wraps
from threading import Lock
from typing import Any

from flask import Response, current_app, make_response, request

from webapp.htmx import wants_fragment

MAX_ENTRIES = 4096  # bounded, so odd addresses cannot grow memory without limit
_lock = Lock()


def rendered_once(view: Callable[..., Any]) -> Callable[..., Response]:
    """Wrap a view whose answer depends only on the URL path, host and page/fragment choice.
    Only successful answers are kept (per app); errors are rendered fresh each time."""

    @wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Response:
        cache: OrderedDict = current_app.extensions.setdefault("rendered_pages", OrderedDict())
        key = (request.path, request.host_url, wants_fragment())
        with _lock:
            hit = cache.get(key)
            if hit:
                cache.move_to_end(key)
        if hit:
            body, headers = hit
            return Response(body, status=200, headers=headers)
        response = make_response(view(*args, **kwargs))
        if response.status_code == 200 and not response.direct_passthrough:
            with _lock:
                cache[key] = (response.get_data(), list(response.headers.items()))
                if len(cache) > MAX_ENTRIES:
                    cache.popitem(last=False)
        return response

    return wrapper
