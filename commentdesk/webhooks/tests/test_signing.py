from django.test import SimpleTestCase

from commentdesk.webhooks.signing import sign, verify

SECRET = "whsec_test"
BODY = b'{"event": "comment.created"}'


class SigningTestCase(SimpleTestCase):
    def test_a_signed_body_verifies(self):
        header = sign(SECRET, BODY, timestamp=1_700_000_000)
        self.assertRegex(header, r"^t=1700000000,v1=[0-9a-f]{64}$")
        self.assertTrue(verify(SECRET, header, BODY, now=1_700_000_010))

    def test_a_changed_body_does_not(self):
        header = sign(SECRET, BODY, timestamp=1_700_000_000)
        self.assertFalse(verify(SECRET, header, BODY + b" ", now=1_700_000_000))

    def test_another_secret_does_not(self):
        header = sign("other", BODY, timestamp=1_700_000_000)
        self.assertFalse(verify(SECRET, header, BODY, now=1_700_000_000))

    def test_a_replay_after_five_minutes_does_not(self):
        header = sign(SECRET, BODY, timestamp=1_700_000_000)
        self.assertFalse(verify(SECRET, header, BODY, now=1_700_000_301))

    def test_a_changed_timestamp_does_not(self):
        signature = sign(SECRET, BODY, timestamp=1_700_000_000).split(",")[1]
        self.assertFalse(verify(SECRET, f"t=1700000200,{signature}", BODY, now=1_700_000_200))

    def test_a_malformed_header_does_not(self):
        for header in ["", "t=abc,v1=00", "v1=00", "garbage"]:
            self.assertFalse(verify(SECRET, header, BODY))


class DocumentedExampleTestCase(SimpleTestCase):
    """The receiver's code in docs/webhooks.md accepts what we send and refuses the rest."""

    def test_it_agrees_with_the_sender(self):
        import re
        import time
        from pathlib import Path

        from django.conf import settings

        docs = (Path(settings.BASE_DIR) / "docs" / "webhooks.md").read_text()
        code = next(
            block for block in re.findall(r"```python\n(.*?)```", docs, re.DOTALL)
            if "def verify_commentdesk" in block
        )
        namespace = {}
        exec(code, namespace)
        verify_commentdesk = namespace["verify_commentdesk"]
        self.assertTrue(verify_commentdesk(SECRET, sign(SECRET, BODY), BODY))
        self.assertFalse(verify_commentdesk(SECRET, sign(SECRET, BODY), BODY + b"x"))
        old = sign(SECRET, BODY, timestamp=int(time.time()) - 301)
        self.assertFalse(verify_commentdesk(SECRET, old, BODY))
