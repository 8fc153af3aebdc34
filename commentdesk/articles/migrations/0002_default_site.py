from django.db import migrations


def create_default_site(apps, schema_editor):
    Site = apps.get_model("articles", "Site")
    if not Site.objects.exists():
        Site.objects.create(name="commentdesk")


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]
    operations = [migrations.RunPython(create_default_site, migrations.RunPython.noop)]
