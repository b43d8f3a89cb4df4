from django.urls import path

from . import round_answer_views, round_views, views

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
    path("networks/<slug:slug>/rounds/<int:pk>/remind/", round_views.round_remind, name="round_remind"),
    path("networks/<slug:slug>/rounds/<int:pk>/share/", round_views.round_share, name="round_share"),
    path("networks/<slug:slug>/rounds/<int:pk>/discuss/", round_views.round_discuss, name="round_discuss"),
    path("networks/<slug:slug>/rounds/<int:pk>/shared/", round_views.round_shared, name="round_shared"),
    path("networks/<slug:slug>/matrix/", round_views.matrix_list, name="matrix_list"),
    path("networks/<slug:slug>/matrix/new/<slug:instrument>/", round_views.matrix_new, name="matrix_new"),
    path("networks/<slug:slug>/matrix/<int:pk>/", round_views.matrix_detail, name="matrix_detail"),
    path("<slug:slug>/", views.introduction, name="introduction"),
    path("<slug:slug>/section/<int:number>/", views.section, name="section"),
    path("<slug:slug>/check/", views.check, name="check"),
    path("<slug:slug>/results/", views.session_results, name="session_results"),
    path("<slug:slug>/results/results.csv", views.session_results_csv, name="session_results_csv"),
    path("<slug:slug>/results/save/", views.save_result, name="save_result"),
]
