"""Hostile requests for every route in the URL map, and the rules every answer must keep.

The fuzz test (``tests/unit/test_fuzz.py``, a quick profile in every run) and the benchmark
(``python -m bench.fuzz``, at least 10,000 requests) share this module. Requests are built from
``app.url_map``, so a new route is fuzzed with no change here: each converter is filled with
a real value from the content (a muscle, a phase, a speed, a tour, a quiz number…) or with a
hostile one (markup, path traversal, CRLF, a null byte, odd encodings, overlong text), with a
query string, any method, and htmx, forwarding, conditional, range, encoding and cookie headers.

Every hostile token carries a *marker*: ``zq``, its number, ``x`` and eight random letters or
digits. A marker reads the same raw, HTML-escaped, URL-encoded or JSON-escaped, so finding it
(in any case) in an answer's headers or decoded body means the request was reflected. Real
slugs appear in answers as they should; only markers count. A foreign ``Host`` is built around
a marker too.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote_to_bytes, urlencode

import brotli
from flask import Flask
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from werkzeug.routing import BaseConverter, IntegerConverter, PathConverter, Rule
from werkzeug.test import Client, TestResponse

from webapp.pages.context import EXTENSION_KEY
from webapp.serving.flask_app import behind_proxies
from webapp.serving.requested_part import FRAGMENTS

# The quick profile runs in every test run, a dozen requests for each route: the same ones
# each time (derandomize), so a red run always means the code changed and anyone can replay
# it. The long profile is the benchmark's, over the whole map: fresh random requests each
# time, to find what the quick one never tries (it prints the seed that replays a failure).
settings.register_profile(
    "fuzz-quick",
    max_examples=12,  # per route
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "fuzz-long",
    max_examples=10_000,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

MARKER_PREFIX = "zq"
PLACEHOLDER_NUMBER = 918_273_640  # + argument index: an integer argument, before it is filled
# (path, status) pairs allowed to be 5xx: oEmbed's spec asks for 501 on a format it does not offer.
ALLOWED_5XX = {(b"/oembed", 501)}
METHODS = ("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH")
ODD_METHODS = ("TRACE", "CONNECT", "PROPFIND", "MKCOL", "BREW", "M-SEARCH", "get", "Head", "")
# Every query parameter a view reads (request.args, request.form), so real names reach real
# code with hostile values.
QUERY_NAMES = ("answers", "choice", "code", "format", "url", "maxwidth", "maxheight")
# Hostile shapes; {m} is the marker. Each is a way a request has gone wrong somewhere.
PAYLOADS = (
    "{m}",
    "<script>alert('{m}')</script>",
    "\"'><svg onload=alert(1)>{m}",
    "{m}</title><h1>{m}",
    "../../../{m}/etc/passwd",
    "..\\..\\{m}\\win.ini",
    "{m}\r\nSet-Cookie: {m}=1\r\n\r\n<h1>{m}",
    "{m}\x00.png",
    "{{{{ config }}}}{m}{{% print 7*7 %}}",
    "javascript:alert('{m}')",
    "//{m}.example/%2e%2e",
    "ünïcødé-{m}-\u202e\u200b😀\ufeff",
    "%2e%2e%2f{m}%00%ZZ",
    "{m}.png",
    "{m};jsessionid=1",
    "{m}?x=1#{m}",
    "{m}" + "x" * 3000,
    "\x1b[31m{m}\x7f\x08",
)
# Odd values that carry no marker (nothing in them may be reflected either, but they are too
# short or common to search for): empty, dots, spaces, percent signs, huge numbers.
ODDITIES = ("", ".", "..", " ", "\t", "~", "%", "%%", "0" * 200, "9" * 5000, "-0", "+1", "١٢٣", "NaN")


# The headers the fuzz sends, with values real clients send; a hostile value (with a marker)
# is drawn as often. Names are case-blind on the wire, so only the values' case varies.
HEADERS: dict[str, tuple[str, ...]] = {
    "HX-Request": ("true", "TRUE", "True", "false", "1", "", "yes"),
    "HX-Target": ("stage", "panel", "", "#stage", "body", "STAGE", "figure"),
    "HX-Trigger": ("stage", "figure", ""),
    "HX-Trigger-Name": ("choice",),
    "HX-History-Restore-Request": ("true", "false", "TRUE", ""),
    "HX-Boosted": ("true",),
    "HX-Prompt": ("yes",),
    "X-Forwarded-Proto": ("https", "http", "ftp", "https, http"),
    "X-Forwarded-Port": ("443", "80", "0", "99999", "-1"),
    "X-Forwarded-Prefix": ("/", "/anatomy", "//", "/front"),
    "If-None-Match": ("*", '"x"', 'W/"x"', '"a", "b"', '"', "", '"0123456789abcdef0123-br"'),
    "If-Modified-Since": ("Wed, 21 Oct 2015 07:28:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT", "yesterday", "0"),
    "If-Match": ("*", '"x"'),
    "If-Range": ('"x"', "Wed, 21 Oct 2015 07:28:00 GMT"),
    "Range": (
        "bytes=0-10",
        "bytes=-5",
        "bytes=10-5",
        "bytes=0-0,1-1,2-2",
        "bytes=99999999-",
        "lines=1-2",
        "bytes=",
    ),
    "Accept-Encoding": (
        "gzip",
        "br",
        "gzip, deflate, br",
        "br;q=0, gzip;q=abc",
        "*",
        "identity;q=0",
        "zstd",
        ",,;;",
    ),
    "Accept-Language": ("en", "de-CH;q=0.9, *;q=0.1", "x" * 300),
    "Accept": ("text/html", "application/json", "*/*", "image/*", "application/json+oembed"),
    "User-Agent": ("Mozilla/5.0", "facebookexternalhit/1.1", ""),
    "Cookie": ("session=1", "a=b; a=c", "=; ;"),
}
# Headers that name another site: {} becomes a foreign host (made of a marker).
FOREIGN = {
    "HX-Current-URL": "https://{}/muscles/calves",
    "X-Forwarded-For": "127.0.0.1, {}",
    "X-Forwarded-Host": "{}",
    "Referer": "https://{}/",
    "Origin": "https://{}",
}
# Not "localhost" first: normal requests use it, so a page that depends on the Host shows up.
TRUSTED_HOSTS = ("127.0.0.1", "LOCALHOST", "localhost:5000", "localhost")
# A trusted name wrapped around a foreign one ({}), as request smugglers write it.
TRICKY_HOSTS = (
    "localhost@{}",
    "{}@localhost",
    "localhost:5000/{}",
    "localhost, {}",
    "{}.localhost",
    "localhost:{}",
    "localhost\r\nX-Injected: {}",
)


def marker(draw: Callable[..., Any], markers: list[str]) -> str:
    """A fresh marker, remembered in ``markers``."""
    # Numbered, so each token of a request has its own even where Hypothesis draws alike.
    made = f"{MARKER_PREFIX}{len(markers)}x" + draw(
        st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=8, max_size=8)
    )
    markers.append(made)
    return made


def hostile_text(draw: Callable[..., Any], markers: list[str]) -> str:
    """A hostile string with a marker, most often at its start (where truncation keeps it)."""
    shape = draw(st.sampled_from(PAYLOADS))
    mark = marker(draw, markers)
    text = shape.format(m=mark)
    if draw(st.booleans()):  # any unicode at all around it
        text = draw(st.text(max_size=20)) + text + draw(st.text(max_size=20))
    return text if text.startswith(mark) or draw(st.booleans()) else mark + text


def wire_bytes(draw: Callable[..., Any], text: str) -> bytes:
    """``text`` as the bytes a server hands on after percent-decoding: UTF-8, or odd encodings
    a client may send (invalid UTF-8, overlong forms, a lone surrogate, Latin-1, double-encoded)."""
    how = draw(st.sampled_from(("utf-8", "utf-8", "invalid", "overlong", "surrogate", "latin-1", "double")))
    utf8 = text.encode("utf-8", "surrogatepass")
    if how == "invalid":
        return b"\xff\xfe" + utf8 + b"\xc3"
    if how == "overlong":
        return utf8 + b"\xc0\xae\xc0\xae\xc0\xaf"
    if how == "surrogate":
        return utf8 + "\ud800".encode("utf-8", "surrogatepass")
    if how == "latin-1":
        return text.encode("latin-1", "replace")
    if how == "double":
        return quote(utf8, safe="").encode("ascii")
    return utf8


@dataclass(frozen=True)
class RealValues:
    """What each route argument may really be, from the content the app serves."""

    by_name: dict[str, tuple[str, ...]]
    every_slug: tuple[str, ...]
    static_files: tuple[str, ...]
    page_urls: tuple[str, ...]  # public addresses of real pages, for oEmbed's url=
    query: dict[str, tuple[str, ...]]  # each of QUERY_NAMES -> values a real link carries

    @classmethod
    def of(cls, app: Flask) -> RealValues:
        """Read them from ``app``'s prepared content and static files."""
        atlas = app.extensions[EXTENSION_KEY].atlas
        muscles = tuple(m.slug for m in atlas.muscles)
        phases = tuple(p.slug for p in atlas.phases)
        speeds = tuple(s.speed.slug for s in atlas.speeds.measured)
        tours = tuple(t.slug for t in atlas.tours)
        base = app.config["PUBLIC_BASE_URL"].rstrip("/")
        asset = app.jinja_env.globals["asset"]
        static = Path(app.static_folder or "")
        plain = sorted(p.relative_to(static).as_posix() for p in static.rglob("*") if p.is_file())
        with app.test_request_context():
            hashed = [asset(name).removeprefix(f"{app.static_url_path}/") for name in plain]
        page_urls = (
            f"{base}/muscles/{muscles[0]}",
            f"{base}/stride/{phases[0]}",
            f"{base}/stride/{phases[-1]}/{muscles[-1]}",
            f"{base}/embed/{muscles[-1]}",
            base + "/",
        )
        return cls(
            by_name={
                "slug": muscles + tours,
                "muscle": muscles,
                "phase": phases,
                "speed": speeds,
                "other": speeds,
                "view": ("details", "qr"),
            },
            every_slug=muscles + phases + speeds + tours,
            static_files=tuple(plain + hashed),
            page_urls=page_urls,
            query={
                "answers": (".".join(muscles[:3]), muscles[0]),
                "choice": muscles,
                "code": ("4242", "1", "999999"),
                "format": ("json",),
                "url": page_urls,
                "maxwidth": ("300", "720"),
                "maxheight": ("200", "600"),
            },
        )

    def choices(self, name: str, converter: BaseConverter) -> tuple[str, ...]:
        """Real values for the argument ``name`` of a rule, most ordinary first."""
        if isinstance(converter, IntegerConverter):  # quiz numbers, questions, tour steps
            return ("1", "2", "3", "4", "5", "6", "7", "8", "9", "4242", "999999", "0", "-1", "1000000")
        if isinstance(converter, PathConverter):
            return self.static_files
        alternatives = converter.regex.split("|")  # a converter of named alternatives (figure states)
        if len(alternatives) > 1 and all(re.fullmatch(r"[a-z-]+", a) for a in alternatives):
            return tuple(alternatives)
        return self.by_name.get(name, self.every_slug)

    def for_argument(self, name: str, converter: BaseConverter) -> st.SearchStrategy[str]:
        """Any real value for the argument ``name``."""
        return st.sampled_from(self.choices(name, converter))


