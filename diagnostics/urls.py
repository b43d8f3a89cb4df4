from django.urls import path

from . import views, views_rounds

app_name = "diagnostics"

urlpatterns = [
    path("", views.index, name="index"),
    # A member's saved result, addressed by its random id. Listed first; an instrument with the
    # slug "results" still works, as none of its addresses is followed by a UUID.
    path("results/<uuid:pk>/", views.result, name="result"),
    path("results/<uuid:pk>/results.csv", views.result_csv, name="result_csv"),
    # Network rounds and matrix sessions, before the instrument addresses they would otherwise match.
    path("rounds/<uuid:token>/", views_rounds.round_answer, name="round_answer"),
    path("networks/<slug:slug>/rounds/", views_rounds.round_list, name="round_list"),
    path("networks/<slug:slug>/rounds/new/", views_rounds.round_new, name="round_new"),
    path("networks/<slug:slug>/rounds/<int:pk>/", views_rounds.round_detail, name="round_detail"),
    path("networks/<slug:slug>/rounds/<int:pk>/results.csv", views_rounds.round_csv, name="round_csv"),
    path("networks/<slug:slug>/rounds/<int:pk>/import/", views_rounds.round_import, name="round_import"),
    path("networks/<slug:slug>/matrix/", views_rounds.matrix_list, name="matrix_list"),
    path("networks/<slug:slug>/matrix/new/<slug:instrument>/", views_rounds.matrix_new, name="matrix_new"),
    path("networks/<slug:slug>/matrix/<int:pk>/", views_rounds.matrix_detail, name="matrix_detail"),
    path("<slug:slug>/", views.introduction, name="introduction"),
    path("<slug:slug>/section/<int:number>/", views.section, name="section"),
    path("<slug:slug>/check/", views.check, name="check"),
    path("<slug:slug>/results/", views.session_results, name="session_results"),
    path("<slug:slug>/results/results.csv", views.session_results_csv, name="session_results_csv"),
    path("<slug:slug>/results/save/", views.save_result, name="save_result"),
]
