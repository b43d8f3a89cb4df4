"""Every fresh site gets: the sectors and regions, a home page with the library sections
beneath it, the Editors, Moderators and Administrators groups, and the "Review and
publish" workflow on the library sections."""

from django.db import migrations

from source4networks.taxonomy import REGIONS, SECTORS

LIBRARY_SECTIONS = [
    # (app, model, title, slug, intro)
    ("resources", "ResourceIndexPage", "Resources", "resources", "Evidence, toolkits and guides about leading networks."),
    ("casestudies", "CaseStudyIndexPage", "Case studies", "case-studies", "How networks in many sectors tackled a challenge and what they learned."),
    ("events", "EventIndexPage", "Events", "events", "Events and webinars for network leaders and members."),
]

PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"]
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]


def seed_reference_data(apps):
    Sector = apps.get_model("source4networks", "Sector")
    Region = apps.get_model("source4networks", "Region")
    for order, (slug, name) in enumerate(SECTORS):
        Sector.objects.update_or_create(slug=slug, defaults={"name": name, "sort_order": order})
    for order, (slug, name) in enumerate(REGIONS):
        Region.objects.update_or_create(slug=slug, defaults={"name": name, "sort_order": order})


def create_page(apps, model, parent, title, slug, position, **fields):
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label=model._meta.app_label, model=model._meta.model_name)
    path = parent.path + f"{position:04d}"
    page = model.objects.create(
        title=title,
        draft_title=title,
        slug=slug,
        content_type=content_type,
        path=path,
        depth=parent.depth + 1,
        numchild=0,
        url_path=f"{parent.url_path}{slug}/",
        live=True,
        has_unpublished_changes=False,
        locale_id=parent.locale_id,
        **fields,
    )
    return page


def build_page_tree(apps):
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    HomePage = apps.get_model("source4networks", "HomePage")

    if HomePage.objects.exists():
        return None
    root = Page.objects.get(depth=1)
    # Wagtail's placeholder welcome page makes way for our home page.
    Page.objects.filter(depth=2, content_type__model="page", content_type__app_label="wagtailcore").delete()
    position = Page.objects.filter(depth=2).count() + 1
    home = create_page(apps, HomePage, root, "Source4Networks", "home", position)
    home.url_path = "/home/"
    home.save()
    root.numchild = Page.objects.filter(depth=2).count()
    root.save()
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Source4Networks"}
    )
    sections = []
    for index, (app, model_name, title, slug, intro) in enumerate(LIBRARY_SECTIONS, start=1):
        model = apps.get_model(app, model_name)
        sections.append(create_page(apps, model, home, title, slug, index, intro=intro))
    home.numchild = len(sections)
    home.save()
    return sections


def page_permission(apps, codename):
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    page_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    permission, _ = Permission.objects.get_or_create(
        content_type=page_type, codename=codename, defaults={"name": f"Can {codename.replace('_', ' ')}"}
    )
    return permission


def set_up_groups(apps):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Collection = apps.get_model("wagtailcore", "Collection")
    Page = apps.get_model("wagtailcore", "Page")

    root = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)
    admin_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_type, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )

    groups = {}
    for name, codenames in [
        ("Editors", EDITOR_PAGE_PERMISSIONS),
        ("Moderators", PAGE_PERMISSIONS),
        ("Administrators", PAGE_PERMISSIONS),
    ]:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)
        # Editors draft and submit; only Moderators and Administrators may publish.
        GroupPagePermission.objects.filter(group=group, page=root).exclude(permission__codename__in=codenames).delete()
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(group=group, page=root, permission=page_permission(apps, codename))
        for model, actions in [("image", ["add", "change", "choose"]), ("document", ["add", "change", "choose"])]:
            app_label = "wagtailimages" if model == "image" else "wagtaildocs"
            content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
            for action in actions:
                permission, _ = Permission.objects.get_or_create(
                    content_type=content_type, codename=f"{action}_{model}", defaults={"name": f"Can {action} {model}"}
                )
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )
        groups[name] = group

    # Administrators manage people too.
    user_type, _ = ContentType.objects.get_or_create(app_label="auth", model="user")
    for action in ["add", "change", "delete", "view"]:
        permission, _ = Permission.objects.get_or_create(
            content_type=user_type, codename=f"{action}_user", defaults={"name": f"Can {action} user"}
        )
        groups["Administrators"].permissions.add(permission)
    return groups


def set_up_workflow(apps, moderators, sections):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name="Moderator review").first()
    if task is None:
        task = GroupApprovalTask.objects.create(name="Moderator review", content_type=task_type, active=True)
    task.groups.add(moderators)
    workflow, _ = Workflow.objects.get_or_create(name="Review and publish", defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for section in sections or []:
        WorkflowPage.objects.update_or_create(page_id=section.pk, defaults={"workflow": workflow})


def forwards(apps, schema_editor):
    seed_reference_data(apps)
    sections = build_page_tree(apps)
    groups = set_up_groups(apps)
    set_up_workflow(apps, groups["Moderators"], sections)


class Migration(migrations.Migration):
    dependencies = [
        ("source4networks", "0001_initial"),
        ("resources", "0002_initial"),
        ("casestudies", "0003_initial"),
        ("events", "0001_initial"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0006_formstate"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
