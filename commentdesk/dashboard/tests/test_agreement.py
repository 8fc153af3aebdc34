from commentdesk.dashboard.agreement import agreement_table
from commentdesk.dashboard.tests.base import DeskTestCase
from commentdesk.moderation.actions import do_approve_comment, do_reject_comment, do_undo_decision


class AgreementTestCase(DeskTestCase):
    def setUp(self):
        super().setUp()
        self.client.force_login(self.bob)

    def held(self, guideline, lang="en"):
        comment = self.submit(f"Held for {guideline}.")
        self.judge(comment, "review", guideline, lang=lang)
        return comment

    def test_agreement_per_guideline_and_language(self):
        do_reject_comment(self.held("threat"), "threat", moderator=self.bob)  # agreed
        do_approve_comment(self.held("threat", lang="ckb"), moderator=self.bob)  # disagreed
        do_reject_comment(
            self.held("promotion", lang="ckb"), "off_topic", moderator=self.bob
        )  # other guideline
        overturned = self.submit("Approved by the machine, rejected by bob.")
        self.machine_approve(overturned, lang="fa")
        do_reject_comment(overturned, "vulgarity", moderator=self.bob)
        self.machine_approve(self.submit("Only the machine decided: not compared."))
        self.held("threat")  # pending: not compared

        by_guideline, by_lang, overall = agreement_table()
        self.assertEqual((overall.compared, overall.agreed), (4, 1))
        self.assertEqual((by_guideline["threat"].compared, by_guideline["threat"].agreed), (2, 1))
        self.assertEqual(
            (by_guideline["promotion"].compared, by_guideline["promotion"].agreed), (1, 0)
        )
        self.assertEqual(by_guideline[""].compared, 1)
        self.assertEqual(
            {lang: (t.compared, t.agreed) for lang, t in by_lang.items()},
            {"en": (1, 1), "ckb": (2, 0), "fa": (1, 0)},
        )

    def test_an_undone_decision_does_not_count(self):
        comment = self.held("threat")
        decision = do_approve_comment(comment, moderator=self.bob)
        do_undo_decision(decision, moderator=self.bob)
        self.assertEqual(agreement_table()[2].compared, 0)

    def test_the_page_shows_shares_and_counts(self):
        do_reject_comment(self.held("threat"), "threat", moderator=self.bob)
        do_approve_comment(self.held("threat"), moderator=self.bob)
        response = self.client.get("/desk/agreement/")
        self.assertContains(response, "Agreed on 1 of 2 comments")
        self.assertContains(
            response, '<th scope="row">Threats</th><td>2</td><td>1</td><td>50%</td>', html=True
        )

    def test_the_page_says_when_there_is_nothing_to_compare(self):
        self.assertContains(self.client.get("/desk/agreement/"), "No comment has both")
