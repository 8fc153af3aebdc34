"""A publisher's site for the browser tests: its own origin (a loopback port), its own pages."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

HTML = "text/html; charset=utf-8"


class PublisherSite:
    """Serves respond(url) -> (status, headers, body) for every GET, until close()."""

    def __init__(self):
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                status, headers, body = site.respond(urlsplit(self.path))
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.origin = f"http://127.0.0.1:{self.server.server_port}"
        self.article_url = f"{self.origin}/news/drone-strikes-near-makhmour"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def respond(self, url) -> tuple[int, dict, bytes]:
        raise NotImplementedError

    def close(self):
        self.server.shutdown()
        self.server.server_close()
