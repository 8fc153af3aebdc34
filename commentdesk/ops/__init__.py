"""Running the desk in production: /healthz, /metrics, database backups, gunicorn's config."""