@dataclass
class HostileRequest:
    """One request as a server would hand it to the app (a WSGI environ), and its markers."""

    method: str
    path: bytes  # PATH_INFO after percent-decoding, as raw bytes
    query: bytes  # QUERY_STRING, as sent
    headers: dict[str, str]  # WSGI names: HTTP_HOST, HTTP_HX_REQUEST…
    body: bytes = b""
    content_type: str | None = None
    through_proxy: bool = False  # sent through one declared proxy, so X-Forwarded-* are believed
    markers: list[str] = field(default_factory=list)

    @property
    def path_info(self) -> str:
        """PATH_INFO as PEP 3333 says: the bytes, one character each."""
        return self.path.decode("latin-1")

    def send(self, app: Flask) -> TestResponse:
        """Send it through every WSGI layer of ``app`` (``app.wsgi_app``: static files, then the
        page cache, then Flask), behind the proxy layer that ``PROXY_HOPS=1`` adds when
        ``through_proxy``."""
        environ = {
            "REQUEST_METHOD": self.method,
            "PATH_INFO": self.path_info,
            "QUERY_STRING": self.query.decode("latin-1"),
            "REQUEST_URI": quote(self.path, safe="/")
            + ("?" if self.query else "")
            + self.query.decode("latin-1"),
            **self.headers,
        }
        client = (
            Client(behind_proxies(app.wsgi_app, 1), TestResponse) if self.through_proxy else app.test_client()
        )
        return client.open("/", data=self.body, content_type=self.content_type, environ_overrides=environ)


