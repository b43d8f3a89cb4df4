from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content for development sites: content files, their loader, builders and commands.
    It sits above every other app: it may import any of them, and none imports it."""

    name = "demo"
    verbose_name = "Demo content"
