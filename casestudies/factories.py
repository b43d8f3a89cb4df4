import factory

from source4networks.factories import PageFactory
from source4networks.taxonomy import NetworkType

from .models import CaseStudyIndexPage, CaseStudyPage


class CaseStudyPageFactory(PageFactory):
    """A published case study. `topics=[…]`, `sectors=[Sector…]` and `region=` as needed."""

    title = factory.Sequence(lambda n: f"Case study {n}")
    summary = factory.LazyAttribute(lambda page: f"How the network behind {page.title} made a difference.")
    network_name = factory.Sequence(lambda n: f"Network {n}")
    network_type = NetworkType.CLINICAL
    challenge = "<p>The challenge the network faced.</p>"
    what_the_network_did = "<p>What the network did about it.</p>"
    impact = "<p>The difference it made.</p>"
    lessons_learned = "<p>What others can learn.</p>"
    next_steps = "<p>What comes next.</p>"

    class Meta:
        model = CaseStudyPage

    @classmethod
    def default_parent(cls):
        return CaseStudyIndexPage.objects.get()

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if extracted:
            self.topics.add(*extracted)
            self.save()
