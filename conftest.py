import pytest


@pytest.fixture(autouse=True)
def _static_files_without_collectstatic(settings):
    # Production uses the manifest storage, which needs `collectstatic`; tests render from finders.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
