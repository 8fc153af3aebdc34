"""Webhooks go to publishers' servers on the internet, never to the desk's own network.

An admin types the URL, but the desk sends the requests: without this check a webhook could
reach services that listen only inside the desk's network (a database console, a cloud
metadata endpoint at 169.254.169.254). Operators who run receivers on their own network turn
the check off with WEBHOOK_ALLOW_PRIVATE_ADDRESSES.
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
    if private:
        return _(
            "%(host)s is a private or local address (%(address)s); webhooks go only to "
            "public servers."
        ) % {"host": host, "address": private[0]}
    return ""


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if ip.version == 6 and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast
