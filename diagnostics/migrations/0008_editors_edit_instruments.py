"""Editors create and edit instruments (PRODUCT.md section 6): add, change and view.

Deleting stays with Administrators (an instrument people answered cannot be deleted anyway).
"""

from django.db import migrations

ACTIONS = ["add", "change", "view"]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    group, _ = Group.objects.get_or_create(name="Editors")
    # Permissions are normally created after all migrations run; make sure they exist now.
    content_type, _ = ContentType.objects.get_or_create(app_label="diagnostics", model="instrument")
    for action in ACTIONS:
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=f"{action}_instrument", defaults={"name": f"Can {action} instrument"}
        )
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Editors").first()
    if group is not None:
        codenames = [f"{action}_instrument" for action in ACTIONS]
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="diagnostics", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("diagnostics", "0007_benchmarking"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
