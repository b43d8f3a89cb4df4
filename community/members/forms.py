"""Forms for a member's profile and settings. Error
messages follow the NHS service manual: say what to do ("Enter your name")."""

from django import forms

from source4networks.formutils import (
    ImageUploadMixin,
    RowChoiceField,
    image_field,
    max_length_message,
    parse_tags,
    tags_field,
)

from .models import NotificationFrequency, Profile


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
        "show_as_leader_publicly",
    ]

    class Meta:
        model = Profile
        fields = [
            "display_name",
            "job_title",
            "organisation",
            "region",
            "sector",
            "bio",
            "show_in_directory",
            "show_as_leader_publicly",
        ]
        labels = {
            "display_name": "Your name",
            "bio": "About you (optional)",
            "job_title": "Job title (optional)",
            "organisation": "Organisation (optional)",
            "region": "Region (optional)",
            "sector": "Sector (optional)",
            "show_as_leader_publicly": "Show me as a leader publicly",
        }
        help_texts = {
            "display_name": "The name other members see.",
            "bio": "A few sentences about your work and what you would like to talk about. 1,000 characters or fewer.",
            "show_in_directory": "Other signed-in members can find you in the member directory and see your whole "
            "profile. If you leave this unticked, they see only your name and your posts.",
            "show_as_leader_publicly": "If you lead a network, visitors who are not signed in see your name, job title "
            "and organisation on the network's page. Signed-in members always see who leads a network.",
        }
        error_messages = {
            "display_name": {"required": "Enter your name", "max_length": max_length_message("Your name", 100)},
            "job_title": {"max_length": max_length_message("Job title", 150)},
            "organisation": {"max_length": max_length_message("Organisation", 150)},
            "bio": {"max_length": max_length_message("About you", 1000)},
            "region": {"invalid_choice": "Select a region from the list"},
            "sector": {"invalid_choice": "Select a sector from the list"},
        }
        field_classes = {"region": RowChoiceField, "sector": RowChoiceField}
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
