from django.urls import path

from . import views

urlpatterns = [
    # The member directory and profiles (signed-in members only).
    path("community/members/", views.directory, name="member_directory"),
    path("community/members/<str:username>/", views.profile, name="member_profile"),
    # My account: profile, notification settings and saved pages.
    path("account/profile/", views.edit_profile, name="account_profile"),
    path("account/notifications/", views.notifications, name="account_notifications"),
    path("account/saved/", views.saved_items, name="account_saved"),
    path("account/saved/<int:page_id>/", views.toggle_saved, name="toggle_saved"),
]