def segment(draw: Callable[..., Any], markers: list[str], real: st.SearchStrategy[str]) -> bytes:
    """One path segment: a real value, a real value with something hostile attached, a
    hostile one, or an oddity."""
    kind = draw(st.sampled_from(("real",) * 5 + ("attached",) * 2 + ("hostile",) * 2 + ("odd",)))
    if kind == "real":
        return draw(real).encode()
    if kind == "attached":
        glue = draw(st.sampled_from(("", "/", ".", "%2F", "/../", ";", "\x00", " ")))
        return wire_bytes(draw, draw(real) + glue + hostile_text(draw, markers))
    if kind == "odd":
        return draw(st.sampled_from(ODDITIES)).encode()
    return wire_bytes(draw, hostile_text(draw, markers))


def path_for(draw: Callable[..., Any], markers: list[str], rule: Rule, real: RealValues) -> bytes:
    """``rule``'s path with every argument filled, sometimes bent (a slash added, taken away or
    doubled, a dot segment, capitals, a hostile segment added at the end)."""
    # The rule builds its own path around placeholders, which are then swapped for raw bytes.
    converters = sorted(rule._converters.items())
    holders = {
        name: PLACEHOLDER_NUMBER + i if isinstance(converter, IntegerConverter) else f"zzarg{i}zz"
        for i, (name, converter) in enumerate(converters)
    }
    built = rule.build(holders, append_unknown=False)
    assert built is not None, rule.rule
    filled = {
        str(holders[name]): segment(draw, markers, real.for_argument(name, converter))
        for name, converter in converters
    }
    pieces = re.split("(" + "|".join(filled) + ")", built[1]) if filled else [built[1]]
    path = b"".join(filled[piece] if piece in filled else unquote_to_bytes(piece) for piece in pieces)
    bend = draw(
        st.sampled_from(("none",) * 16 + ("slash", "unslash", "double", "inner", "dot", "extra", "upper"))
    )
    if bend == "slash":
        path += b"/"
    elif bend == "unslash":
        path = path.rstrip(b"/") or b"/"
    elif bend == "double":
        path = b"/" + path
    elif bend == "inner":
        path = b"//".join(path.rsplit(b"/", 1))
    elif bend == "dot":
        path = path.replace(b"/", b"/./", 1)
    elif bend == "extra":
        path = path.rstrip(b"/") + b"/" + wire_bytes(draw, hostile_text(draw, markers))
    elif bend == "upper":
        path = path.upper()
    return path


