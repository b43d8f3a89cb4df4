"""Forms for accounts, profiles, networks and messages. Error messages follow the NHS
service manual: say what to do ("Enter your name"), not what went wrong."""

from datetime import date

from django import forms

from source4networks.models import Region, Sector
from source4networks.taxonomy import NetworkType

from .formutils import max_length_message, parse_tags
from .images import clean_image_upload
from .models import Invitation, JoinPolicy, Membership, Network, NotificationFrequency, Profile

# --- Profile and settings ------------------------------------------------------------


class ImageUploadMixin:
    """Checks an optional image field and swaps the upload for a re-encoded copy."""

    def clean_image_field(self, name, max_size=512):
        upload = self.cleaned_data.get(name)
        if not upload or not hasattr(upload, "size") or upload == getattr(self.instance, name):
            return None
        return clean_image_upload(upload, max_size=max_size)


def tags_field(name, example):
    """Free tags typed as one line, separated by commas."""
    return forms.CharField(
        label=f"{name} (optional)",
        required=False,
        max_length=600,
        help_text=f"Separate topics with commas, for example: {example}.",
        error_messages={"max_length": max_length_message(name, 600)},
    )


def image_field(label):
    """An optional image upload; ImageUploadMixin checks and re-encodes what arrives."""
    return forms.FileField(
        label=f"{label} (optional)",
        required=False,
        help_text="A JPG, PNG or WebP image, 2 MB or smaller.",
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        error_messages={
            "invalid": "The selected file must be a JPG, PNG or WebP image",
            "empty": "The selected file is empty",
        },
    )


class ProfileForm(ImageUploadMixin, forms.ModelForm):
    interests = tags_field("Interests", "population health, frailty, co-production")
    avatar = image_field("Profile picture")
    remove_avatar = forms.BooleanField(label="Remove my profile picture", required=False)

    field_order = [
        "display_name",
        "job_title",
        "organisation",
        "region",
        "sector",
        "bio",
        "interests",
        "avatar",
        "remove_avatar",
        "show_in_directory",
    ]

    class Meta:
        model = Profile
        fields = ["display_name", "job_title", "organisation", "region", "sector", "bio", "show_in_directory"]
        labels = {
            "display_name": "Your name",
            "bio": "About you (optional)",
            "job_title": "Job title (optional)",
            "organisation": "Organisation (optional)",
            "region": "Region (optional)",
            "sector": "Sector (optional)",
        }
        help_texts = {
            "display_name": "The name other members see.",
            "bio": "A few sentences about your work and what you would like to talk about. 1,000 characters or fewer.",
            "show_in_directory": "Other signed-in members can find you in the member directory.",
        }
        error_messages = {
            "display_name": {"required": "Enter your name", "max_length": max_length_message("Your name", 100)},
            "job_title": {"max_length": max_length_message("Job title", 150)},
            "organisation": {"max_length": max_length_message("Organisation", 150)},
            "bio": {"max_length": max_length_message("About you", 1000)},
            "region": {"invalid_choice": "Select a region from the list"},
            "sector": {"invalid_choice": "Select a sector from the list"},
        }
        widgets = {"bio": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].empty_label = "Choose a region"
        self.fields["sector"].empty_label = "Choose a sector"
        if self.instance.pk and not self.is_bound:
            self.initial["interests"] = ", ".join(sorted(tag.name for tag in self.instance.interests.all()))
        if not self.instance.avatar:
            del self.fields["remove_avatar"]

    def clean_display_name(self):
        value = " ".join(self.cleaned_data["display_name"].split())
        if not value:
            raise forms.ValidationError("Enter your name")
        return value

    def clean_interests(self):
        return parse_tags(self.cleaned_data.get("interests", ""))

    def clean_avatar(self):
        return self.clean_image_field("avatar")

    def save(self, commit=True):
        profile = super().save(commit=False)
        new_avatar = self.cleaned_data.get("avatar")
        old_avatar = profile.avatar.name if profile.avatar else None
        if new_avatar:
            profile.avatar.save(new_avatar.name, new_avatar, save=False)
        elif self.cleaned_data.get("remove_avatar"):
            profile.avatar = ""
        profile.save()
        profile.interests.set(self.cleaned_data["interests"], clear=True)
        if old_avatar and old_avatar != (profile.avatar.name or None):
            profile.avatar.storage.delete(old_avatar)
        return profile


class NotificationForm(forms.ModelForm):
    class Meta:
        model = Profile
        fields = ["notification_frequency"]
        labels = {"notification_frequency": "How often should we email you about discussions you follow?"}
        widgets = {"notification_frequency": forms.RadioSelect}
        error_messages = {
            "notification_frequency": {
                "required": "Select how often you want emails",
                "invalid_choice": "Select how often you want emails",
            }
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["notification_frequency"].choices = NotificationFrequency.choices


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Enter your password"},
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("The password is not correct")
        return password


# --- Networks -------------------------------------------------------------------------


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
