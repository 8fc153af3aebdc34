"""gunicorn's configuration for commentdesk: `gunicorn -c python:commentdesk.ops.gunicorn_conf commentdesk.wsgi`.

Each value can be changed from the environment (listed in .env.example); a command-line flag
still wins over this file.
"""

import os
from pathlib import Path

# Where the reverse proxy reaches the desk. Loopback: only the proxy on this host talks to it.
bind = os.getenv("GUNICORN_BIND", "127.0.0.1:8000")
# Worker processes, each with GUNICORN_THREADS threads. A request mostly waits on the
# database, so threads serve more requests per process for little memory. Rule of thumb: two
# processes per core (gunicorn also honours WEB_CONCURRENCY, the name hosting platforms use).
workers = int(os.getenv("WEB_CONCURRENCY", str(2 * (os.cpu_count() or 1))))
worker_class = "gthread"
threads = int(os.getenv("GUNICORN_THREADS", "4"))
# A request that runs longer than this is killed and its worker replaced.
timeout = int(os.getenv("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
# Seconds an idle keep-alive connection from the proxy stays open (it holds a thread's slot).
keepalive = 20
# Connections waiting for a worker before the kernel refuses more.
backlog = 2048
# The proxy's X-Forwarded-For / X-Forwarded-Proto are believed from these addresses only
# (gunicorn's FORWARDED_ALLOW_IPS, loopback by default).
forwarded_allow_ips = os.getenv("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# Access log to stdout for the service manager's journal; errors to stderr.
accesslog = os.getenv("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
loglevel = os.getenv("GUNICORN_LOG_LEVEL", "info")


def on_starting(server):
    """Empty the Prometheus multiprocess folder: a previous run's files would add stale counts."""
    folder = os.getenv("PROMETHEUS_MULTIPROC_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        for stale in Path(folder).glob("*.db"):
            stale.unlink()


def child_exit(server, worker):
    """A worker that exited stops counting in the live gauges of /metrics."""
    if os.getenv("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)


def worker_exit(server, worker):
    """Without a broker, let the moderation batch or webhook round in progress commit before
    the worker goes (cut short, it would roll back and be redone by the next process)."""
    from commentdesk.moderation.engine import in_process_engine
    from commentdesk.webhooks.sender import in_process_sender

    for background in (in_process_engine, in_process_sender):
        background.stop(timeout=graceful_timeout / 3)