def query_value(draw: Callable[..., Any], markers: list[str], real: RealValues, name: str) -> str:
    """A value for the query parameter ``name``: hostile, what a real link carries, one of our
    addresses with something hostile after it, another site's address, or an oddity."""
    kind = draw(st.sampled_from(("hostile", "usual", "hostile", "usual", "address", "foreign", "odd")))
    if kind == "usual":
        return draw(st.sampled_from(real.query.get(name, real.every_slug)))
    if kind == "address":
        return draw(st.sampled_from(real.page_urls)) + hostile_text(draw, markers)
    if kind == "foreign":
        return f"https://{foreign_host(draw, markers)}/muscles/{real.every_slug[0]}"
    if kind == "odd":
        return draw(st.sampled_from(ODDITIES))
    return hostile_text(draw, markers)


def query_for(draw: Callable[..., Any], markers: list[str], real: RealValues) -> bytes:
    """A query string: real or hostile names with any value, well formed or not."""
    # Each parameter a view reads, most often all of them: Hypothesis starts from its simplest
    # choices (False, the first of a list), so those are the most searching ones.
    names = [name for name in QUERY_NAMES if not draw(st.booleans())]
    names += [hostile_text(draw, markers) for _ in range(draw(st.integers(0, 2)))]
    pairs = [(name, query_value(draw, markers, real, name)) for name in draw(st.permutations(names))]
    how = draw(st.sampled_from(("urlencode", "urlencode", "raw", "broken")))
    if how == "urlencode":
        return urlencode(pairs, encoding="utf-8", errors="surrogatepass").encode("ascii")
    joined = "&".join(f"{k}={v}" for k, v in pairs)
    if how == "broken":
        joined = "&&=;" + joined + "&%zz=%&=" + draw(st.sampled_from(("", "&" * 50, "a=1&a=2")))
    # Raw: what a careless client sends, percent-encoding only what HTTP itself cannot carry.
    return quote(wire_bytes(draw, joined), safe="&=;:/?,+%@!$'()*").encode("ascii")


