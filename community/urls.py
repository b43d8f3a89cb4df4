"""Members, networks and my account. Included at the site root, before Wagtail's pages."""

from django.urls import path

from . import views_account, views_discussions, views_members, views_networks

app_name = "community"

urlpatterns = [
    # Networks directory and network pages (public).
    path("networks/", views_networks.directory, name="network_directory"),
    path("networks/new/", views_networks.create, name="network_create"),
    path("networks/invitations/<str:token>/", views_networks.invitation, name="invitation"),
    path("networks/<slug:slug>/", views_networks.detail, name="network_detail"),
    path("networks/<slug:slug>/edit/", views_networks.edit, name="network_edit"),
    path("networks/<slug:slug>/join/", views_networks.join, name="network_join"),
    path("networks/<slug:slug>/leave/", views_networks.leave, name="network_leave"),
    path("networks/<slug:slug>/visibility/", views_networks.visibility, name="network_visibility"),
    path("networks/<slug:slug>/space/", views_discussions.network_space, name="network_space"),
    path("networks/<slug:slug>/contact/", views_networks.contact, name="network_contact"),
    path("networks/<slug:slug>/members/", views_networks.manage_members, name="network_members"),
    path("networks/<slug:slug>/invite/", views_networks.invite, name="network_invite"),
    path(
        "networks/<slug:slug>/members/<int:membership_id>/<str:action>/",
        views_networks.member_action,
        name="network_member_action",
    ),
    # Member directory and profiles (signed-in members only).
    path("community/members/", views_members.directory, name="member_directory"),
    path("community/members/<str:username>/", views_members.profile, name="member_profile"),
    # Discussions. Fixed words come before the space slugs (Space.clean reserves them).
    path("community/", views_discussions.home, name="community_home"),
    path("community/posts/<int:pk>/", views_discussions.post_link, name="post_link"),
    path("community/posts/<int:pk>/edit/", views_discussions.edit_post, name="post_edit"),
    path("community/posts/<int:pk>/delete/", views_discussions.delete_post, name="post_delete"),
    path("community/posts/<int:pk>/report/", views_discussions.report_post, name="post_report"),
    path("community/unsubscribe/<str:token>/", views_discussions.unsubscribe_link, name="unsubscribe"),
    path(
        "community/moderate/threads/<int:pk>/<str:action>/",
        views_discussions.moderate_thread,
        name="moderate_thread",
    ),
    path("community/moderate/posts/<int:pk>/<str:action>/", views_discussions.moderate_post, name="moderate_post"),
    path("community/moderate/members/<str:username>/", views_discussions.suspend_member, name="suspend_member"),
    path("community/<slug:slug>/", views_discussions.space, name="space"),
    path("community/<slug:slug>/new/", views_discussions.new_thread, name="thread_new"),
    path("community/<slug:slug>/threads/<int:pk>/", views_discussions.thread, name="thread"),
    path("community/<slug:slug>/threads/<int:pk>/reply/", views_discussions.reply, name="thread_reply"),
    path("community/<slug:slug>/threads/<int:pk>/save/", views_discussions.save_thread, name="thread_save"),
    path("community/<slug:slug>/threads/<int:pk>/subscribe/", views_discussions.subscribe, name="thread_subscribe"),
    # My account.
    path("account/", views_account.home, name="account"),
    path("account/profile/", views_account.edit_profile, name="account_profile"),
    path("account/notifications/", views_account.notifications, name="account_notifications"),
    path("account/networks/", views_account.my_networks, name="account_networks"),
    path(
        "account/invitations/<int:invitation_id>/<str:action>/",
        views_account.invitation_action,
        name="account_invitation_action",
    ),
    path("account/saved/", views_account.saved_items, name="account_saved"),
    path("account/saved/<int:page_id>/", views_account.toggle_saved, name="toggle_saved"),
    path("account/download/", views_account.download_data, name="account_download"),
    path("account/delete/", views_account.delete_account, name="account_delete"),
]
