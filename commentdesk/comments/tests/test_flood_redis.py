"""The rate-limit counter on a real Redis, as in production (.ci/run starts Redis when it is down).

Uses its own database index (REDIS_TEST_URL, default redis://127.0.0.1:6379/5) and flushes
only that one.
"""

import os

import pytest
import redis
from django.core.cache import cache
from django.test import override_settings

from commentdesk.comments import flood

REDIS_TEST_URL = os.getenv("REDIS_TEST_URL", "redis://127.0.0.1:6379/5")


@pytest.fixture
def redis_cache():
    client = redis.Redis.from_url(REDIS_TEST_URL, socket_connect_timeout=1)
    client.ping()  # fails the test, with Redis's own error, when no Redis answers
    client.flushdb()
    backend = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_TEST_URL}
    with override_settings(CACHES={"default": backend}):
        yield cache
    client.flushdb()
    client.close()


def test_the_counter_limits_and_resets_with_its_window(redis_cache):
    rate = flood.Rate(2, 60)
    waits = [flood.hit("post-ip", "203.0.113.5", rate, now=6000.0 + n) for n in range(3)]
    assert waits == [0, 0, 58]
    assert flood.hit("post-ip", "203.0.113.6", rate, now=6003.0) == 0
    assert flood.hit("post-ip", "203.0.113.5", rate, now=6060.0) == 0


def test_the_keys_expire_and_hold_no_address(redis_cache):
    flood.hit("post-ip", "203.0.113.5", flood.Rate(1, 60))
    client = redis.Redis.from_url(REDIS_TEST_URL)
    keys = client.keys("*")
    assert len(keys) == 1 and b"203.0.113.5" not in keys[0]
    assert 0 < client.ttl(keys[0]) <= 61
    client.close()
