"""Uploads whose content is not what they claim are refused, with a message beside the field.

Members' pictures (profile picture, network logo): a web page or SVG named .png, a GIF that is
also a script, a picture whose name claims another type, a header claiming billions of pixels;
a real picture with a web page after it is kept, re-encoded without it.

Editors' documents (Wagtail's single and multiple upload): a .pdf that is a web page, a program
renamed .docx, a plain ZIP renamed .xlsx, a web page named .txt; real files of each type the
library holds are kept; other extensions are refused."""

import io
import json
import re
import struct
import zipfile
import zlib

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from PIL import Image
from wagtail.documents import get_document_model

from community.members.factories import make_member
from community.members.models import Profile
from community.networks.models import Network
from tests.community.base import CommunityTestCase

HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"


def picture(image_format="PNG", size=(64, 64), mode="RGB"):
    buffer = io.BytesIO()
    Image.new(mode, size, (10, 120, 200)).save(buffer, format=image_format)
    return buffer.getvalue()


def png_claiming(width, height):
    """A 1x1 PNG whose header claims width x height pixels (the checksum put right)."""
    data = bytearray(picture(size=(1, 1)))
    # Signature (8), chunk length (4), "IHDR" (4), then width and height.
    data[16:24] = struct.pack(">II", width, height)
    crc = zlib.crc32(bytes(data[12:29])) & 0xFFFFFFFF
    data[29:33] = struct.pack(">I", crc)
    return bytes(data)


def gif_script_polyglot():
    """A GIF whose first bytes also read as a script: GIF89a/*...*/=alert(1)."""
    data = bytearray(picture("GIF", size=(10, 10)))
    data[6:8] = b"/*"  # the logical screen width, read as the start of a script comment
    return bytes(data) + b"*/=alert(1);"


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


