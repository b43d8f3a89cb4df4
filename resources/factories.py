import factory

from source4networks.factories import PageFactory
from source4networks.taxonomy import ResourceType

from .models import ResourceIndexPage, ResourcePage


class ResourcePageFactory(PageFactory):
    """A published resource. `topics=["a", "b"]` tags it; `sectors=[Sector…]` sets sectors."""

    title = factory.Sequence(lambda n: f"Resource {n}")
    summary = factory.LazyAttribute(lambda page: f"A short summary of {page.title}.")
    resource_type = ResourceType.GUIDE
    source_organisation = "NHS England"

    class Meta:
        model = ResourcePage

    @classmethod
    def default_parent(cls):
        return ResourceIndexPage.objects.get()

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if extracted:
            self.topics.add(*extracted)
            self.save()
