"""Instruments in the Wagtail admin, for Editors and Administrators (migrations 0003 and 0008).

Adding and editing use the structured form (``admin_forms.InstrumentForm``); "Import JSON" takes
pasted or uploaded Instrument JSON; each version downloads as JSON from the edit page.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.views.generic import FormView
from wagtail import hooks
from wagtail.admin.ui.components import MediaContainer
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton

from .admin_forms import InstrumentForm, InstrumentImportForm
from .models import Instrument, InstrumentVersion, Response
from .scoring import MATRIX, SURVEY

IMPORT_LABEL = "Import JSON"


class InstrumentIndexView(generic.IndexView):
    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.permission_policy.user_has_any_permission(self.request.user, ["add", "change"]):
            url = reverse("diagnostics_instruments:import")
            buttons.append(HeaderButton(IMPORT_LABEL, url=url, icon_name="upload"))
        return buttons


class ProblemAtTheTop:
    """Name the form's first problem in the message at the top, as well as beside the field."""

    def is_valid(self, form):
        valid = super().is_valid(form)
        if not valid and form.problem:
            self.produced_error_message = f"{self.produced_error_message} {form.problem}"
        return valid


class InstrumentCreateView(ProblemAtTheTop, generic.CreateView):
    """A new survey, or a new maturity matrix with ``?kind=matrix``; the kind never changes later."""

    template_name = "diagnostics/admin/create.html"

    @cached_property
    def kind(self):
        return MATRIX if self.request.GET.get("kind") == MATRIX else SURVEY

    def get_add_url(self):
        url = super().get_add_url()
        return f"{url}?kind={MATRIX}" if self.kind == MATRIX else url

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "kind": self.kind}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        base = reverse("diagnostics_instruments:add")
        context["kind"] = self.kind
        context["other_kind_url"] = base if self.kind == MATRIX else f"{base}?kind={MATRIX}"
        context["import_url"] = reverse("diagnostics_instruments:import")
        return context

    def get_success_message(self, instance):
        return self.form.save_result.report()


class InstrumentEditView(ProblemAtTheTop, generic.EditView):
    def get_side_panels(self):
        # Without the status panel Wagtail leaves out the minimap too: with an instrument's many
        # statements the minimap's list scrolls but cannot be reached by keyboard (axe's
        # scrollable-region-focusable). The header still links to the history; each block has
        # its own toggle.
        return MediaContainer()

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
        context["import_url"] = reverse("diagnostics_instruments:import")
        return context


class InstrumentImportView(WagtailAdminTemplateMixin, FormView):
    """Pasted or uploaded Instrument JSON: a new instrument, or a new version of one by its slug."""

    form_class = InstrumentImportForm
    template_name = "diagnostics/admin/import.html"
    page_title = IMPORT_LABEL
    header_icon = "upload"

    def get_breadcrumbs_items(self):
        index = {"url": reverse("diagnostics_instruments:index"), "label": "Diagnostics"}
        return [*self.breadcrumbs_items, index, {"url": "", "label": IMPORT_LABEL}]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(action_url=self.request.path, submit_button_label="Import", media=context["form"].media)
        return context

    def form_valid(self, form):
        instrument = form.save()
        messages.success(self.request, form.save_result.report())
        return redirect("diagnostics_instruments:edit", instrument.pk)

    def form_invalid(self, form):
        messages.error(self.request, "The instrument could not be imported due to errors.")
        return super().form_invalid(form)


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
    index_view_class = InstrumentIndexView
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

    def import_view(self, request):
        if not self.permission_policy.user_has_any_permission(request.user, ["add", "change"]):
            raise PermissionDenied
        return InstrumentImportView.as_view()(request)

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("export/<int:pk>/<int:number>/", self.export_view, name="export"),
            path("import/", self.import_view, name="import"),
        ]


@hooks.register("register_admin_viewset")
def register_instrument_viewset():
    return InstrumentViewSet()
