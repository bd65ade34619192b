"""What analysis found on a page, in the shapes detection consumes."""

from __future__ import annotations

from dataclasses import dataclass, field

SENSITIVE_KINDS = ("id_card", "bank_card", "contacts", "password", "sms_code")
CONTACT_KINDS = ("wechat", "qq", "phone", "telegram", "whatsapp", "line", "tel")


@dataclass(frozen=True)
class Link:
    url: str  # absolute for http(s); other schemes (weixin:, tel:, itms-services:) as written
    text: str


@dataclass(frozen=True)
class FormField:
    name: str
    type: str
    label: str
    placeholder: str
    sensitive: tuple[str, ...] = ()  # kinds from SENSITIVE_KINDS this field asks for


@dataclass(frozen=True)
class Form:
    action: str
    method: str
    fields: tuple[FormField, ...]

    @property
    def sensitive(self) -> set[str]:
        return {kind for f in self.fields for kind in f.sensitive}


@dataclass(frozen=True)
class Download:
    url: str
    kind: str  # file extension ("apk", "ipa", "exe"...) or "itms-services"
    text: str = ""


@dataclass(frozen=True)
class Contact:
    kind: str  # one of CONTACT_KINDS
    value: str
    source: str  # "text", "hidden_text", "link"


@dataclass
class PageFeatures:
    url: str | None = None
    title: str = ""
    description: str = ""
    keywords: str = ""
    og: dict[str, str] = field(default_factory=dict)
    text: str = ""
    hidden_text: str = ""
    links: list[Link] = field(default_factory=list)
    forms: list[Form] = field(default_factory=list)
    iframes: list[str] = field(default_factory=list)
    downloads: list[Download] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    offplatform_links: list[Link] = field(default_factory=list)
    image_alts: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)  # absolute image URLs (src, or a lazy loader's data-src)
    image_text: str = ""  # text read from the images by OCR (the render step), judged like the page's text
    limit: str | None = None  # which analysis bound was hit, if any (the text was still read whole)

    def text_fields(self) -> list[tuple[str, str]]:
        """(field name, text) pairs for detection; empty fields are left out."""
        form_text = " ".join(
            part for form in self.forms for f in form.fields for part in (f.label, f.placeholder) if part
        )
        pairs = [
            ("title", self.title),
            ("meta.description", self.description),
            ("meta.keywords", self.keywords),
            ("og", " ".join(self.og.values())),
            ("text", self.text),
            ("hidden_text", self.hidden_text),
            ("links", " ".join(link.text for link in self.links if link.text)),
            ("forms", form_text),
            ("image_alt", " ".join(self.image_alts)),
            ("image_text", self.image_text),
        ]
        return [(name, text) for name, text in pairs if text]

    def signals(self) -> dict[str, float]:
        """Structured offering signals; every key is always present so consumers see a stable shape."""
        result: dict[str, float] = {
            "contact_handle": float(len({(c.kind, c.value) for c in self.contacts})),
            "offplatform_link": float(len(self.offplatform_links)),
            "app_download": float(len(self.downloads)),
            "iframe": float(len(self.iframes)),
            "form": float(len(self.forms)),
            "hidden_text": 1.0 if self.hidden_text else 0.0,
        }
        for kind in CONTACT_KINDS:
            result[f"contact.{kind}"] = float(sum(1 for c in self.contacts if c.kind == kind))
        asked = {kind for form in self.forms for kind in form.sensitive}
        for kind in SENSITIVE_KINDS:
            result[f"sensitive_form.{kind}"] = 1.0 if kind in asked else 0.0
        return result
