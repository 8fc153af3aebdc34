from django.core import checks


def check_classifier_model(app_configs=None, **kwargs):
    from classifier.api import artifact_path

    path = artifact_path()
    if path.exists():
        return []
    return [
        checks.Error(
            f"The classifier model {path} is missing.",
            hint="Run `make train`, or point COMMENTDESK_CLASSIFIER_MODEL at a trained model.",
            id="commentdesk.moderation.E001",
        )
    ]
