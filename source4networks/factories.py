"""Factories shared by the tests, the demo content and the benchmarks.

Page factories add each page under its parent in the tree and publish it (live, with a
first-published time), without a revision: fast enough to build hundreds of pages."""

import io
import random

import factory
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Page

from .models import HomePage, Region, Sector, StandardPage


def home_page():
    return HomePage.objects.get()


def sector(slug):
    return Sector.objects.get(slug=slug)


def region(slug):
    return Region.objects.get(slug=slug)


class PageFactory(factory.django.DjangoModelFactory):
    """Base for page factories: pass `parent=` or let the subclass choose its section."""

    title = factory.Sequence(lambda n: f"Page {n}")
    live = True
    first_published_at = factory.LazyFunction(timezone.now)
    last_published_at = factory.SelfAttribute("first_published_at")

    class Meta:
        abstract = True
        # Post-generation hooks (topics) save the page themselves.
        skip_postgeneration_save = True

    @classmethod
    def default_parent(cls):
        return home_page()

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        m2m_names = {field.name for field in model_class._meta.many_to_many}
        many_to_many = {name: kwargs.pop(name) for name in list(kwargs) if name in m2m_names}
        page = model_class(*args, **kwargs)
        (parent or cls.default_parent()).add_child(instance=page)
        for name, values in many_to_many.items():
            getattr(page, name).set(values)
        if many_to_many:
            page.save()
        return page


class StandardPageFactory(PageFactory):
    summary = factory.Sequence(lambda n: f"Summary of page {n}.")
    show_in_menus = True

    class Meta:
        model = StandardPage


def make_image(title, colour=None, size=(960, 540)):
    """An original picture drawn here (a coloured panel with simple shapes), saved as a
    Wagtail image with its description (alt text)."""
    colour = colour or (0, 94, 184)
    picture = PILImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(picture)
    # Repeatable shapes for a given title: a drawing, not security.
    rng = random.Random(title)  # nosec B311
    for _ in range(12):
        x, y = rng.randrange(size[0]), rng.randrange(size[1])
        radius = rng.randrange(20, 90)
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), outline=(255, 255, 255), width=6)
    for _ in range(8):
        a = (rng.randrange(size[0]), rng.randrange(size[1]))
        b = (rng.randrange(size[0]), rng.randrange(size[1]))
        draw.line((a, b), fill=(255, 255, 255), width=3)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    slug = "".join(ch if ch.isalnum() else "-" for ch in title.lower())[:60]
    image = get_image_model()(title=title, description=f"Illustration: {title}")
    image.file = ImageFile(buffer, name=f"{slug}.png")
    image.save()
    return image


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    first_name = "Sam"
    last_name = factory.Sequence(lambda n: f"Person{n}")
    password = factory.django.Password("correct horse battery staple")

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)


__all__ = ["Page", "PageFactory", "StandardPageFactory", "UserFactory", "home_page", "make_image", "region", "sector"]
