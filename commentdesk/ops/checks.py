import os

from django.core import checks


def check_metrics_folder(app_configs=None, **kwargs):
    """With PROMETHEUS_MULTIPROC_DIR set, every process writes its metrics there."""
    folder = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if not folder or (os.path.isdir(folder) and os.access(folder, os.W_OK)):
        return []
    return [
        checks.Warning(
            f"PROMETHEUS_MULTIPROC_DIR={folder} is not a folder this process can write: "
            "timed requests will fail until it is.",
            hint="gunicorn (commentdesk/ops/gunicorn_conf.py) creates it at start; for other "
            "servers create it, or unset the variable for a single process.",
            id="commentdesk.ops.W001",
        )
    ]
