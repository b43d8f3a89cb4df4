"""Choice fields over database rows refuse a number no row can have, on every database (SQLite
raised OverflowError on one, a 500, where PostgreSQL finds nothing)."""

from django.core.exceptions import ValidationError
from django.test import TestCase

from source4networks.formutils import RowChoiceField, RowsChoiceField
from source4networks.models import Sector

TOO_BIG = "9223372036854775808"  # 2**63: past a 64-bit integer


class TooBigChoiceTests(TestCase):
    def test_one_choice(self):
        field = RowChoiceField(queryset=Sector.objects.all(), error_messages={"invalid_choice": "Select a sector"})
        with self.assertRaisesMessage(ValidationError, "Select a sector"):
            field.clean(TOO_BIG)
        sector = Sector.objects.first()
        self.assertEqual(field.clean(str(sector.pk)), sector)

    def test_several_choices(self):
        field = RowsChoiceField(queryset=Sector.objects.all(), error_messages={"invalid_choice": "Select sectors"})
        sector = Sector.objects.first()
        for value in ([TOO_BIG], [str(sector.pk), TOO_BIG], ["-9223372036854775809"]):
            with self.subTest(value), self.assertRaisesMessage(ValidationError, "Select sectors"):
                field.clean(value)
        self.assertEqual(list(field.clean([str(sector.pk)])), [sector])

    def test_the_network_form_refuses_it_beside_the_field(self):
        from community.networks.forms import NetworkForm

        form = NetworkForm(data={"name": "A network", "sectors": [TOO_BIG], "regions": [TOO_BIG]})
        self.assertFalse(form.is_valid())
        self.assertEqual(form.errors["sectors"], ["Select sectors from the list"])
        self.assertEqual(form.errors["regions"], ["Select regions from the list"])
