"""Uploaded files served by the site itself when they are on its disk (production too):
pictures with a cache lifetime and a policy that lets them run nothing, documents only
through Wagtail's serve view (which checks their collection's privacy)."""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import SimpleTestCase, TestCase, override_settings
from wagtail.documents import get_document_model

from source4networks import media
from source4networks.factories import make_image
from tests.site.test_security import run_python


class MediaServingTests(TestCase):
    def test_an_image_rendition_is_served_with_a_cache_lifetime(self):
        image = make_image("Harbour at dawn")
        rendition = image.get_rendition("fill-120x80")
        response = self.client.get(rendition.url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "image/png")
        self.assertEqual(response["Cache-Control"], "public, max-age=86400")
        self.assertIn("sandbox", response["Content-Security-Policy"])
        self.assertEqual(b"".join(response.streaming_content)[:8], b"\x89PNG\r\n\x1a\n")

    def test_a_missing_file_is_the_sites_404(self):
        response = self.client.get("/media/avatars/nobody-here.jpg")
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, "Page not found", status_code=404)

    def test_documents_are_served_only_through_their_view(self):
        document = get_document_model()(title="Board terms of reference")
        document.file.save("terms.pdf", ContentFile(b"%PDF-1.4\n" + b"0" * 100), save=False)
        document.file_size = document.file.size
        document.save()
        self.assertEqual(self.client.get(f"/media/{document.file.name}").status_code, 404)
        response = self.client.get(document.url)
        self.assertEqual(response.status_code, 200)
        self.assertTrue(b"".join(response.streaming_content).startswith(b"%PDF-1.4"))

    def test_hidden_files_are_not_served(self):
        default_storage.save(".secret", ContentFile(b"x"))
        try:
            self.assertEqual(self.client.get("/media/.secret").status_code, 404)
        finally:
            default_storage.delete(".secret")

    @override_settings(SERVE_MEDIA=False)
    def test_no_media_address_when_something_else_serves_media(self):
        self.assertEqual(media.urlpatterns(), [])


class MediaStorageSettingTests(SimpleTestCase):
    SHOW = (
        "import source4networks.settings.test as s; d = s.STORAGES['default']; "
        "print(d['BACKEND'], s.SERVE_MEDIA, sorted((k, v) for k, v in d.get('OPTIONS', {}).items() if v is not None))"
    )

    def test_local_disk_by_default_served_by_the_site(self):
        result = run_python(["-c", self.SHOW])
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.strip(), "django.core.files.storage.FileSystemStorage True []")

    def test_a_bucket_moves_media_to_object_storage(self):
        result = run_python(
            ["-c", self.SHOW],
            AWS_STORAGE_BUCKET_NAME="s4n-media",
            AWS_S3_ENDPOINT_URL="https://objects.example.org",
            AWS_S3_REGION_NAME="eu-west-2",
            AWS_S3_CUSTOM_DOMAIN="media.example.org",
        )
        self.assertEqual(result.returncode, 0, result.stderr)
        backend, serve_media, options = result.stdout.strip().split(" ", 2)
        self.assertEqual((backend, serve_media), ("storages.backends.s3.S3Storage", "False"))
        for expected in (
            "('bucket_name', 's4n-media')",
            "('endpoint_url', 'https://objects.example.org')",
            "('region_name', 'eu-west-2')",
            "('custom_domain', 'media.example.org')",
            "('file_overwrite', False)",
        ):
            self.assertIn(expected, options)
