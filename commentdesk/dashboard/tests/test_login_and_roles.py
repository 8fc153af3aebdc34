from commentdesk.dashboard.tests.base import DeskTestCase
from commentdesk.test import PASSWORD

DESK_PAGES = [
    "/desk/",
    "/desk/machine/approved/",
    "/desk/machine/rejected/",
    "/desk/audit/",
    "/desk/agreement/",
]
EDITOR_PAGES = ["/desk/policy/", "/desk/policy/preview/"]


class LoginAndRolesTestCase(DeskTestCase):
    def test_a_moderator_logs_in_with_a_password(self):
        response = self.csrf_client.get("/desk/login/")
        self.assertContains(response, 'name="username"')
        token = response.cookies["csrftoken"].value
        response = self.csrf_client.post(
            "/desk/login/",
            {
                "username": "bob",
                "password": PASSWORD,
                "csrfmiddlewaretoken": token,
                "next": "/desk/",
            },
        )
        self.assertRedirects(response, "/desk/")

    def test_a_wrong_password_is_refused(self):
        response = self.client.post("/desk/login/", {"username": "bob", "password": "nope"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "correct username and password")

    def test_logout_is_a_post(self):
        self.client.force_login(self.bob)
        self.assertEqual(self.client.get("/desk/logout/").status_code, 405)
        self.assertRedirects(self.client.post("/desk/logout/"), "/desk/login/")
        self.assertRedirects(self.client.get("/desk/"), "/desk/login/?next=/desk/")

    def test_an_anonymous_visitor_is_sent_to_log_in(self):
        for path in DESK_PAGES + EDITOR_PAGES:
            with self.subTest(path=path):
                self.assertRedirects(self.client.get(path), f"/desk/login/?next={path}")

    def test_a_user_without_a_role_is_refused(self):
        self.client.force_login(self.carol)
        for path in DESK_PAGES + EDITOR_PAGES:
            with self.subTest(path=path):
                self.assertEqual(self.client.get(path).status_code, 403)

    def test_a_user_without_a_role_cannot_decide(self):
        comment = self.submit()
        self.client.force_login(self.carol)
        self.assertEqual(self.client.post(f"/desk/comments/{comment.pk}/approve/").status_code, 403)
        comment.refresh_from_db()
        self.assertTrue(comment.is_pending)

    def test_moderators_and_editors_open_the_desk(self):
        for user in (self.bob, self.alice):
            self.client.force_login(user)
            for path in DESK_PAGES:
                with self.subTest(user=user.username, path=path):
                    self.assertEqual(self.client.get(path).status_code, 200)

    def test_only_editors_open_the_policy(self):
        self.client.force_login(self.bob)
        for path in EDITOR_PAGES:
            with self.subTest(path=path):
                self.assertEqual(self.client.get(path).status_code, 403)
        self.client.force_login(self.alice)
        for path in EDITOR_PAGES:
            with self.subTest(path=path):
                self.assertEqual(self.client.get(path).status_code, 200)

    def test_a_superuser_without_a_group_may_do_everything(self):
        self.carol.is_superuser = True
        self.carol.save()
        self.client.force_login(self.carol)
        for path in DESK_PAGES + EDITOR_PAGES:
            with self.subTest(path=path):
                self.assertEqual(self.client.get(path).status_code, 200)

    def test_without_a_next_page_login_leads_to_the_queue(self):
        response = self.client.post("/desk/login/", {"username": "bob", "password": PASSWORD})
        self.assertRedirects(response, "/desk/")

    def test_only_editors_see_the_policy_link(self):
        self.client.force_login(self.bob)
        self.assertNotContains(self.client.get("/desk/"), 'href="/desk/policy/"')
        self.client.force_login(self.alice)
        self.assertContains(self.client.get("/desk/"), 'href="/desk/policy/"')
