from django.urls import path

from . import invitation_views, leader_views, views

urlpatterns = [
    # The networks directory and network pages (public).
    path("networks/", views.directory, name="network_directory"),
    path("networks/new/", views.create, name="network_create"),
    path("networks/invitations/<str:token>/", invitation_views.invitation, name="invitation"),
    path("networks/<slug:slug>/", views.detail, name="network_detail"),
    path("networks/<slug:slug>/edit/", views.edit, name="network_edit"),
    path("networks/<slug:slug>/join/", views.join, name="network_join"),
    path("networks/<slug:slug>/leave/", views.leave, name="network_leave"),
    path("networks/<slug:slug>/visibility/", views.visibility, name="network_visibility"),
    path("networks/<slug:slug>/contact/", views.contact, name="network_contact"),
    path("networks/<slug:slug>/members/", views.manage_members, name="network_members"),
    path("networks/<slug:slug>/invite/", views.invite, name="network_invite"),
    path("networks/<slug:slug>/invite/several/", leader_views.invite_several, name="network_invite_several"),
    path(
        "networks/<slug:slug>/invitations/<int:invitation_id>/<str:action>/",
        leader_views.invitation_action,
        name="network_invitation_action",
    ),
    path("networks/<slug:slug>/close/", leader_views.close, name="network_close"),
    path(
        "networks/<slug:slug>/members/<int:membership_id>/<str:action>/",
        views.member_action,
        name="network_member_action",
    ),
    # My account: my networks, requests and invitations.
    path("account/networks/", invitation_views.my_networks, name="account_networks"),
    path(
        "account/invitations/<int:invitation_id>/<str:action>/",
        invitation_views.invitation_action,
        name="account_invitation_action",
    ),
]