def headers_for(draw: Callable[..., Any], markers: list[str], real: RealValues) -> dict[str, str]:
    """Some of ``HEADERS`` and ``FOREIGN`` (a usual, hostile or foreign value each) and a
    trusted, foreign or tricky ``Host``, as WSGI names them (``HTTP_HX_REQUEST``)."""
    usual = {**HEADERS, "HX-Current-URL": real.page_urls}
    names = draw(st.lists(st.sampled_from(sorted({*usual, *FOREIGN})), max_size=8, unique=True))
    headers = {}
    for name in names:
        how = draw(st.sampled_from(("hostile", "foreign", "usual")))
        if how == "foreign" and name in FOREIGN:
            value = FOREIGN[name].format(foreign_host(draw, markers))
        elif how == "usual" and name in usual:
            value = draw(st.sampled_from(usual[name]))
        else:
            value = hostile_text(draw, markers)
        headers["HTTP_" + name.upper().replace("-", "_")] = value
    host = draw(st.sampled_from(("trusted",) * 8 + ("foreign", "tricky")))
    if host == "trusted":
        headers["HTTP_HOST"] = draw(st.sampled_from(TRUSTED_HOSTS))
    else:
        shape = draw(st.sampled_from(TRICKY_HOSTS)) if host == "tricky" else "{}"
        headers["HTTP_HOST"] = shape.format(foreign_host(draw, markers))
    return headers


def foreign_host(draw: Callable[..., Any], markers: list[str]) -> str:
    """Another site's name, made of a marker, sometimes with a port."""
    return f"{marker(draw, markers)}.example" + draw(st.sampled_from(("", "", ":80", ":443", ":5000")))


@st.composite
def hostile_requests(
    draw: Callable[..., Any], app: Flask, real: RealValues, rule: Rule | None = None
) -> HostileRequest:
    """A request for ``rule``, or for any rule of ``app``'s URL map (see the module's docstring)."""
    markers: list[str] = []
    if rule is None:
        rule = draw(st.sampled_from(sorted(app.url_map.iter_rules(), key=lambda r: (r.rule, r.endpoint))))
    # Mostly GET, which every view answers with content; then the rule's other methods, any
    # method, odd ones, and a name no server knows.
    kind = draw(
        st.sampled_from(("GET",) * 10 + ("listed",) * 4 + ("other",) * 3 + ("odd",) * 2 + ("hostile",))
    )
    if kind == "GET":
        method = "GET"
    elif kind == "listed":
        method = draw(st.sampled_from(sorted(rule.methods or {"GET"})))
    elif kind == "other":
        method = draw(st.sampled_from(METHODS))
    elif kind == "odd":
        method = draw(st.sampled_from(ODD_METHODS))
    else:
        method = "X" + marker(draw, markers).upper()
    path = path_for(draw, markers, rule, real)
    query = query_for(draw, markers, real) if draw(st.integers(0, 4)) < 4 else b""
    headers = headers_for(draw, markers, real)
    body, content_type = b"", None
    if method not in ("GET", "HEAD") and draw(st.booleans()):
        content_type = draw(
            st.sampled_from(
                (
                    "application/x-www-form-urlencoded",
                    "multipart/form-data; boundary=" + marker(draw, markers),
                    "application/json",
                    "text/plain; charset=" + marker(draw, markers),
                )
            )
        )
        body = (
            query_for(draw, markers, real)
            if draw(st.booleans())
            else wire_bytes(draw, hostile_text(draw, markers))
        )
    return HostileRequest(method, path, query, headers, body, content_type, draw(st.booleans()), markers)


