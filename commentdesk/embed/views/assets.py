"""embed.js and count.js: the client's small source files joined into one script each.

Served from fixed addresses (publishers paste them into templates), so they cannot carry
a content hash; browsers revalidate with the ETag after a short max-age.
"""

import hashlib
import re
from functools import cache
from pathlib import Path

from django.http import HttpResponse, HttpResponseNotModified

SOURCE = Path(__file__).resolve().parent.parent / "static" / "embed"
BUNDLES = {
    "embed.js": ["src/dom.js", "src/i18n.js", "src/api.js", "src/render.js", "embed.js"],
    "count.js": ["src/api.js", "count.js"],
}
MAX_AGE = 300
# Whole-line comments are for the source's readers, not the host page's.
LINE_COMMENT = re.compile(r"^\s*//.*\n", re.MULTILINE)


@cache
def bundle(name: str) -> tuple[bytes, str]:
    """The files joined inside one function, so the script adds no global to the host page."""
    sources = "\n".join(LINE_COMMENT.sub("", (SOURCE / path).read_text()) for path in BUNDLES[name])
    content = f'(function () {{\n"use strict";\n{sources}\n}})();\n'.encode()
    return content, f'"{hashlib.sha256(content).hexdigest()[:16]}"'


def script(request, name):
    """GET /embed.js and /count.js: the scripts publishers put on their pages."""
    content, etag = bundle(name)
    if request.headers.get("If-None-Match") == etag:
        return HttpResponseNotModified(headers={"ETag": etag})
    response = HttpResponse(content, content_type="text/javascript; charset=utf-8")
    response["ETag"] = etag
    response["Cache-Control"] = f"public, max-age={MAX_AGE}"
    return response