class MemberPictureTests(CommunityTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = make_member(display_name="Original Name")

    def setUp(self):
        super().setUp()
        self.client.force_login(self.user)

    def post_avatar(self, file):
        data = {"display_name": "New Name", "job_title": "", "organisation": "", "bio": "", "interests": ""}
        return self.client.post(reverse("community:account_profile"), {**data, "avatar": file})

    def assertRefused(self, file, message):
        response = self.post_avatar(file)
        self.assertEqual(response.status_code, 200)
        self.assertFormError_NHS(response, "id_avatar", message)
        profile = Profile.objects.get(user=self.user)
        self.assertEqual(profile.display_name, "Original Name")
        self.assertFalse(profile.avatar)

    def test_web_page_named_png(self):
        self.assertRefused(upload("photo.png", HTML, "image/png"), "The selected file must be a JPG, PNG or WebP image")

    def test_svg_renamed_png(self):
        svg = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="9"/></svg>'
        self.assertRefused(upload("photo.png", svg, "image/png"), "The selected file must be a JPG, PNG or WebP image")

    def test_svg_as_itself(self):
        svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
        self.assertRefused(upload("logo.svg", svg, "image/svg+xml"), "must be a JPG, PNG or WebP image")

    def test_gif_that_is_also_a_script(self):
        self.assertRefused(upload("photo.gif", gif_script_polyglot(), "image/gif"), "must be a JPG, PNG or WebP image")
        self.assertRefused(upload("photo.png", gif_script_polyglot(), "image/png"), "must be a JPG, PNG or WebP image")

    def test_picture_whose_name_claims_another_type(self):
        self.assertRefused(
            upload("photo.png", picture("JPEG"), "image/png"),
            "The selected file is a JPG image but its name ends in .png",
        )
        self.assertRefused(
            upload("photo.webp", picture("PNG"), "image/webp"),
            "The selected file is a PNG image but its name ends in .webp",
        )

    def test_decompression_bomb_headers(self):
        message = "The image must be 4000 by 4000 pixels or smaller"
        # Over the limit: refused from the header alone.
        self.assertRefused(upload("big.png", png_claiming(5000, 5000), "image/png"), message)
        # So many pixels that Pillow itself refuses to open it.
        self.assertRefused(upload("bomb.png", png_claiming(60000, 60000), "image/png"), message)

    def test_broken_picture(self):
        self.assertRefused(upload("photo.png", picture()[:60], "image/png"), "must be a JPG, PNG or WebP image")

    def test_picture_with_a_web_page_after_it_is_re_encoded(self):
        for name, content in (("photo.png", picture() + HTML), ("photo.jpg", picture("JPEG") + HTML)):
            with self.subTest(name=name):
                response = self.post_avatar(upload(name, content, "image/png"))
                self.assertEqual(response.status_code, 302)
                avatar = Profile.objects.get(user=self.user).avatar
                stored = avatar.read()
                self.assertNotIn(b"<script", stored)
                self.assertNotIn(b"<html", stored.lower())
                with Image.open(io.BytesIO(stored)) as image:
                    self.assertEqual(image.size, (64, 64))
                self.assertNotIn("photo", avatar.name)

    def test_network_logo_is_checked_the_same_way(self):
        data = {"name": "Logo network", "summary": "A summary", "network_type": "other", "join_policy": "open"}
        url = reverse("community:network_create")
        for file, message in (
            (upload("logo.png", HTML, "image/png"), "must be a JPG, PNG or WebP image"),
            (upload("logo.png", picture("JPEG"), "image/png"), "is a JPG image but its name ends in .png"),
            (upload("logo.png", png_claiming(9000, 9000), "image/png"), "4000 by 4000 pixels or smaller"),
        ):
            with self.subTest(message=message):
                response = self.client.post(url, {**data, "logo": file})
                self.assertFormError_NHS(response, "id_logo", message)
        self.assertFalse(Network.objects.exists())
        response = self.client.post(url, {**data, "logo": upload("logo.png", picture(mode="RGBA") + HTML, "image/png")})
        self.assertEqual(response.status_code, 302)
        self.assertNotIn(b"<script", Network.objects.get().logo.read())


def zip_of(entries, mimetype=None):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if mimetype:
            archive.writestr(zipfile.ZipInfo("mimetype"), mimetype)
        for name, text in entries:
            archive.writestr(name, text)
    return buffer.getvalue()


def office(part):
    return zip_of([("[Content_Types].xml", "<Types/>"), ("_rels/.rels", "<Relationships/>"), (part, "<x/>")])


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"PE\x00\x00" + b"\x00" * 200
GOOD_DOCUMENTS = {
    "report.pdf": PDF,
    "notes.rtf": b"{\\rtf1\\ansi Network notes}",
    "charter.docx": office("word/document.xml"),
    "budget.xlsx": office("xl/workbook.xml"),
    "slides.pptx": office("ppt/presentation.xml"),
    "minutes.odt": zip_of([("content.xml", "<x/>")], "application/vnd.oasis.opendocument.text"),
    "members.ods": zip_of([("content.xml", "<x/>")], "application/vnd.oasis.opendocument.spreadsheet"),
    "talk.odp": zip_of([("content.xml", "<x/>")], "application/vnd.oasis.opendocument.presentation"),
    "map.csv": "Organisation,Rôle\nNorthfield ICB,Lead\n".encode(),
    "template.txt": "Network charter\r\n\r\nPurpose: …".encode(),
    "legacy.txt": "Caf\xe9 notes".encode("cp1252"),
}
MISMATCHED_DOCUMENTS = {
    "report.pdf": HTML,
    "setup.docx": PROGRAM,
    "budget.xlsx": zip_of([("payload.html", "<script>alert(1)</script>")]),
    "charter.docx": PDF,
    "minutes.odt": office("word/document.xml"),
    "notes.txt": HTML,
    "data.csv": b"  <svg onload=alert(1)>",
    "page.txt": PROGRAM,
    "photo.pdf": picture(),
    "notes.rtf": b"<html>{\\rtf1}</html>",
}
REFUSED_EXTENSIONS = {
    "page.html": HTML,
    "drawing.svg": b"<svg xmlns='http://www.w3.org/2000/svg'/>",
    "bundle.zip": zip_of([("a.txt", "a")]),
    "setup.exe": PROGRAM,
    "deck.key": zip_of([("Index.zip", "x")]),
}


def file_field_errors(response):
    """The text of the errors Wagtail shows beside the document form's file field."""
    html = response.content.decode()
    field = html[html.index('data-contentpath="file"') :]
    errors = field[: field.index("data-field-help")]
    return " ".join(" ".join(re.findall(r'<p class="error-message">(.*?)</p>', errors, re.S)).split())


class EditorDocumentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_member(username="eddie.editor", user_fields={"is_staff": True})
        cls.editor.groups.add(Group.objects.get(name="Editors"))

    def setUp(self):
        self.client.force_login(self.editor)

    def add(self, name, content):
        return self.client.post(
            reverse("wagtaildocs:add"), {"title": name, "file": upload(name, content), "collection": 1}
        )

    def test_real_documents_of_each_type_are_kept(self):
        for name, content in GOOD_DOCUMENTS.items():
            with self.subTest(name=name):
                response = self.add(name, content)
                self.assertEqual(response.status_code, 302, response.content.decode()[:3000])
        self.assertEqual(get_document_model().objects.count(), len(GOOD_DOCUMENTS))

    def test_content_contradicting_the_extension_is_refused(self):
        for name, content in MISMATCHED_DOCUMENTS.items():
            with self.subTest(name=name):
                response = self.add(name, content)
                self.assertEqual(response.status_code, 200)
                extension = name.rsplit(".", 1)[1]
                self.assertEqual(
                    file_field_errors(response),
                    f"The selected file is not a real .{extension} file: its content is of another type. "
                    "Save it again as that type, or upload it with the extension that matches it",
                )
        self.assertFalse(get_document_model().objects.exists())

    def test_other_types_are_refused(self):
        for name, content in REFUSED_EXTENSIONS.items():
            with self.subTest(name=name):
                response = self.add(name, content)
                self.assertEqual(response.status_code, 200)
                extension = name.rsplit(".", 1)[1]
                self.assertIn(f"File extension “{extension}” is not allowed", file_field_errors(response))
        self.assertFalse(get_document_model().objects.exists())

    def test_multiple_upload_is_checked_too(self):
        url = reverse("wagtaildocs:add_multiple")
        response = self.client.post(url, {"files[]": upload("report.pdf", HTML)})
        answer = json.loads(response.content)
        self.assertFalse(answer["success"])
        self.assertIn("not a real .pdf file", answer["error_message"])
        response = self.client.post(url, {"files[]": upload("report.pdf", PDF)})
        self.assertTrue(json.loads(response.content)["success"])
        self.assertEqual(get_document_model().objects.count(), 1)

    def test_replacing_a_file_is_checked(self):
        self.add("report.pdf", PDF)
        document = get_document_model().objects.get()
        response = self.client.post(
            reverse("wagtaildocs:edit", args=[document.pk]),
            {"title": "Report", "file": upload("report.pdf", HTML), "collection": 1},
        )
        self.assertContains(response, "The selected file is not a real .pdf file")
        document.refresh_from_db()
        with document.file.open() as file:
            self.assertTrue(file.read().startswith(b"%PDF"))
