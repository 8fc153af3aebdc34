from types import SimpleNamespace

import pytest


@pytest.fixture(autouse=True)
def _static_files_without_collectstatic(settings):
    # Production uses the manifest storage, which needs `collectstatic`; tests render from finders.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _moderate_inside_the_request(settings):
    # Tests see the verdict as soon as the post returns; the moderation thread has tests of its own.
    settings.MODERATION_IN_PROCESS = "inline"


@pytest.fixture(autouse=True)
def _no_flood_control(settings):
    # Tests post many comments from one client and one address; the flood-control tests in
    # commentdesk/comments/tests/test_flood.py turn the limits back on.
    settings.POST_RATE_PER_IP = ""
    settings.POST_RATE_PER_EMAIL = ""
    settings.DUPLICATE_COMMENT_WINDOW = 0


# The start of a day, so of a minute and an hour too: flood control's windows (comments/flood.py).
FLOOD_WINDOW_START = 20833 * 86400


@pytest.fixture(autouse=True)
def _flood_windows_do_not_turn_mid_test(monkeypatch):
    # Rate-limit windows are fixed, aligned on the clock: two posts of a test that straddled
    # a minute would land in two windows and pass a limit of one. Flood control reads a clock
    # pinned just after a window's start instead.
    from commentdesk.comments import flood

    monkeypatch.setattr(flood, "time", SimpleNamespace(time=lambda: FLOOD_WINDOW_START + 5.0))


@pytest.fixture(autouse=True)
def _no_moderation_thread_left_running():
    # A moderation thread left over from elsewhere (importing commentdesk.wsgi starts one) would
    # moderate behind the tests' backs and hold the SQLite test database.
    from commentdesk.moderation.engine import in_process_engine

    assert not in_process_engine.running, "a moderation thread is running before this test"
    yield
