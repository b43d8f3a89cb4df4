from django.urls import path

from . import views

urlpatterns = [
    path("account/", views.home, name="account"),
    path("account/download/", views.download_data, name="account_download"),
    path("account/delete/", views.delete_account_view, name="account_delete"),
]
