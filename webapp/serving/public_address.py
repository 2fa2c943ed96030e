"""Which addresses the app hands out and which it answers to.

Every absolute URL the app prints (QR codes, handouts) starts from one public base URL that is
fixed at start-up: the ``public_url`` setting when it is given, otherwise worked out from how
the server was started. Nothing here ever reads a request's ``Host`` or ``X-Forwarded-*``
headers, so a forged header cannot change what a class scans.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

ANY_ADDRESS = {"0.0.0.0", "", "::"}
LOCAL_NAMES = ["localhost", "127.0.0.1"]
# A documentation-only address (TEST-NET-1). "Connecting" a UDP socket to it sends nothing;
# it only asks the operating system which local address its default route would use.
ROUTE_PROBE = ("192.0.2.1", 9)


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
