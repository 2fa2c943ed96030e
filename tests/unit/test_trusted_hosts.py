"""Hosts we trust: every printed or scanned address starts from the public base URL fixed at
start-up, a foreign Host gets the site's friendly 400, and X-Forwarded-* headers count only
when a proxy has been declared."""

from __future__ import annotations

import ipaddress
import re
import socket

import pytest

from webapp import create_app
from webapp.serving import public_address
from webapp.serving.public_address import default_base_url, trusted_hosts
from webapp.settings import SettingError

PUBLIC = "https://anatomy.school.example/atlas"
FORGED = {"X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https", "X-Forwarded-Prefix": "/x"}


def printed_addresses(html: str) -> list[str]:
    """The addresses a page hands to people: the handout line and the presenter's QR label."""
    handout = re.findall(r"Open this page: <strong>([^<]*)</strong>", html)
    presenter = re.findall(r'<p class="presenter__url">([^<]*)</p>', html)
    return handout + presenter


@pytest.fixture(scope="module")
def public_client():
    return create_app(testing=True, public_url=PUBLIC).test_client()


@pytest.fixture(scope="module")
def proxied_client():
    return create_app(testing=True, public_url=PUBLIC, proxy_hops=1).test_client()


# A forged Host or X-Forwarded-* header never reaches what people scan ---------------------


@pytest.mark.parametrize("url", ["/muscles/calves", "/present/calves/qr", "/worksheet"])
def test_a_foreign_host_is_refused_with_the_sites_friendly_400(public_client, url):
    response = public_client.get(url, headers={"Host": "evil.example"})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Bad request" in html and 'class="site-header"' in html  # the site's own error page
    assert "evil.example" not in html and "Traceback" not in html


def test_a_foreign_host_asked_by_htmx_gets_the_400_fragment(public_client):
    response = public_client.get("/muscles/calves", headers={"Host": "evil.example", "HX-Request": "true"})
    assert response.status_code == 400 and "evil.example" not in response.get_data(as_text=True)


@pytest.mark.parametrize("url", ["/muscles/calves", "/present/calves/qr"])
def test_forwarded_headers_without_a_declared_proxy_change_nothing(public_client, url):
    html = public_client.get(url, headers=FORGED).get_data(as_text=True)
    assert printed_addresses(html) == [f"{PUBLIC}/muscles/calves"]
    assert "evil.example" not in html


@pytest.mark.parametrize("host", ["localhost", "localhost:8080", "127.0.0.1:1", "anatomy.school.example"])
def test_every_host_the_app_answers_to_prints_the_same_public_address(public_client, host):
    html = public_client.get("/muscles/calves", headers={"Host": host}).get_data(as_text=True)
    assert printed_addresses(html) == [f"{PUBLIC}/muscles/calves"]


def test_the_worksheet_prints_the_public_address(public_client):
    html = public_client.get("/worksheet", headers={"Host": "127.0.0.1:9999"}).get_data(as_text=True)
    assert f"{PUBLIC}/worksheet" in html and "9999" not in html


def test_behind_a_declared_proxy_a_forwarded_foreign_host_is_refused(proxied_client):
    response = proxied_client.get("/present/calves/qr", headers=FORGED)
    assert response.status_code == 400 and "evil.example" not in response.get_data(as_text=True)


def test_behind_a_declared_proxy_the_qr_code_still_holds_the_configured_address(proxied_client):
    headers = {
        "X-Forwarded-Host": "anatomy.school.example",
        "X-Forwarded-Proto": "http",
        "X-Forwarded-Port": "81",
    }
    html = proxied_client.get("/present/calves/qr", headers=headers).get_data(as_text=True)
    assert printed_addresses(html) == [f"{PUBLIC}/muscles/calves"]


def test_behind_a_declared_proxy_a_forwarded_scheme_never_reaches_a_redirect(proxied_client):
    # Found by the fuzz (tests/unit/test_fuzz.py): the slash redirect said zqscheme://localhost/front/.
    response = proxied_client.get("/front", headers={"X-Forwarded-Proto": "zqscheme"})
    assert response.status_code == 308 and response.headers["Location"] == "/front/"
    assert "zq" not in response.get_data(as_text=True)


