from commentdesk.test import BaseTestCase


class HomeTestCase(BaseTestCase):
    def test_it_lists_articles_with_links(self):
        r = self.client.get("/")
        self.assertContains(r, 'href="/articles/strikes-near-the-airbase/"')
        self.assertContains(r, "Strikes near the airbase")
        self.assertContains(r, "22-11-2023")
