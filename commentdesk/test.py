"""A shared test base: one site, one open article, and named actors.

alice is the editor, bob the moderator, carol a reader (readers have no account).
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client, TestCase
from django.utils import timezone

from commentdesk.articles.models import Article, Site
from commentdesk.comments.actions import do_submit_comment
from commentdesk.comments.models import Comment
from commentdesk.moderation.roles import EDITORS, MODERATORS, ensure_roles

PASSWORD = "correct horse battery staple"


def make_article(slug="strikes-near-the-airbase", *, site=None, **fields):
    defaults = {
        "headline": "Strikes near the airbase",
        "published_on": datetime.date(2023, 11, 22),
        "author_name": "Dilan Aziz",
        "author_handle": "@DilanAzizNews",
        "author_url": "https://example.org/@DilanAzizNews",
        "dateline": "ERBIL, Kurdistan Region",
        "body": "First paragraph of the story.\n\nSecond paragraph of the story.",
    }
    site = site or Site.objects.get_current()
    return Article.objects.create(site=site, slug=slug, **{**defaults, **fields})


def publish_comments(article, count, *, text="Comment", parent=None, start=None):
    """count approved comments "<text> 0".., a minute apart from start, in one query: long
    threads as test data (the decisions that publish them one by one are tested elsewhere)."""
    start = start or timezone.now() - datetime.timedelta(days=1)
    return Comment.objects.bulk_create(
        Comment(
            article=article,
            author_name="Reader",
            author_email="reader@example.org",
            text=f"{text} {n}",
            parent=parent,
            status=Comment.Status.APPROVED,
            created_at=start + datetime.timedelta(minutes=n),
        )
        for n in range(count)
    )


class BaseTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        ensure_roles()
        User = get_user_model()
        cls.alice = User.objects.create_user("alice", password=PASSWORD, is_staff=True)
        cls.alice.groups.add(Group.objects.get(name=EDITORS))
        cls.bob = User.objects.create_user("bob", password=PASSWORD, is_staff=True)
        cls.bob.groups.add(Group.objects.get(name=MODERATORS))
        cls.site = Site.objects.get_current()
        cls.article = make_article()

    def setUp(self):
        self.csrf_client = Client(enforce_csrf_checks=True)

    def submit(self, text="A thoughtful comment.", name="Carol", email="carol@example.org"):
        return do_submit_comment(self.article, author_name=name, author_email=email, text=text)

    def post_comment(self, client=None, **fields):
        data = {"author_name": "Carol", "author_email": "carol@example.org", "text": "Hello."}
        data.update(fields)
        return (client or self.client).post(f"/articles/{self.article.slug}/comments/", data)
