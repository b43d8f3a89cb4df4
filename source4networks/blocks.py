"""StreamField blocks shared by every page type that has a body."""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(choices=[("h2", "Level 2"), ("h3", "Level 3"), ("h4", "Level 4")], default="h2")

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"


class ImageBlock(blocks.StructBlock):
    """An image with the alternative text that describes it for people who cannot see it."""

    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(max_length=250, help_text="Describe the image for people who cannot see it. Required.")
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"


class InsetTextBlock(blocks.StructBlock):
    text = blocks.RichTextBlock(features=["bold", "italic", "link"])

    class Meta:
        icon = "pick"
        label = "Inset text / call-out"
        template = "blocks/inset_text_block.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    title = blocks.CharBlock(required=False, max_length=200, help_text="Defaults to the document's title.")

    class Meta:
        icon = "doc-full"
        label = "Document download"
        template = "blocks/document_block.html"


class EmbedMediaBlock(blocks.StructBlock):
    embed = EmbedBlock(help_text="A YouTube or Vimeo address, for example.")
    title = blocks.CharBlock(max_length=200, help_text="What the video or audio is, for screen reader users.")

    class Meta:
        icon = "media"
        label = "Embed"
        template = "blocks/embed_block.html"


class BodyBlock(blocks.StreamBlock):
    rich_text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, template="blocks/rich_text_block.html")
    heading = HeadingBlock()
    quote = QuoteBlock()
    image = ImageBlock()
    embed = EmbedMediaBlock()
    inset_text = InsetTextBlock()
    document = DocumentBlock()


class KeyFactBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=80)
    value = blocks.CharBlock(max_length=200)

    class Meta:
        icon = "list-ul"
