import struct

import pytest

from commentdesk.comments.actions import do_submit_comment
from commentdesk.moderation.actions import do_approve_comment
from e2e.screenshots import capture

pytestmark = pytest.mark.browser

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the IHDR chunk, which the PNG format requires to come first."""
    assert data[:8] == PNG_SIGNATURE and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_capture_writes_every_screenshot(
    browser, live_server, tmp_path, article, moderator, moderator_password
):
    comment = do_submit_comment(
        article, author_name="Sara", author_email="sara@example.org", text="Careful reporting."
    )
    do_approve_comment(comment, moderator=moderator)

    paths = capture(
        browser, live_server.url, article.slug, moderator.get_username(), moderator_password, tmp_path
    )

    assert [p.name for p in paths] == ["article-page.png", "moderation-queue.png", "workspace-queue.png"]
    for path in paths:
        width, height = png_size(path.read_bytes())
        assert width >= 800 and height >= 600, (path.name, width, height)
