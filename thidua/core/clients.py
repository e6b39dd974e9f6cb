"""The address of the client behind a request, for limits keyed by client (the public comment
rate limit). Behind reverse proxies REMOTE_ADDR is the nearest proxy; settings.TRUSTED_PROXY_COUNT
says how many proxies of ours stand in front of the server. Each proxy appends to
X-Forwarded-For the address it received the request from, so with n proxies the real client is
the n-th entry from the right; everything left of it was written by the client and may be
forged. With 0 (the default) the header is ignored."""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    entries = [entry.strip() for entry in
               request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if entry.strip()]
    if len(entries) < count:  # the request did not pass through all our proxies
        return remote
    candidate = entries[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:  # not an address: a proxy misconfigured, or a forged header
        return remote
