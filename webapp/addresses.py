"""Which addresses the app hands out and which it answers to.

Every absolute URL the app prints (QR codes, handouts) starts from one public base URL that is
fixed at start-up: ``STRIDE_ANATOMY_PUBLIC_URL`` when it is set, otherwise worked out from how
the server was started. Nothing here ever reads a request's ``Host`` or ``X-Forwarded-*``
headers, so a forged header cannot change what a class scans.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from urllib.parse import urlsplit

ANY_ADDRESS = {"0.0.0.0", "", "::"}
LOCAL_NAMES = ["localhost", "127.0.0.1"]
# A documentation-only address (TEST-NET-1). "Connecting" a UDP socket to it sends nothing;
# it only asks the operating system which local address its default route would use.
ROUTE_PROBE = ("192.0.2.1", 9)


class SettingError(ValueError):
    """A start-up setting that cannot work; the message is one plain sentence."""


def parse_public_url(text: str) -> str:
    """Check a public base URL such as ``https://anatomy.school.example/atlas`` and return it
    without a trailing slash; raise :class:`SettingError` saying what is wrong."""
    parts = urlsplit(text.strip())
    problem = None
    if parts.scheme not in {"http", "https"}:
        problem = "it must start with http:// or https://"
    elif not parts.hostname:
        problem = "it has no host name"
    elif parts.username or parts.password:
        problem = "it must not contain a user name or password"
    elif parts.query or parts.fragment:
        problem = "it must not contain ? or #"
    else:
        try:
            parts.port  # noqa: B018 (reading it is the check)
        except ValueError:
            problem = "its port is not a number from 1 to 65535"
    if problem:
        raise SettingError(f"STRIDE_ANATOMY_PUBLIC_URL={text!r} is not usable: {problem}.")
    return f"{parts.scheme}://{parts.netloc}{parts.path}".rstrip("/")


def parse_proxy_hops(text: str) -> int:
    """How many reverse proxies sit in front of the app (``STRIDE_ANATOMY_PROXY_HOPS``)."""
    if not text.strip():
        return 0
    if not text.strip().isdigit():
        raise SettingError(
            f"STRIDE_ANATOMY_PROXY_HOPS={text!r} is not usable: it must be a whole number like 1."
        )
    return int(text)


def _usable(address: str) -> bool:
    """True for an IPv4 address that other machines could reach."""
    ip = ipaddress.ip_address(address)
    return not (ip.is_loopback or ip.is_link_local or ip.is_unspecified or ip.is_multicast)


def lan_address() -> str | None:
    """This machine's address on the local network, or None when it has none.
    Found from the routing table and the host name; no packet leaves the machine."""
    candidates = []
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(ROUTE_PROBE)
            candidates.append(probe.getsockname()[0])
    except OSError:
        pass  # no route at all: fall back to the host name's addresses
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
        candidates += [info[4][0] for info in infos]
    except OSError:
        pass
    return next((address for address in candidates if _usable(address)), None)


def default_base_url(bind_host: str, port: int) -> str:
    """The public base URL when none is configured: on every interface (``0.0.0.0``), the
    LAN address phones can open; on one named address, that address; else loopback."""
    if bind_host in ANY_ADDRESS:
        host = lan_address() or "127.0.0.1"
    elif bind_host == "localhost":
        host = "127.0.0.1"
    else:
        host = f"[{bind_host}]" if ":" in bind_host else bind_host
    return f"http://{host}:{port}"


def trusted_hosts(public_base_url: str, bind_host: str) -> list[str]:
    """Host names the app answers to: the public one, the one it was bound to, and loopback."""
    names = [urlsplit(public_base_url).hostname or "", *LOCAL_NAMES]
    if bind_host not in ANY_ADDRESS:
        names.append(bind_host)
    return list(dict.fromkeys(name for name in names if name))


def join_url(base: str, path: str) -> str:
    """``base`` (which may have a path of its own) followed by the site path ``path``."""
    return base.rstrip("/") + "/" + path.lstrip("/")


EMBED_KEYWORDS = {"*", "'self'", "'none'"}
# An origin for CSP: scheme, host (its first label may be a wildcard) and an optional port.
ORIGIN = re.compile(r"https?://(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:[0-9]{1,5})?", re.IGNORECASE)


def parse_embed_origins(text: str) -> str:
    """Which sites may show embed pages in a frame (``STRIDE_ANATOMY_EMBED_ORIGINS``): ``*``
    (any site, the default), ``'self'``, ``'none'``, or origins such as
    ``https://moodle.school.example`` or ``https://*.instructure.com``, separated by spaces.
    Returns the CSP ``frame-ancestors`` source list; raises :class:`SettingError`."""
    words = [word.removesuffix("/") for word in text.split()] or ["*"]
    problem = None
    if "'none'" in words and len(words) > 1:
        problem = "'none' cannot be combined with other origins"
    for word in words:
        if word not in EMBED_KEYWORDS and not ORIGIN.fullmatch(word):
            problem = f"{word!r} must be an origin such as https://moodle.school.example (no path), or *"
    if problem:
        raise SettingError(f"STRIDE_ANATOMY_EMBED_ORIGINS={text!r} is not usable: {problem}.")
    return " ".join(words)
