"""Checking documents that editors upload to the library.

Wagtail checks a document's extension only; a file named report.pdf may hold an HTML page or a
program. The content must be of the type the extension names: binary formats by their
signature (read by the `filetype` library), text formats (CSV, plain text) by being text that
is not a web page."""

import zipfile

import filetype
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm

# Extension -> the types `filetype` may report for it. The Office and OpenDocument formats are
# ZIP files inside: `filetype` names the format when it can read the parts that say so.
BINARY_TYPES = {
    "pdf": {"pdf"},
    "rtf": {"rtf"},
    "docx": {"docx"},
    "xlsx": {"xlsx"},
    "pptx": {"pptx"},
    "odt": {"odt"},
    "ods": {"ods"},
    "odp": {"odp"},
}
# The part of a ZIP file that names an OpenDocument or Office format, when `filetype` does not.
ZIP_MARKERS = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
}
TEXT_EXTENSIONS = {"csv", "txt"}
# Web pages and scripts a browser might run if the file were ever shown inline.
HTML_STARTS = (b"<!doctype html", b"<html", b"<script", b"<svg", b"<?xml", b"<head", b"<body", b"<iframe")
SNIFF_BYTES = 8192


def _head(upload, size=SNIFF_BYTES):
    upload.seek(0)
    head = upload.read(size)
    upload.seek(0)
    return head


def _as_text(head):
    """The sample as text (UTF-8, or Windows' Western encoding), or None for binary data."""
    try:
        return head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut at the end of the sample is still text.
        if error.start >= len(head) - 3:
            return head[: error.start].decode("utf-8")
    try:
        return head.decode("cp1252")
    except UnicodeDecodeError:
        return None


def _zip_names(upload):
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return set()
    finally:
        upload.seek(0)


def _mimetype_entry(upload):
    """An OpenDocument file names its type in a first, uncompressed "mimetype" entry."""
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            return archive.read("mimetype").decode("ascii", "replace").strip()
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return ""
    finally:
        upload.seek(0)


OPENDOCUMENT_TYPES = {
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
}


def content_matches(upload, extension):
    """Whether the upload's bytes are of the type its extension names."""
    head = _head(upload)
    if extension in TEXT_EXTENSIONS:
        if b"\x00" in head or filetype.guess(head) is not None:
            return False
        text = _as_text(head)
        return text is not None and not text.lstrip("\ufeff \t\r\n").lower().encode().startswith(HTML_STARTS)
    kind = filetype.guess(head)
    found = kind.extension if kind else None
    if found in BINARY_TYPES.get(extension, set()):
        return True
    if found == "zip" or (found is None and head.startswith(b"PK\x03\x04")):
        if extension in OPENDOCUMENT_TYPES:
            return _mimetype_entry(upload) == OPENDOCUMENT_TYPES[extension]
        if extension in ZIP_MARKERS:
            return ZIP_MARKERS[extension] in _zip_names(upload)
    return False


def check_document_file(upload):
    """Raise ValidationError, with a message for the editor, when the file's content is not the
    type its extension claims."""
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if extension not in BINARY_TYPES and extension not in TEXT_EXTENSIONS:
        return  # Wagtail refuses extensions outside WAGTAILDOCS_EXTENSIONS with its own message.
    if not content_matches(upload, extension):
        raise ValidationError(
            f"The selected file is not a real .{extension} file: its content is of another type. "
            "Save it again as that type, or upload it with the extension that matches it",
            code="content_mismatch",
        )


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form (single and multiple upload), refusing a file whose content
    contradicts its extension."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            check_document_file(upload)
        return upload

    def _post_clean(self):
        # The model's own extension check then sees no file and adds "File extension “” is not
        # allowed" after the field's real error: keep the field's errors only.
        file_errors = list(self._errors.get("file", []))
        super()._post_clean()
        if file_errors:
            self._errors["file"] = self.error_class(file_errors)
