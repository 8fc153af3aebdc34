"""Whatever a reader types into the comment form: never a server error, always escaped.

Hypothesis generates names and comments (any Unicode, control characters, markup); each is
posted through the article page's form view, then the poster's own view of the article page
is read back: their comment is shown there whatever the moderation decided.
"""

import itertools

from hypothesis import HealthCheck, event, given, settings, strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from commentdesk.comments.models import Comment
from commentdesk.test import BaseTestCase

MARKUP = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '"><b>', "&lt;", "</textarea>",
          "<!--", "{{ x }}", "{% now 'Y' %}", "\u202e", "\x00", "\r\n", "javascript:"]
anything = st.one_of(
    st.text(max_size=120),
    st.lists(st.one_of(st.sampled_from(MARKUP), st.text(max_size=8)), max_size=8).map("".join),
)
tags = itertools.count()


class PostingPropertiesTestCase(BaseTestCase, HypothesisTestCase):
    @settings(
        max_examples=60,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    @given(name=anything, text=anything, website=st.sampled_from(["", "", "", "x"]))
    def test_any_input_is_answered_and_shown_escaped(self, name, text, website):
        # A tag of our own inside the comment, unique to this example: it must come back escaped.
        tag = f"<i-{next(tags)}>"
        response = self.post_comment(author_name=name, text=f"{text} {tag}", website=website)
        self.assertIn(response.status_code, (302, 400), response.content[:500])
        event(f"answered {response.status_code}")
        page = self.client.get(self.article.get_absolute_url()).content.decode()
        if response.status_code == 400:
            self.assertNotIn(tag, page)
            return
        comment = Comment.objects.latest("pk")
        self.assertIn(f"&lt;i-{tag[3:-1]}&gt;", page)
        self.assertNotIn(tag, page)
        self.assertNotIn("<script>alert", page)
        self.assertNotIn("<img src=x", page)
        self.assertIn(f'id="comment-{comment.pk}"', page)
