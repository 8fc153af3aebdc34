"""Webhooks go to publishers' servers on the internet, never to the desk's own network.

An admin types the URL, but the desk sends the requests: without this check a webhook could
reach services that listen only inside the desk's network (a database console, a cloud
metadata endpoint at 169.254.169.254). Operators who run receivers on their own network turn
the check off with WEBHOOK_ALLOW_PRIVATE_ADDRESSES.

refusal() says why, before an attempt; public_connection() holds the line when the request is
sent, on the address the socket actually reached: a name can resolve to a public address for
the check and to a private one a moment later (DNS rebinding).
"""

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _


def refusal(url: str) -> str:
    """Why the desk will not send to this URL: an empty string when it may."""
    if settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES:
        return ""
    host = urlsplit(url).hostname or ""
    try:
        resolved = {info[4][0] for info in socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)}
    except (socket.gaierror, UnicodeError):
        return _("The host %(host)s could not be found.") % {"host": host}
    private = sorted(address for address in resolved if not _is_public(address))
    return _private(host, private[0]) if private else ""


class PrivateAddress(OSError):
    """The connection reached a private or local address."""


def public_connection(address, *args, **kwargs) -> socket.socket:
    """socket.create_connection, refusing a peer that is not a public server."""
    sock = socket.create_connection(address, *args, **kwargs)
    peer = sock.getpeername()[0]
    if not settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES and not _is_public(peer):
        sock.close()
        raise PrivateAddress(_private(address[0], peer))
    return sock


def _private(host: str, address: str) -> str:
    return _(
        "%(host)s is a private or local address (%(address)s); webhooks go only to "
        "public servers."
    ) % {"host": host, "address": address}


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if ip.version == 6 and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast
