"""A real web server process and readers who post to it over HTTP, as browsers do: for the
fault tests, which stop the services under a running site."""

import http.client
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[3]
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# What a web process needs to serve the site from this checkout, on top of its database and
# (or not) its broker.
SERVER_SETTINGS = {
    "DEBUG": "False",
    "ALLOWED_HOSTS": "127.0.0.1",
    # No collectstatic in a test: serve static files from the apps.
    "STATICFILES_BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
    # Every reader here posts from 127.0.0.1: no flood limits.
    "POST_RATE_PER_IP": "",
    "POST_RATE_PER_EMAIL": "",
}


def server_environment(database_url, **variables):
    """A site on this database with the in-process moderation engine (no broker)."""
    environment = {key: value for key, value in os.environ.items() if key != "CELERY_BROKER_URL"}
    return {**environment, "DATABASE_URL": database_url, **SERVER_SETTINGS, **variables}


def manage(environment, *arguments, timeout=120) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT, env=environment, check=True, capture_output=True, text=True, timeout=timeout,
    )
    return result.stdout


class WebServer:
    """gunicorn serving commentdesk, as in production (docs/operators/deploy.md)."""

    def __init__(self, environment, log_path, workers=2):
        self.port = free_port()
        command = [
            sys.executable, "-m", "gunicorn", "commentdesk.wsgi", "--bind", f"127.0.0.1:{self.port}",
            "--workers", str(workers), "--timeout", "60", "--graceful-timeout", "5",
            # Its default path is one per user: servers started side by side would share it.
            "--no-control-socket",
        ]
        self.log_path = log_path
        with open(log_path, "ab") as log:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=environment, stdout=log, stderr=subprocess.STDOUT
            )
        self._wait_until_listening(timeout=60)

    def _wait_until_listening(self, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"The web server exited; see {self.log_path}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"The web server did not start; see {self.log_path}")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.text = status, headers, body

    def csrf_token(self) -> str:
        return CSRF_FIELD.search(self.text).group(1)


class Reader:
    """A browser on the site: keeps its cookies and takes the CSRF token from the page it is on."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}

    def get(self, path) -> Response:
        return self.request("GET", path)

    def post(self, path, fields, headers=None) -> Response:
        headers = {"Content-Type": "application/x-www-form-urlencoded", **(headers or {})}
        return self.request("POST", path, urlencode(fields), headers)

    def post_comment(self, slug, *, page=None, **fields) -> Response:
        """Fill in the form on the page (the article's, unless given) and send it."""
        page = page or self.get(f"/articles/{slug}/")
        return self.post(f"/articles/{slug}/comments/", {"csrfmiddlewaretoken": page.csrf_token(), **fields})

    def request(self, method, path, body=None, headers=None) -> Response:
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            connection.request(method, path, body, headers)
            response = connection.getresponse()
            text = response.read().decode()
        finally:
            connection.close()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        return Response(response.status, dict(response.getheaders()), text)