def test_proxy_hops_and_the_public_address_are_read_from_the_environment(monkeypatch):
    monkeypatch.setenv("STRIDE_ANATOMY_PROXY_HOPS", "2")
    monkeypatch.setenv("STRIDE_ANATOMY_PUBLIC_URL", PUBLIC + "/")
    app = create_app(testing=True)
    assert (app.config["PROXY_HOPS"], app.config["PUBLIC_BASE_URL"]) == (2, PUBLIC)


def test_a_proxy_without_a_public_address_stops_start_up(monkeypatch):
    monkeypatch.setenv("STRIDE_ANATOMY_PROXY_HOPS", "1")
    monkeypatch.delenv("STRIDE_ANATOMY_PUBLIC_URL", raising=False)
    with pytest.raises(SettingError, match="STRIDE_ANATOMY_PUBLIC_URL"):
        create_app(testing=True)


def test_trusted_hosts_are_the_public_host_the_bound_host_and_loopback():
    assert trusted_hosts("http://192.168.1.20:5000", "0.0.0.0") == ["192.168.1.20", "localhost", "127.0.0.1"]
    assert trusted_hosts(PUBLIC, "10.0.0.7") == [
        "anatomy.school.example",
        "localhost",
        "127.0.0.1",
        "10.0.0.7",
    ]


# The classroom default: --host 0.0.0.0 hands phones this machine's LAN address --------------


def test_on_every_interface_the_base_is_the_lan_address(monkeypatch):
    monkeypatch.setattr(public_address, "lan_address", lambda: "192.168.1.20")
    assert default_base_url("0.0.0.0", 5000) == "http://192.168.1.20:5000"


def test_with_no_network_the_base_falls_back_to_this_computer(monkeypatch):
    monkeypatch.setattr(public_address, "lan_address", lambda: None)
    assert default_base_url("0.0.0.0", 5000) == "http://127.0.0.1:5000"


@pytest.mark.parametrize(
    ("bind_host", "base"),
    [
        ("127.0.0.1", "http://127.0.0.1:8000"),
        ("localhost", "http://127.0.0.1:8000"),
        ("10.0.0.7", "http://10.0.0.7:8000"),
    ],
)
def test_a_named_bind_address_is_the_base(bind_host, base):
    assert default_base_url(bind_host, 8000) == base


def test_the_lan_address_comes_from_the_route_table_before_the_host_name(monkeypatch):
    class Probe:
        def __init__(self, *args):
            pass

        def __enter__(self):
            return self

        def __exit__(self, *args):
            return False

        def connect(self, address):
            assert ipaddress.ip_address(address[0]) in ipaddress.ip_network(
                "192.0.2.0/24"
            )  # never a real host

        def getsockname(self):
            return ("10.1.2.3", 40000)

    monkeypatch.setattr(socket, "socket", Probe)
    monkeypatch.setattr(socket, "getaddrinfo", lambda *args: [(2, 2, 17, "", ("172.16.0.9", 0))])
    assert public_address.lan_address() == "10.1.2.3"


def test_without_a_route_a_loopback_host_name_means_no_lan_address(monkeypatch):
    def no_route(*args):
        raise OSError("Network is unreachable")

    monkeypatch.setattr(socket.socket, "connect", no_route)
    monkeypatch.setattr(socket, "getaddrinfo", lambda *args: [(2, 2, 17, "", ("127.0.1.1", 0))])
    assert public_address.lan_address() is None


def test_this_machines_lan_address_when_it_has_one_is_not_loopback():
    found = public_address.lan_address()
    if found is None:
        pytest.skip("this machine has no network address other than loopback")
    assert not ipaddress.ip_address(found).is_loopback
    app = create_app(testing=True, host="0.0.0.0", port=5000)
    assert app.config["PUBLIC_BASE_URL"] == f"http://{found}:5000"
    assert found in app.config["TRUSTED_HOSTS"]


def test_behind_a_declared_proxy_a_forwarded_prefix_changes_no_link_and_no_cached_page(proxied_client):
    headers = {"Host": "anatomy.school.example", "X-Forwarded-Host": "anatomy.school.example"}
    forged = proxied_client.get(
        "/muscles/calves", headers={**headers, "X-Forwarded-Prefix": "//evil.example"}
    )
    assert "evil.example" not in forged.get_data(as_text=True)
    proxied_client.get("/muscles/calves", headers={**headers, "X-Forwarded-Prefix": "/front"})
    front = proxied_client.get("/front/muscles/calves", headers=headers).get_data(as_text=True)
    assert "figure--front" in front and "/front/front/" not in front
