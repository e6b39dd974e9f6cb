from django.db import migrations


def load_catalogue(apps, schema_editor):
    from thidua.awards import catalogue

    catalogue.sync(apps.get_model("awards", "AwardType"))


class Migration(migrations.Migration):
    dependencies = [("awards", "0001_initial")]
    operations = [migrations.RunPython(load_catalogue, migrations.RunPython.noop)]
