"""What a page says about itself when its link is shared: the description, the canonical
address and the Open Graph and Twitter card tags, which base.html writes into every page's head.

A page states its own ``description`` (a template's top-level ``{% set description = ... %}``
or a view's context); otherwise a page about a muscle or a stride phase is described by that
muscle's summary or that phase's account of what happens. Every address is absolute and
starts from the public base URL fixed at start-up, never from the request's Host.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from urllib.parse import urlencode

from flask import Flask, request, url_for
from jinja2 import pass_context
from jinja2.runtime import Context

from webapp.figure.preview import HEIGHT, WIDTH
from webapp.pages.context import SITE_DESCRIPTION, public_url
from webapp.pages.embedding import embeddable, iframe_code, pain_iframe_code
from webapp.pages.figure_state import PLAIN
from webapp.pages.links import picture_of

DESCRIPTION_LENGTH = 200  # characters: about what search results and chat apps show


@dataclass(frozen=True)
class LinkPreview:
    """The facts a page's head states about it: a short description, its canonical address
    (None on an error page, which has no address of its own), its preview picture, and for
    a page that has an embed, the address of its oEmbed answer."""

    description: str
    canonical: str | None
    image: str
    image_alt: str
    oembed: str | None = None
    image_width: int = WIDTH
    image_height: int = HEIGHT


def describe(context: Context) -> str:
    """The page's own description, else its muscle's summary or its phase's events."""
    muscle, phase = context.get("muscle"), context.get("phase")
    text = context.get("description") or (
        muscle.summary if muscle else phase.what_happens if phase else SITE_DESCRIPTION
    )
    return textwrap.shorten(str(text), DESCRIPTION_LENGTH, placeholder="…")


def canonical_url(context: Context) -> str | None:
    """The public address of the page being rendered: the one it names (an embed names the
    page it stands for), else its own route without the query string, and with the figure
    shown the plain way (``/front/muscles/calves`` is the same page as ``/muscles/calves``)."""
    if context.get("canonical"):
        return str(context["canonical"])
    if request.url_rule is None or request.endpoint is None:
        return None
    arguments = dict(request.view_args or {})
    if "figure" in arguments:
        arguments["figure"] = PLAIN
    return public_url(url_for(request.endpoint, **arguments))


def oembed_url(canonical: str | None) -> str | None:
    """Where an oEmbed consumer asks about this page, when it is a muscle or phase page."""
    endpoint = request.endpoint or ""
    if (
        canonical is None
        or endpoint.startswith("embeds.")
        or not embeddable(endpoint, request.view_args or {})
    ):
        return None
    return public_url(url_for("embeds.oembed")) + "?" + urlencode({"url": canonical, "format": "json"})


@pass_context
def link_preview(context: Context) -> LinkPreview:
    """What base.html writes into the head of the page rendered with ``context``."""
    canonical = canonical_url(context) if context.get("status", 200) == 200 else None
    return LinkPreview(
        describe(context),
        canonical,
        *picture_of(
            context.get("muscle"),
            context.get("phase"),
            context.get("current"),
            context.get("spot"),
            context.get("problem"),
        ),
        oembed=oembed_url(canonical),
    )


def init_sharing(app: Flask) -> None:
    """Give templates ``link_preview()``, ``iframe_code(muscle)`` and ``pain_iframe_code(spot)``."""
    app.jinja_env.globals.update(
        link_preview=link_preview, iframe_code=iframe_code, pain_iframe_code=pain_iframe_code
    )
