"""Bad input on the profile and email notification forms: a clear message beside the field, the
NHS error summary, an "Error: " title, what was typed kept, nothing saved, never a 500."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from community.members.factories import make_member
from community.members.models import Profile
from source4networks.factories import region
from tests.community.base import CommunityTestCase


def image_file(name="photo.png", size=(64, 64), image_format="PNG", extra=b""):
    buffer = io.BytesIO()
    Image.new("RGB", size, (10, 120, 200)).save(buffer, format=image_format)
    return SimpleUploadedFile(name, buffer.getvalue() + extra, content_type=f"image/{image_format.lower()}")


class ProfileFormTests(CommunityTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = make_member(display_name="Original Name")

    def setUp(self):
        super().setUp()
        self.client.force_login(self.user)
        self.url = reverse("community:account_profile")

    def post(self, **changes):
        data = {"display_name": "Ada Okafor", "job_title": "", "organisation": "", "bio": "", "interests": ""}
        data.update(changes)
        return self.client.post(self.url, data)

    def assertNothingSaved(self):
        self.assertEqual(Profile.objects.get(user=self.user).display_name, "Original Name")

    def test_good_profile_is_saved_with_tags_and_plain_text(self):
        response = self.post(
            job_title="Programme lead",
            organisation="Northfield ICB",
            region=region("london").pk,
            bio="<script>alert(1)</script> I lead <b>things</b>.",
            interests="Frailty, population health, frailty",
            show_in_directory="on",
        )
        self.assertEqual(response.status_code, 302)
        profile = Profile.objects.get(user=self.user)
        self.assertEqual(profile.display_name, "Ada Okafor")
        self.assertEqual(sorted(t.name for t in profile.interests.all()), ["Frailty", "population health"])
        page = self.client.get(reverse("community:member_profile", args=[self.user.username]))
        self.assertNotContains(page, "<script>alert(1)</script>")
        self.assertContains(page, "&lt;script&gt;alert(1)&lt;/script&gt;")

    def test_missing_name(self):
        response = self.post(display_name="   ", organisation="Kept organisation")
        self.assertEqual(response.status_code, 200)
        self.assertFormError_NHS(response, "id_display_name", "Enter your name")
        self.assertContains(response, 'value="Kept organisation"')
        self.assertNothingSaved()

    def test_too_long_fields(self):
        response = self.post(display_name="n" * 101, job_title="j" * 151, bio="b" * 1001)
        self.assertFormError_NHS(response, "id_display_name", "Your name must be 100 characters or fewer")
        self.assertFormError_NHS(response, "id_job_title", "Job title must be 150 characters or fewer")
        self.assertFormError_NHS(response, "id_bio", "About you must be 1000 characters or fewer")
        self.assertNothingSaved()

    def test_wrong_type_of_choice_and_too_many_interests(self):
        response = self.post(region="not-a-number", interests=",".join(f"topic {i}" for i in range(11)))
        self.assertFormError_NHS(response, "id_region", "Select a region from the list")
        self.assertFormError_NHS(response, "id_interests", "Enter 10 interests or fewer")
        self.assertNothingSaved()

    def test_avatar_is_re_encoded_without_trailing_data(self):
        upload = image_file(extra=b"<html><script>alert(1)</script></html>")
        response = self.post(avatar=upload)
        self.assertEqual(response.status_code, 302)
        profile = Profile.objects.get(user=self.user)
        data = profile.avatar.read()
        self.assertNotIn(b"<script>", data)
        self.assertTrue(profile.avatar.name.endswith(".jpg"))
        self.assertNotIn("photo", profile.avatar.name)

    def test_not_an_image(self):
        upload = SimpleUploadedFile("notes.png", b"just some text, not a picture", content_type="image/png")
        response = self.post(avatar=upload, organisation="Typed org")
        self.assertFormError_NHS(response, "id_avatar", "The selected file must be a JPG, PNG or WebP image")
        self.assertContains(response, 'value="Typed org"')
        self.assertNothingSaved()

    def test_svg_and_gif_are_refused(self):
        svg = SimpleUploadedFile("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>', "image/svg+xml")
        self.assertFormError_NHS(self.post(avatar=svg), "id_avatar", "must be a JPG, PNG or WebP image")
        gif = image_file("anim.gif", image_format="GIF")
        self.assertFormError_NHS(self.post(avatar=gif), "id_avatar", "must be a JPG, PNG or WebP image")
        self.assertNothingSaved()

    def test_oversized_upload(self):
        big = SimpleUploadedFile("big.jpg", b"\xff\xd8" + b"0" * (2 * 1024 * 1024 + 10), content_type="image/jpeg")
        response = self.post(avatar=big)
        self.assertFormError_NHS(response, "id_avatar", "The selected file must be 2 MB or smaller")
        self.assertNothingSaved()

    def test_too_many_pixels(self):
        wide = image_file("wide.png", size=(4001, 10))
        response = self.post(avatar=wide)
        self.assertFormError_NHS(response, "id_avatar", "4000 by 4000 pixels or smaller")
        self.assertNothingSaved()


class NotificationFormTests(CommunityTestCase):
    def test_saves_and_refuses_unknown_choices(self):
        user = make_member()
        self.client.force_login(user)
        url = reverse("community:account_notifications")
        response = self.client.post(url, {"notification_frequency": "hourly"})
        self.assertFormError_NHS(response, "id_notification_frequency_0", "Select how often you want emails")
        self.assertEqual(Profile.objects.get(user=user).notification_frequency, "immediate")
        self.client.post(url, {"notification_frequency": "weekly"})
        self.assertEqual(Profile.objects.get(user=user).notification_frequency, "weekly")
