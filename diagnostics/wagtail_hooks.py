"""Instruments in the Wagtail admin, for Administrators (and anyone given the permissions)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from .admin_forms import InstrumentForm
from .models import Instrument, InstrumentVersion, Response


class InstrumentCreateView(generic.CreateView):
    def get_success_message(self, instance):
        return self.form.save_result.report()


class InstrumentEditView(generic.EditView):
    def get_success_message(self):
        return self.form.save_result.report()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["versions"] = (
            InstrumentVersion.objects.filter(instrument=self.object)
            .select_related("created_by")
            .annotate(response_count=Count("responses"))
            .order_by("-number")
        )
        return context


class InstrumentDeleteView(generic.DeleteView):
    """Instruments that people have answered cannot be deleted: their results depend on them."""

    def dispatch(self, request, *args, **kwargs):
        # Refuse those who may not delete before saying anything about the instrument.
        if not self.user_has_permission(self.permission_required):
            raise PermissionDenied
        instrument = get_object_or_404(Instrument, pk=kwargs.get("pk"))
        if Response.objects.filter(version__instrument=instrument).exists():
            messages.error(
                request,
                f"{instrument} has responses, so it cannot be deleted. Unpublish it to stop offering it.",
            )
            return redirect("diagnostics_instruments:edit", instrument.pk)
        return super().dispatch(request, *args, **kwargs)


class InstrumentViewSet(ModelViewSet):
    model = Instrument
    icon = "list-ul"
    menu_label = "Diagnostics"
    menu_order = 250
    add_to_admin_menu = True
    name = "diagnostics_instruments"
    url_prefix = "diagnostics/instruments"
    form_fields = ["is_published"]
    list_display = [
        "title",
        "slug",
        Column("kind", label="Kind", accessor="get_kind_display"),
        BooleanColumn("is_published", label="Published"),
        Column("version", label="Current version", accessor="current_version.number"),
    ]
    list_filter = ["kind", "is_published"]
    search_fields = ["title", "slug"]
    copy_view_enabled = False
    add_view_class = InstrumentCreateView
    edit_view_class = InstrumentEditView
    delete_view_class = InstrumentDeleteView
    edit_template_name = "diagnostics/admin/edit.html"

    def get_form_class(self, for_update=False):
        return InstrumentForm

    def get_queryset(self, request):
        return Instrument.objects.select_related("current_version")

    def export_view(self, request, pk, number):
        if not self.permission_policy.user_has_any_permission(request.user, ["change", "view"]):
            raise PermissionDenied
        version = get_object_or_404(
            InstrumentVersion.objects.select_related("instrument"), instrument_id=pk, number=number
        )
        response = HttpResponse(version.definition, content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="{version.instrument.slug}-version-{version.number}.json"'
        )
        return response

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("export/<int:pk>/<int:number>/", self.export_view, name="export"),
        ]


@hooks.register("register_admin_viewset")
def register_instrument_viewset():
    return InstrumentViewSet()
