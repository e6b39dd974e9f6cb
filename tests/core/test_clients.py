"""The client address behind reverse proxies: X-Forwarded-For is read only for the number of
proxies the settings trust, from the right, so that what a client writes itself is never used."""

import pytest
from django.test import RequestFactory

from thidua.core.clients import client_address


def request(remote: str = "10.0.0.5", forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/gop-y/", **extra)


@pytest.mark.parametrize("forwarded", [None, "203.0.113.7", "1.1.1.1, 203.0.113.7"])
def test_without_trusted_proxies_the_header_is_ignored(settings, forwarded):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_address(request(forwarded=forwarded)) == "10.0.0.5"


@pytest.mark.parametrize(("count", "forwarded", "expected"), [
    # One proxy (nginx) appends the address it saw: the last entry.
    (1, "203.0.113.7", "203.0.113.7"),
    # A client forging the header only adds entries on the left, which are not read.
    (1, "8.8.8.8, 203.0.113.7", "203.0.113.7"),
    (1, "8.8.8.8,1.2.3.4 , 203.0.113.7", "203.0.113.7"),
    # Two proxies (a load balancer, then nginx): the second entry from the right.
    (2, "8.8.8.8, 203.0.113.7, 10.0.0.2", "203.0.113.7"),
    (1, "2001:db8::1", "2001:db8::1"),
    # The request bypassed a proxy (header shorter than expected), or the entry is not an
    # address: the connection's address.
    (2, "203.0.113.7", "10.0.0.5"),
    (1, "", "10.0.0.5"),
    (1, "unknown", "10.0.0.5"),
    (1, "203.0.113.7, <script>", "10.0.0.5"),
])
def test_trusted_proxies_give_the_address_they_saw(settings, count, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = count
    assert client_address(request(forwarded=forwarded)) == expected
