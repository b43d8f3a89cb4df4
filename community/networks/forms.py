"""Forms for networks: creating and editing one, inviting, contacting its leaders, and the
networks directory's filters. Error messages follow the NHS service manual."""

from datetime import date

from django import forms

from community.networks.models import Invitation, JoinPolicy, Membership, Network
from source4networks.formutils import (
    ImageUploadMixin,
    RowsChoiceField,
    image_field,
    max_length_message,
    parse_tags,
    tags_field,
)
from source4networks.models import Region, Sector
from source4networks.taxonomy import NetworkType


class NetworkForm(ImageUploadMixin, forms.ModelForm):
    topics = tags_field("Topics", "stroke, rehabilitation")
    logo = image_field("Logo")
    remove_logo = forms.BooleanField(label="Remove the logo", required=False)
    website = forms.URLField(
        label="Website (optional)",
        required=False,
        max_length=200,
        assume_scheme="https",
        help_text="For example, https://www.example.org",
        error_messages={
            "invalid": "Enter a web address in the correct format, like https://www.example.org",
            "max_length": max_length_message("Website", 200),
        },
    )

    class Meta:
        model = Network
        fields = [
            "name",
            "summary",
            "description",
            "network_type",
            "join_policy",
            "regions",
            "sectors",
            "website",
            "year_founded",
            "approximate_size",
        ]
        labels = {
            "name": "Network name",
            "summary": "Summary",
            "description": "Description (optional)",
            "network_type": "Type of network",
            "join_policy": "How do people join?",
            "regions": "Regions the network covers (optional)",
            "sectors": "Sectors (optional)",
            "website": "Website (optional)",
            "year_founded": "Year founded (optional)",
            "approximate_size": "Approximate number of members (optional)",
        }
        help_texts = {
            "summary": "One or two sentences shown in the directory. 300 characters or fewer.",
            "description": (
                "What the network does, who it is for and how it works. Leave a blank line between paragraphs."
            ),
            "website": "For example, https://www.example.org",
            "year_founded": "For example, 2016",
            "approximate_size": "Including people who are not on Source4Networks.",
        }
        field_classes = {"regions": RowsChoiceField, "sectors": RowsChoiceField}
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8}),
            "network_type": forms.RadioSelect,
            "join_policy": forms.RadioSelect,
            "regions": forms.CheckboxSelectMultiple,
            "sectors": forms.CheckboxSelectMultiple,
            "year_founded": forms.TextInput(attrs={"inputmode": "numeric"}),
            "approximate_size": forms.TextInput(attrs={"inputmode": "numeric"}),
        }
        error_messages = {
            "name": {
                "required": "Enter the name of the network",
                "max_length": max_length_message("Network name", 150),
            },
            "summary": {"required": "Enter a summary", "max_length": max_length_message("Summary", 300)},
            "description": {"max_length": max_length_message("Description", 5000)},
            "network_type": {"required": "Select the type of network", "invalid_choice": "Select the type of network"},
            "join_policy": {"required": "Select how people join", "invalid_choice": "Select how people join"},
            "regions": {
                "invalid_choice": "Select regions from the list",
                "invalid_pk_value": "Select regions from the list",
            },
            "sectors": {
                "invalid_choice": "Select sectors from the list",
                "invalid_pk_value": "Select sectors from the list",
            },
            "website": {
                "invalid": "Enter a web address in the correct format, like https://www.example.org",
                "max_length": max_length_message("Website", 200),
            },
            "year_founded": {"invalid": "Year founded must be a year, like 2016"},
            "approximate_size": {"invalid": "Approximate number of members must be a whole number, like 120"},
        }

    field_order = [
        "name",
        "summary",
        "description",
        "network_type",
        "join_policy",
        "regions",
        "sectors",
        "topics",
        "website",
        "year_founded",
        "approximate_size",
        "logo",
        "remove_logo",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["network_type"].choices = NetworkType.choices
        self.fields["join_policy"].choices = JoinPolicy.choices
        self.fields["regions"].queryset = Region.objects.all()
        self.fields["sectors"].queryset = Sector.objects.all()
        if self.instance.pk and not self.is_bound:
            self.initial["topics"] = ", ".join(sorted(tag.name for tag in self.instance.topics.all()))
        if not self.instance.logo:
            del self.fields["remove_logo"]

    def clean_name(self):
        value = " ".join(self.cleaned_data["name"].split())
        if not value:
            raise forms.ValidationError("Enter the name of the network")
        return value

    def clean_website(self):
        value = self.cleaned_data.get("website", "")
        if value and not value.lower().startswith(("http://", "https://")):
            raise forms.ValidationError("Enter a web address starting with http:// or https://")
        return value

    def clean_year_founded(self):
        year = self.cleaned_data.get("year_founded")
        if year is not None and not 1900 <= year <= date.today().year:
            raise forms.ValidationError(f"Year founded must be between 1900 and {date.today().year}")
        return year

    def clean_approximate_size(self):
        size = self.cleaned_data.get("approximate_size")
        if size is not None and not 1 <= size <= 10_000_000:
            raise forms.ValidationError("Approximate number of members must be between 1 and 10,000,000")
        return size

    def clean_topics(self):
        return parse_tags(self.cleaned_data.get("topics", ""), field_label="topics")

    def clean_logo(self):
        return self.clean_image_field("logo", max_size=600)

    def _save_extras(self, network):
        new_logo = self.cleaned_data.get("logo")
        old_logo = network.logo.name if network.logo else None
        if new_logo:
            network.logo.save(new_logo.name, new_logo, save=False)
        elif self.cleaned_data.get("remove_logo"):
            network.logo = ""
        return old_logo

    def save(self, commit=True):
        network = super().save(commit=False)
        old_logo = self._save_extras(network)
        if commit:
            network.save()
            self.save_m2m()
            if old_logo and old_logo != (network.logo.name or None):
                network.logo.storage.delete(old_logo)
        return network

    def _save_m2m(self):
        super()._save_m2m()
        self.instance.topics.set(self.cleaned_data["topics"], clear=True)


class InviteForm(forms.Form):
    email = forms.EmailField(
        label="Email address of the person to invite",
        max_length=254,
        help_text="We will email them a link to join. The link works once and expires after 28 days.",
        error_messages={
            "required": "Enter the email address of the person to invite",
            "invalid": "Enter an email address in the correct format, like name@example.org",
            "max_length": max_length_message("Email address", 254),
        },
    )

    def __init__(self, network, *args, **kwargs):
        self.network = network
        super().__init__(*args, **kwargs)

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if Membership.objects.filter(
            network=self.network, status=Membership.Status.ACTIVE, user__email__iexact=email
        ).exists():
            raise forms.ValidationError(f"{email} is already a member of this network")
        if Invitation.objects.usable().filter(network=self.network, email__iexact=email).exists():
            raise forms.ValidationError(f"{email} has already been invited and the invitation has not expired")
        return email


class ContactNetworkForm(forms.Form):
    subject = forms.CharField(
        label="Subject",
        max_length=150,
        error_messages={"required": "Enter a subject", "max_length": max_length_message("Subject", 150)},
    )
    message = forms.CharField(
        label="Your message",
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="3,000 characters or fewer.",
        error_messages={"required": "Enter your message", "max_length": max_length_message("Your message", 3000)},
    )


class MembershipVisibilityForm(forms.Form):
    show_on_network_page = forms.BooleanField(label="Show me on the network's page", required=False)
