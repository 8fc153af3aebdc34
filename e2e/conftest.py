import os

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import expect, sync_playwright

from commentdesk.articles.models import Site
from commentdesk.moderation.models import Policy
from commentdesk.moderation.roles import MODERATORS, ensure_roles
from commentdesk.test import make_article
from e2e.browser import launch_chromium, new_context
from e2e.desk import log_in_to_admin

# Playwright's sync API runs an asyncio event loop in the test thread, and Django refuses
# ORM calls from a thread with a running loop unless told it is safe (it is: one thread).
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

MODERATOR_PASSWORD = "a moderator's long e2e passphrase"
# Without a broker, posting runs the moderation pipeline inside the request, and the first
# comment loads the classifier's models: seconds on a busy machine, more than Playwright's 5.
TIMEOUT_MS = 15_000
expect.set_options(timeout=TIMEOUT_MS)


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # The default hasher is slow on purpose; every moderator login would pay for it.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def open_page(browser, live_server):
    """Opens a page for a new visitor: each call is a separate browser context."""
    contexts, refused = [], []

    def open_page():
        context = new_context(browser, live_server.url)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        # Chromium logs each Content-Security-Policy violation to the console: there must be none.
        page.on("console", lambda message: _note_refusal(message.text, refused))
        return page

    yield open_page
    for context in contexts:
        context.close()
    assert not refused, refused


def _note_refusal(text, refused):
    if "Content Security Policy" in text or text.startswith("Refused to"):
        refused.append(text)


@pytest.fixture
def site(transactional_db):
    # The flush between transactional tests deletes the site that a migration created.
    site, _ = Site.objects.get_or_create(name="commentdesk")
    # These tests follow a comment through a human moderator, so the machine must not decide
    # it first, whatever the classifier makes of the test's text.
    Policy.objects.update_or_create(site=site, defaults={"mode": Policy.Mode.HUMAN_ONLY})
    return site


STORY = "Two depots were struck before dawn.\n\nNobody was killed, officials said."


@pytest.fixture
def article(site):
    return make_article("drone-strikes-near-makhmour", site=site, headline="Drone strikes near Makhmour", body=STORY)


@pytest.fixture
def other_article(site):
    return make_article("bazaar-reopens", site=site, headline="Erbil reopens its old bazaar", body=STORY)


@pytest.fixture
def moderator(transactional_db):
    # The flush also takes the role groups; ensure_roles recreates them if they are gone.
    ensure_roles()
    user = get_user_model().objects.create_user(
        "moderator", password=MODERATOR_PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name=MODERATORS))
    return user


@pytest.fixture
def moderator_password():
    return MODERATOR_PASSWORD


@pytest.fixture
def moderator_page(open_page, moderator, moderator_password):
    page = open_page()
    log_in_to_admin(page, moderator.get_username(), moderator_password)
    return page
