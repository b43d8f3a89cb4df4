from django.urls import path

from . import views

app_name = "diagnostics"

urlpatterns = [
    path("", views.index, name="index"),
    # A member's saved result, addressed by its random id. Listed first; an instrument with the
    # slug "results" still works, as none of its addresses is followed by a UUID.
    path("results/<uuid:pk>/", views.result, name="result"),
    path("results/<uuid:pk>/results.csv", views.result_csv, name="result_csv"),
    path("<slug:slug>/", views.introduction, name="introduction"),
    path("<slug:slug>/section/<int:number>/", views.section, name="section"),
    path("<slug:slug>/check/", views.check, name="check"),
    path("<slug:slug>/results/", views.session_results, name="session_results"),
    path("<slug:slug>/results/results.csv", views.session_results_csv, name="session_results_csv"),
    path("<slug:slug>/results/save/", views.save_result, name="save_result"),
]
