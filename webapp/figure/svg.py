"""A drawn picture as svgwrite elements until the page writes it out: drawings nest in other
drawings (an overlay, a preview card) as elements, never as spliced text."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from functools import cached_property
from html import escape

import svgwrite
from svgwrite.base import BaseElement
from svgwrite.container import SVG


class Figure:
    """An SVG drawing ready for a page: Jinja writes it as markup (``{{ figure | safe }}``),
    and another drawing can take it in with :meth:`nested`.

    A figure with a ``key`` (number, name) has numbers on it for narrow screens; the page gets
    the key as a numbered list after the drawing (hidden from screen readers, which hear each
    muscle's own name; shown by the stylesheet only where the numbers are). Its ``orientation``
    (whose left is whose) closes the key, for the presenter, where the leg tags at projector
    size would run into each other under a narrow view."""

    def __init__(
        self, drawing: svgwrite.Drawing, key: Sequence[tuple[int, str]] = (), orientation: str = ""
    ) -> None:
        self.drawing = drawing
        self.key = tuple(key)
        self.orientation = orientation

    @cached_property
    def markup(self) -> str:
        """The SVG markup, written once."""
        return self.drawing.tostring()

    def __str__(self) -> str:
        return self.markup

    def __html__(self) -> str:
        if not self.key:
            return self.markup
        # The figure package knows no web framework, so the key is escaped with the standard
        # library; Jinja takes this method's answer as markup.
        items = "".join(f'<li value="{number}">{escape(name)}</li>' for number, name in self.key)
        note = (
            f'<p class="figure-key__orientation">{escape(self.orientation)}</p>' if self.orientation else ""
        )
        return f'{self.markup}<ol class="figure-key" aria-hidden="true">{items}</ol>{note}'

    @property
    def view_box(self) -> tuple[float, float, float, float]:
        """The drawing's view box: x, y, width, height."""
        x, y, width, height = (float(v) for v in str(self.drawing["viewBox"]).split())
        return (x, y, width, height)

    def nested(self, css: str, box: tuple[float, float, float, float] | None = None) -> SVG:
        """The drawing as an ``<svg>`` element inside another, with class ``css``, filling
        ``box`` (x, y, width, height in the outer drawing's units; by default its own view
        box, so two figures drawn alike keep one scale)."""
        x, y, width, height = box or self.view_box
        inner = SVG(insert=(x, y), size=(width, height), class_=css, debug=False)
        for name, value in self.drawing.attribs.items():
            if name not in {
                "class",
                "xmlns",
                "xmlns:ev",
                "xmlns:xlink",
                "baseProfile",
                "version",
                "width",
                "height",
            }:
                inner[name] = value
        inner.elements = list(self.drawing.elements)
        return inner


class Parsed(BaseElement):
    """Ready-made SVG markup taken in as an element (parsed, so it is well-formed): the
    pattern definitions the page's template shares with pictures drawn here."""

    elementname = "g"

    def __init__(self, markup: str) -> None:
        super().__init__(debug=False)
        self.root = ET.fromstring(markup)

    def get_xml(self) -> ET.Element:
        """The parsed element itself."""
        return self.root
