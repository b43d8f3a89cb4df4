from django.urls import path

from . import benchmark_views, matrix_views, plan_views, round_answer_views, round_views, views

app_name = "diagnostics"

urlpatterns = [
    path("", views.index, name="index"),
    # A member's saved result, addressed by its random id. Listed first; an instrument with the
    # slug "results" still works, as none of its addresses is followed by a UUID.
    path("results/<uuid:pk>/", views.result, name="result"),
    path("results/<uuid:pk>/results.csv", views.result_csv, name="result_csv"),
    # Network rounds and matrix sessions, before the instrument addresses they would otherwise match.
    path("rounds/<uuid:token>/", round_answer_views.round_answer, name="round_answer"),
    path("rounds/<uuid:token>/section/<int:number>/", round_answer_views.round_section, name="round_section"),
    path("rounds/<uuid:token>/check/", round_answer_views.round_check, name="round_check"),
    path("networks/<slug:slug>/rounds/", round_views.round_list, name="round_list"),
    path("networks/<slug:slug>/rounds/new/", round_views.round_new, name="round_new"),
    path("networks/<slug:slug>/rounds/<int:pk>/", round_views.round_detail, name="round_detail"),
    path("networks/<slug:slug>/rounds/<int:pk>/close/", round_views.round_close, name="round_close"),
    path("networks/<slug:slug>/rounds/<int:pk>/results.csv", round_views.round_csv, name="round_csv"),
    path("networks/<slug:slug>/rounds/<int:pk>/import/", round_views.round_import, name="round_import"),
    path("networks/<slug:slug>/rounds/<int:pk>/plan/", plan_views.plan_page, name="round_plan"),
    path("networks/<slug:slug>/rounds/<int:pk>/plan/print/", plan_views.plan_print, name="round_plan_print"),
    path("networks/<slug:slug>/rounds/<int:pk>/plan/plan.csv", plan_views.plan_csv, name="round_plan_csv"),
    path(
        "networks/<slug:slug>/rounds/<int:pk>/plan/areas/<slug:area>/new/",
        plan_views.action_new,
        name="round_plan_action_new",
    ),
    path(
        "networks/<slug:slug>/rounds/<int:pk>/plan/actions/<int:action_pk>/",
        plan_views.action_edit,
        name="round_plan_action_edit",
    ),
    path(
        "networks/<slug:slug>/rounds/<int:pk>/plan/actions/<int:action_pk>/delete/",
        plan_views.action_delete,
        name="round_plan_action_delete",
    ),
    path(
        "networks/<slug:slug>/benchmarking/<slug:instrument>/",
        benchmark_views.benchmark_settings,
        name="benchmark_settings",
    ),
    path("networks/<slug:slug>/matrix/", matrix_views.matrix_list, name="matrix_list"),
    path("networks/<slug:slug>/matrix/new/<slug:instrument>/", matrix_views.matrix_new, name="matrix_new"),
    path("networks/<slug:slug>/matrix/<int:pk>/", matrix_views.matrix_detail, name="matrix_detail"),
    path("networks/<slug:slug>/matrix/<int:pk>/edit/", matrix_views.matrix_edit, name="matrix_edit"),
    path("networks/<slug:slug>/matrix/<int:pk>/delete/", matrix_views.matrix_delete, name="matrix_delete"),
    path("networks/<slug:slug>/matrix/<int:pk>/session.csv", matrix_views.matrix_csv, name="matrix_csv"),
    path("networks/<slug:slug>/rounds/<int:pk>/remind/", round_views.round_remind, name="round_remind"),
    path("networks/<slug:slug>/rounds/<int:pk>/share/", round_views.round_share, name="round_share"),
    path("networks/<slug:slug>/rounds/<int:pk>/discuss/", round_views.round_discuss, name="round_discuss"),
    path("networks/<slug:slug>/rounds/<int:pk>/shared/", round_views.round_shared, name="round_shared"),
    path("<slug:slug>/", views.introduction, name="introduction"),
    path("<slug:slug>/section/<int:number>/", views.section, name="section"),
    path("<slug:slug>/check/", views.check, name="check"),
    path("<slug:slug>/results/", views.session_results, name="session_results"),
    path("<slug:slug>/results/results.csv", views.session_results_csv, name="session_results_csv"),
    path("<slug:slug>/results/save/", views.save_result, name="save_result"),
]
