"""`manage.py send_round_reminders`: run every hour by the scheduler. Sends each open online
round its automatic reminder once, 3 days before it closes, to the members who have not
submitted their answers (diagnostics/round_reminders.py). Running it again sends nothing twice."""

from django.core.management.base import BaseCommand

from diagnostics.round_reminders import send_automatic_reminders


class Command(BaseCommand):
    help = "Remind the members who have not answered a round that closes in 3 days (once per round)."

    def handle(self, *args, **options):
        rounds_sent, emails_queued = send_automatic_reminders()
        self.stdout.write(
            f"Reminded {rounds_sent} round{'s' if rounds_sent != 1 else ''}: "
            f"{emails_queued} email{'s' if emails_queued != 1 else ''} queued."
        )
