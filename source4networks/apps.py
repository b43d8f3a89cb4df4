from django.apps import AppConfig


class Source4NetworksConfig(AppConfig):
    name = "source4networks"
    verbose_name = "Source4Networks site"
