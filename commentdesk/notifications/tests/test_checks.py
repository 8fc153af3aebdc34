from django.test import SimpleTestCase, override_settings

from commentdesk.notifications.checks import check_email_settings


class EmailSettingsCheckTestCase(SimpleTestCase):
    def ids(self):
        return [problem.id for problem in check_email_settings()]

    @override_settings(COMMENTDESK_URL="https://comments.example.org", EMAIL_USE_SSL=False)
    def test_a_complete_setup_passes(self):
        self.assertEqual(self.ids(), [])

    @override_settings(COMMENTDESK_URL="", EMAIL_USE_SSL=False)
    def test_links_need_the_desks_address(self):
        self.assertEqual(self.ids(), ["commentdesk.notifications.W001"])

    @override_settings(
        COMMENTDESK_URL="https://comments.example.org", EMAIL_USE_TLS=True, EMAIL_USE_SSL=True
    )
    def test_starttls_and_implicit_tls_exclude_each_other(self):
        self.assertEqual(self.ids(), ["commentdesk.notifications.E001"])
