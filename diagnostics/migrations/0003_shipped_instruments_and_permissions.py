"""Load the three shipped instruments (published) and let Administrators manage instruments.

Both steps are idempotent. Editors get no instrument permissions here: an administrator can
grant them in the admin's group settings.
"""

from django.db import migrations

from diagnostics.importing import load_shipped_instruments

ACTIONS = ["add", "change", "delete", "view"]


def load_instruments(apps, schema_editor):
    models = (apps.get_model("diagnostics", "Instrument"), apps.get_model("diagnostics", "InstrumentVersion"))
    load_shipped_instruments(models=models)


def grant_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    group, _ = Group.objects.get_or_create(name="Administrators")
    # Permissions are normally created after all migrations run; make sure they exist now.
    content_type, _ = ContentType.objects.get_or_create(app_label="diagnostics", model="instrument")
    for action in ACTIONS:
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=f"{action}_instrument", defaults={"name": f"Can {action} instrument"}
        )
        group.permissions.add(permission)


def forwards(apps, schema_editor):
    load_instruments(apps, schema_editor)
    grant_permissions(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("diagnostics", "0002_initial"),
        ("source4networks", "0002_site_setup"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
