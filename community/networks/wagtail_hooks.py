"""The Wagtail admin: networks (editors feature or hide them)."""

from wagtail.admin.ui.tables import BooleanColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Network


class NetworkViewSet(SnippetViewSet):
    model = Network
    icon = "group"
    menu_label = "Networks"
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "network_type", "join_policy", BooleanColumn("featured"), BooleanColumn("hidden")]
    list_filter = ["featured", "hidden", "network_type", "join_policy"]
    search_fields = ["name", "summary"]
    list_per_page = 50
    ordering = ["name"]


register_snippet(NetworkViewSet)
