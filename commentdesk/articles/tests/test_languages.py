"""Which language a page speaks: the article's, else the site's, else the reader's browser."""

from django.core.cache import cache
from django.test import override_settings
from django.utils import translation

from commentdesk.articles.digits import Digits, localize_digits
from commentdesk.articles.models import AUTO_LANGUAGE
from commentdesk.moderation.actions import do_approve_comment
from commentdesk.test import BaseTestCase, make_article


class LanguageNegotiationTestCase(BaseTestCase):
    def get_article(self, **headers):
        return self.client.get(self.article.get_absolute_url(), **headers)

    def set_site(self, **fields):
        for name, value in fields.items():
            setattr(self.site, name, value)
        self.site.save()

    def test_an_arabic_site_speaks_arabic_right_to_left(self):
        self.set_site(language="ar")
        r = self.get_article(HTTP_ACCEPT_LANGUAGE="tr")
        self.assertContains(r, '<html lang="ar" dir="rtl">')
        self.assertContains(r, "أضف تعليقًا")  # Post a comment
        self.assertEqual(r["Content-Language"], "ar")

    def test_a_sorani_site_is_right_to_left_and_a_kurmanji_one_left_to_right(self):
        self.set_site(language="ckb")
        self.assertContains(self.get_article(), '<html lang="ckb" dir="rtl">')
        self.set_site(language="kmr")
        r = self.get_article()
        self.assertContains(r, '<html lang="kmr" dir="ltr">')
        self.assertContains(r, "Şîroveyekê binivîse")

    def test_an_english_site_ignores_the_readers_browser(self):
        r = self.get_article(HTTP_ACCEPT_LANGUAGE="fa")
        self.assertContains(r, '<html lang="en" dir="ltr">')

    def test_an_auto_site_follows_the_readers_browser(self):
        self.set_site(language=AUTO_LANGUAGE)
        r = self.get_article(HTTP_ACCEPT_LANGUAGE="fa,en;q=0.5")
        self.assertContains(r, '<html lang="fa" dir="rtl">')
        self.assertContains(r, "دیدگاهی بنویسید")
        r = self.get_article(HTTP_ACCEPT_LANGUAGE="tr")
        self.assertContains(r, '<html lang="tr" dir="ltr">')

    def test_an_empty_site_language_also_follows_the_browser(self):
        self.set_site(language="")
        self.assertContains(
            self.client.get("/", HTTP_ACCEPT_LANGUAGE="ar"), '<html lang="ar" dir="rtl">'
        )

    def test_the_article_language_overrides_the_site(self):
        self.set_site(language="en")
        make_article("a-sorani-story", language="ckb", headline="چیرۆکێک")
        r = self.client.get("/articles/a-sorani-story/", HTTP_ACCEPT_LANGUAGE="en")
        self.assertContains(r, '<html lang="ckb" dir="rtl">')
        self.assertContains(r, "لێدوانێک بنووسە")
        # The other stories keep the site's language.
        self.assertContains(self.get_article(), '<html lang="en" dir="ltr">')

    def test_form_errors_come_in_the_article_language(self):
        self.set_site(language="tr")
        r = self.post_comment(author_name="", text="")
        self.assertContains(r, "Lütfen adınızı girin.", status_code=400)
        self.assertContains(r, "Lütfen yorumunuzu yazın.", status_code=400)

    def test_untouched_default_guidelines_are_shown_in_the_page_language(self):
        self.set_site(language="ar")
        self.assertContains(self.get_article(), "نرحّب بالتعليقات المتصلة بالمقال")
        self.set_site(guidelines="Be kind.")
        self.assertContains(self.get_article(), "<p>Be kind.</p>")

    def test_the_workspace_follows_the_moderators_browser_not_the_site(self):
        self.set_site(language="ar")
        self.client.force_login(self.bob)
        r = self.client.get("/desk/", HTTP_ACCEPT_LANGUAGE="tr")
        self.assertContains(r, 'lang="tr"')
        self.assertContains(r, "İnceleme kuyruğu")
        r = self.client.get("/desk/", HTTP_ACCEPT_LANGUAGE="ckb")
        self.assertContains(r, 'dir="rtl"')
        self.assertContains(r, "ڕیزی پێداچوونەوە")

    def test_the_embed_api_speaks_the_article_language(self):
        cache.clear()
        self.set_site(allowed_origins="https://news.example.org")
        self.article.language = "fa"
        self.article.canonical_url = "https://news.example.org/story"
        self.article.save()
        r = self.client.get(
            "/api/v1/comments/",
            {"url": "https://news.example.org/story"},
            headers={"Origin": "https://news.example.org"},
        )
        site = r.json()["site"]
        self.assertEqual((site["language"], site["direction"]), ("fa", "rtl"))
        self.assertEqual(site["strings"]["Post comment"], "فرستادن دیدگاه")


