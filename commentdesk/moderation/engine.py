from django.conf import settings


def warm_up_in_process_engine():
    """Without a broker, moderation runs inside the web process: load the classifier at start-up
    so the first reader who posts does not wait for it."""
    if settings.CELERY_TASK_ALWAYS_EAGER:
        import classifier

        classifier.load_model()
