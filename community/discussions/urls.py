from django.urls import path

from . import moderation_views, unsubscribe_views, views

urlpatterns = [
    path("networks/<slug:slug>/space/", moderation_views.network_space, name="network_space"),
    # Fixed words come before the space slugs (Space.clean reserves them).
    path("community/", views.home, name="community_home"),
    path("community/posts/<int:pk>/", views.post_link, name="post_link"),
    path("community/posts/<int:pk>/edit/", views.edit_post, name="post_edit"),
    path("community/posts/<int:pk>/delete/", views.delete_post, name="post_delete"),
    path("community/posts/<int:pk>/report/", views.report_post, name="post_report"),
    path("community/unsubscribe/<str:token>/", unsubscribe_views.unsubscribe_link, name="unsubscribe"),
    path("community/moderate/threads/<int:pk>/<str:action>/", moderation_views.moderate_thread, name="moderate_thread"),
    path("community/moderate/posts/<int:pk>/<str:action>/", moderation_views.moderate_post, name="moderate_post"),
    path("community/moderate/members/<str:username>/", moderation_views.suspend_member, name="suspend_member"),
    path("community/<slug:slug>/", views.space, name="space"),
    path("community/<slug:slug>/new/", views.new_thread, name="thread_new"),
    path("community/<slug:slug>/threads/<int:pk>/", views.thread, name="thread"),
    path("community/<slug:slug>/threads/<int:pk>/reply/", views.reply, name="thread_reply"),
    path("community/<slug:slug>/threads/<int:pk>/save/", views.save_thread, name="thread_save"),
    path("community/<slug:slug>/threads/<int:pk>/subscribe/", views.subscribe, name="thread_subscribe"),
]
