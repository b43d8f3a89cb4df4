"""Checking and re-encoding images that members upload (profile pictures, network logos).

Pillow will open a file whose header is a valid image even when HTML or a script follows
it, so an upload is never stored as sent: it is checked, then drawn again into a fresh
PNG or JPEG with no metadata (EXIF location, comments) and nothing after the pixels. Only
JPEG, PNG and WebP are read (never SVG, which can hold script), the file's name must agree
with its content, and a header claiming more pixels than allowed is refused before decoding."""

import io
import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
MAX_DIMENSION = 4000
ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP"}
TYPE_ERROR = "The selected file must be a JPG, PNG or WebP image"
# The file names each format may arrive with: a file whose name claims another type than its
# content (an SVG or web page renamed .png, a JPEG named .webp) is refused.
EXTENSIONS = {"JPEG": {"jpg", "jpeg", "jpe", "jfif"}, "PNG": {"png"}, "WEBP": {"webp"}}
NAMES = {"JPEG": "JPG", "PNG": "PNG", "WEBP": "WebP"}


def _size_error():
    return ValidationError(
        f"The image must be {MAX_DIMENSION} by {MAX_DIMENSION} pixels or smaller", code="too_many_pixels"
    )


def _check_name(name, image_format):
    if "." not in name:
        return  # A name without an extension claims no type.
    extension = name.rsplit(".", 1)[-1].lower()
    if extension not in EXTENSIONS[image_format]:
        raise ValidationError(
            f"The selected file is a {NAMES[image_format]} image but its name ends in .{extension}: "
            "rename it or save it again as the type its name says",
            code="wrong_extension",
        )


def clean_image_upload(upload, max_size=512):
    """Validate an uploaded image and return a re-encoded copy (a ContentFile with a new,
    random name), scaled to fit `max_size` pixels. Raises ValidationError with a message
    for the person who uploaded it."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError("The selected file must be 2 MB or smaller", code="file_too_large")
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            image_format = probe.format
            width, height = probe.size
            if image_format not in ALLOWED_FORMATS:
                raise ValidationError(TYPE_ERROR, code="wrong_type")
            _check_name(getattr(upload, "name", None) or "", image_format)
            if width > MAX_DIMENSION or height > MAX_DIMENSION:
                raise _size_error()
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            image.load()
            image = ImageOps.exif_transpose(image)
            has_alpha = image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)
            image = image.convert("RGBA" if has_alpha else "RGB")
            image.thumbnail((max_size, max_size))
            # A new image holds the pixels only: no EXIF, ICC, comments or trailing data.
            clean = Image.new(image.mode, image.size)
            clean.paste(image)
    except ValidationError:
        raise
    except Image.DecompressionBombError as error:
        # Pillow refuses to open a header claiming far more pixels than MAX_DIMENSION allows.
        raise _size_error() from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(TYPE_ERROR, code="wrong_type") from error
    buffer = io.BytesIO()
    if has_alpha:
        clean.save(buffer, format="PNG", optimize=True)
        extension = "png"
    else:
        clean.save(buffer, format="JPEG", quality=85, optimize=True)
        extension = "jpg"
    return ContentFile(buffer.getvalue(), name=f"{uuid.uuid4().hex}.{extension}")
