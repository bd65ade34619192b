"""Every piece of text in the metadata, named by where it came from (the names evidence reports)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property

from linkscan.miniprogram.model import MiniProgramMetadata
from linkscan.miniprogram.textmatch import FoldedText, compact, fold


class NamedText:
    """A text and where it came from, with its folded forms computed once and shared by the checks."""

    def __init__(self, name: str, text: str) -> None:
        self.name = name  # "name", "description", "pages[2].text", "pages[2].title", "pages[2].links"...
        self.text = text

    @cached_property
    def compact(self) -> FoldedText:
        return compact(self.text)

    @cached_property
    def spaced(self) -> FoldedText:
        return fold(self.text, keep_spaces=True)


def text_fields(meta: MiniProgramMetadata) -> list[NamedText]:
    """Non-empty texts in a stable order: name, description, pages, navigation labels, contacts."""
    return [field for field in _all_texts(meta) if field.text.strip()]


def _all_texts(meta: MiniProgramMetadata) -> Iterator[NamedText]:
    yield NamedText("name", meta.name)
    yield NamedText("description", meta.description)
    for index, page in enumerate(meta.pages):
        yield NamedText(f"pages[{index}].title", page.title)
        yield NamedText(f"pages[{index}].text", page.text)
        yield NamedText(f"pages[{index}].links", "\n".join(link.text for link in page.links if link.text))
    yield NamedText("navigation", "\n".join(target.label for target in meta.navigation if target.label))
    yield NamedText("contacts", "\n".join(f"{contact.kind}: {contact.value}" for contact in meta.contacts))