def decoded_body(response: TestResponse) -> bytes:
    """The body as the client reads it: gzip and brotli undone (a range of a compressed file,
    206, cannot be undone alone, and is left as it is)."""
    body = response.get_data()
    coding = response.headers.get("Content-Encoding", "") if body and response.status_code != 206 else ""
    if coding == "gzip":
        return gzip.decompress(body)
    if coding == "br":
        return brotli.decompress(body)
    return body


def problems_with(request: HostileRequest, response: TestResponse) -> list[str]:
    """What is wrong with ``response`` to ``request``: a 5xx, or a marker from the request
    anywhere in the status, headers or (decoded) body. Empty when all is well."""
    found: list[str] = []
    status = response.status_code
    # Werkzeug's routing ignores extra leading slashes (//oembed is /oembed), and so does this.
    if status >= 500 and (b"/" + request.path.lstrip(b"/"), status) not in ALLOWED_5XX:
        found.append(f"status {status}")
    try:
        body = decoded_body(response)
    except (OSError, brotli.error) as broken:
        found.append(f"body does not decode as {response.headers.get('Content-Encoding')}: {broken}")
        body = response.get_data()
    head = (response.status + "\n" + str(response.headers)).lower().encode("utf-8", "replace")
    body = body.lower()
    for mark in request.markers:
        for where, text in (("headers", head), ("body", body)):
            at = text.find(mark.encode())
            if at >= 0:
                found.append(f"marker {mark} reflected in the {where}: …{text[max(0, at - 80) : at + 40]!r}…")
    return found


def normal_requests(app: Flask, paths: set[str]) -> list[tuple[str, dict[str, str]]]:
    """What browsers and htmx normally ask of every answer ``app``'s page cache holds for one of
    ``paths`` (the PATH_INFO of the hostile requests: a hostile request can only have left its
    answer there): each path as the part it was kept for, plain and compressed."""
    targets = {block: target for target, block in FRAGMENTS.items()}
    asked = []
    for _, path, fragment in list(app.extensions["page_cache"].store):
        if path not in paths:
            continue
        part = {"HX-Request": "true", "HX-Target": targets[fragment]} if fragment else {}
        for coding in ("", "gzip"):  # brotli is made from the same body, and costs 0.1 s a page
            asked.append((path, {**part, "Accept-Encoding": coding}))
    return asked


def cache_differences(app: Flask, fresh: Flask, paths: set[str]) -> list[str]:
    """Every normal request (see :func:`normal_requests`) whose answer from ``app``, after a
    fuzz, differs from a freshly started ``fresh`` app's: status, body or headers, byte for byte."""
    differences = []
    ours, theirs = app.test_client(), fresh.test_client()
    for path, headers in normal_requests(app, paths):
        difference = how_they_differ(ours.get(path, headers=headers), theirs.get(path, headers=headers))
        if difference:
            differences.append(f"{path} {headers}: {difference}")
    return differences


def how_they_differ(ours: TestResponse, theirs: TestResponse) -> str | None:
    """The first way ``ours`` differs from ``theirs`` (status, then body, then headers), or None."""
    if ours.status != theirs.status:
        return f"status {ours.status} against {theirs.status}"
    a, b = decoded_body(ours), decoded_body(theirs)
    if a != b:
        at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
        return f"body at byte {at}: {a[at - 60 : at + 60]!r} against {b[at - 60 : at + 60]!r}"
    extra = set(ours.headers.items()) ^ set(theirs.headers.items())
    return f"headers {sorted(extra)}" if extra else None