class CommentDirectionTestCase(BaseTestCase):
    def test_an_english_comment_under_an_arabic_story_sets_its_own_direction(self):
        self.site.language = "ar"
        self.site.save()
        comment = self.submit(text="Thank you for this careful report.")
        do_approve_comment(comment, moderator=self.bob)
        r = self.client.get(self.article.get_absolute_url())
        self.assertContains(r, '<html lang="ar" dir="rtl">')
        self.assertContains(
            r, '<div class="comment-text" dir="auto"><p>Thank you for this careful report.</p></div>'
        )
        self.assertContains(r, '<span class="comment-author" dir="auto">Carol</span>')


class DigitsTestCase(BaseTestCase):
    def test_it_maps_digits_and_leaves_the_rest(self):
        self.assertEqual(localize_digits("22-11-2023", Digits.LATIN), "22-11-2023")
        self.assertEqual(localize_digits("22-11-2023", Digits.ARABIC_INDIC), "٢٢-١١-٢٠٢٣")
        self.assertEqual(localize_digits("22-11-2023", Digits.PERSIAN), "۲۲-۱۱-۲۰۲۳")
        self.assertEqual(localize_digits("22/11 14:05", Digits.PERSIAN), "۲۲/۱۱ ۱۴:۰۵")

    def test_the_article_date_keeps_the_site_format_in_the_site_digits(self):
        self.site.digits = Digits.ARABIC_INDIC
        self.site.save()
        self.assertContains(self.client.get(self.article.get_absolute_url()), ">٢٢-١١-٢٠٢٣</time>")
        self.site.digits = Digits.PERSIAN
        self.site.save()
        r = self.client.get("/")
        self.assertContains(r, ">۲۲-۱۱-۲۰۲۳</time>")
        # The machine-readable date stays in ASCII digits.
        self.assertContains(r, 'datetime="2023-11-22"')

    def test_comment_times_use_the_site_digits_on_the_page_and_in_the_embed(self):
        self.site.digits = Digits.PERSIAN
        self.site.save()
        comment = self.submit()
        do_approve_comment(comment, moderator=self.bob)
        r = self.client.get(self.article.get_absolute_url())
        shown = comment.created_at.strftime("%d-%m-%Y %H:%M")
        self.assertContains(r, localize_digits(shown, Digits.PERSIAN))

    @override_settings(LANGUAGE_CODE="en")
    def test_kurmanji_is_known_to_django(self):
        info = translation.get_language_info("kmr")
        self.assertEqual((info["name_local"], info["bidi"]), ("Kurmancî", False))


class WorkspaceLanguageFilterTestCase(BaseTestCase):
    def test_the_language_filter_names_each_language_in_itself(self):
        from commentdesk.dashboard.forms import QueueFilterForm
        from commentdesk.moderation.models import ModerationJob

        ModerationJob.objects.filter(comment=self.submit()).update(lang="ckb")
        choices = dict(QueueFilterForm().fields["lang"].choices)
        self.assertEqual(choices["ckb"], "کوردی (سۆرانی)")
