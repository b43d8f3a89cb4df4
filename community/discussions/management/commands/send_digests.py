"""`manage.py send_digests --period daily|weekly`: run on a schedule (daily and weekly)."""

from django.core.management.base import BaseCommand

from community.discussions.notifications import send_digests


class Command(BaseCommand):
    help = "Email each member who chose a digest what is new in their subscribed threads since their last one."

    def add_arguments(self, parser):
        parser.add_argument("--period", choices=["daily", "weekly"], required=True)

    def handle(self, *args, period, **options):
        sent = send_digests(period)
        self.stdout.write(f"Sent {sent} {period} digest{'s' if sent != 1 else ''}.")
