from unittest import mock

from django.db import OperationalError
from django.test import override_settings

from commentdesk.test import BaseTestCase

CLOSED_REDIS = "redis://127.0.0.1:1/0"
BROKEN_CACHE = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CLOSED_REDIS}}


class HealthzTestCase(BaseTestCase):
    def test_it_works(self):
        response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 200)
        body = response.json()
        self.assertEqual(body["status"], "ok")
        self.assertEqual(body["database"], {"status": "ok"})
        self.assertEqual(body["cache"], {"status": "ok"})

    def test_it_needs_no_login_and_is_never_cached(self):
        response = self.client.get("/healthz")
        self.assertIn("no-cache", response["Cache-Control"])
        self.assertIn("no-store", response["Cache-Control"])

    @override_settings(CELERY_BROKER_URL="")
    def test_it_skips_the_broker_without_one(self):
        body = self.client.get("/healthz").json()
        self.assertEqual(body["broker"]["status"], "off")

    @override_settings(CACHES=BROKEN_CACHE)
    def test_it_reports_a_cache_that_does_not_answer(self):
        with self.assertLogs("commentdesk.ops.health", "WARNING"):
            response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 503)
        body = response.json()
        self.assertEqual(body["status"], "error")
        self.assertEqual(body["cache"]["status"], "error")
        self.assertEqual(body["cache"]["reason"], "ConnectionError")
        self.assertEqual(body["database"], {"status": "ok"})

    def test_it_reports_a_database_that_does_not_answer(self):
        # Stopping the real database is the fault tests' job; here the driver fails as when
        # the server is gone.
        refused = OperationalError("connection to server at 127.0.0.1 port 5432 failed")
        with mock.patch("commentdesk.ops.health.connection.cursor", side_effect=refused):
            with self.assertLogs("commentdesk.ops.health", "WARNING"):
                response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 503)
        body = response.json()
        self.assertEqual(body["database"], {"status": "error", "reason": "OperationalError"})
        self.assertNotIn("5432", response.content.decode())

    @override_settings(CELERY_BROKER_URL=CLOSED_REDIS)
    def test_it_reports_a_broker_that_does_not_answer(self):
        with self.assertLogs("commentdesk.ops.health", "WARNING"):
            response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response.json()["broker"]["status"], "error")

    @override_settings(CELERY_BROKER_URL="amqp://guest:guest@127.0.0.1:1//")
    def test_it_reports_a_rabbitmq_broker_that_does_not_answer(self):
        with self.assertLogs("commentdesk.ops.health", "WARNING"):
            response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response.json()["broker"]["status"], "error")

    def test_it_only_allows_get(self):
        self.assertEqual(self.client.post("/healthz").status_code, 405)
