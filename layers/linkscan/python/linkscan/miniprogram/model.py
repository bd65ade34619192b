"""The metadata a platform holds about one mini-program, validated with explicit size limits.

Every limit is a named constant so the API documentation, the JSON Schema and the error messages agree.
Unknown keys are rejected (``extra="forbid"``): whatever a platform adds goes into ``extra``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

APPID_PATTERN = r"^wx[0-9a-f]{16}$"
_APPID_RE = re.compile(APPID_PATTERN)

MAX_NAME = 64
MAX_SHORT = 200
MAX_DESCRIPTION = 2_000
MAX_TEXT = 20_000
MAX_URL = 2_048
MAX_PAGES = 200
MAX_LINKS_PER_PAGE = 500
MAX_IMAGES_PER_PAGE = 20
MAX_CATEGORIES = 20
MAX_QUALIFICATIONS = 50
MAX_NAVIGATION = 100
MAX_CONTACTS = 50
MAX_EXTRA_KEYS = 50

ShortText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=MAX_SHORT)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_NAME)]


def is_http_url(value: str) -> bool:
    """True for an absolute http(s) URL with a host and no whitespace (what a child scan can fetch)."""
    if len(value) > MAX_URL or any(ch.isspace() for ch in value):
        return False
    try:
        parts = urlsplit(value)
        return parts.scheme.lower() in {"http", "https"} and bool(parts.hostname)
    except ValueError:  # e.g. an unbalanced IPv6 bracket or a bad port
        return False


def validate_http_url(value: object) -> str:
    if not isinstance(value, str):
        raise PydanticCustomError("url_type", "expected a URL string")
    value = value.strip()
    if not is_http_url(value):
        raise PydanticCustomError("url", "not a valid http(s) URL")
    return value


def validate_appid(value: object) -> str:
    if not isinstance(value, str) or not _APPID_RE.match(value):
        raise PydanticCustomError("appid", "not a valid appid: 'wx' followed by 16 lowercase hex characters")
    return value


def _optional(check: Callable[[object], str]) -> Callable[[object], str | None]:
    return lambda value: None if value is None else check(value)


def exactly_one(model: BaseModel, first: str, second: str) -> None:
    """For "either this or that" inputs: give one of the two fields, not both, not neither."""
    if (getattr(model, first) is None) == (getattr(model, second) is None):
        raise PydanticCustomError(
            "exactly_one", "give exactly one of {first} or {second}", {"first": first, "second": second}
        )


# StringConstraints, not Field(): a Field() here would be merged with the field's own Field() and drop
# the validator. The constraints repeat what the validators check so the JSON Schema shows them.
_AppIdText = Annotated[str, StringConstraints(pattern=APPID_PATTERN)]
_UrlText = Annotated[str, StringConstraints(max_length=MAX_URL)]
AppId = Annotated[_AppIdText, BeforeValidator(validate_appid)]
OptionalAppId = Annotated[_AppIdText | None, BeforeValidator(_optional(validate_appid))]
HttpUrl = Annotated[_UrlText, BeforeValidator(validate_http_url)]
OptionalHttpUrl = Annotated[_UrlText | None, BeforeValidator(_optional(validate_http_url))]


def target_id_for_appid(appid: str) -> str:
    """Stable verdict id of a mini-program: "m" + the first 32 hex of sha256("miniprogram:" + appid)."""
    return "m" + hashlib.sha256(f"miniprogram:{appid}".encode()).hexdigest()[:32]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Principal(_Strict):
    """The registered developer: the party that answers for the mini-program."""

    name: Name = Field(description="Registered name of the developer (person or company)")
    type: Literal["individual", "enterprise"]
    registration_id: ShortText | None = Field(
        default=None, description="Unified social credit code or other registration number"
    )


class Qualification(_Strict):
    """A licence or qualification the developer filed with the platform."""

    type: Annotated[str, StringConstraints(min_length=1, max_length=MAX_SHORT)] = Field(
        description="Licence kind, e.g. 小额贷款经营许可证, 药品网络销售备案, 烟草专卖零售许可证"
    )
    number: ShortText = ""
    issuer: ShortText = ""


class PageLink(_Strict):
    """A link on a page. A bare URL string is accepted as shorthand for ``{"url": ...}``."""

    url: HttpUrl = Field(description="Absolute http(s) URL")
    text: ShortText = Field(default="", description="Anchor or button text, e.g. 点击下载")

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, data: Any) -> Any:
        # The error for a bare string is reported at the link itself (pages[3].links[0]), not at ".url".
        return {"url": validate_http_url(data)} if isinstance(data, str) else data


class Page(_Strict):
    path: Annotated[str, StringConstraints(max_length=512)] = Field(description="e.g. pages/index/index")
    title: ShortText = ""
    text: Annotated[str, StringConstraints(max_length=MAX_TEXT)] = Field(
        default="", description="Visible text of the page"
    )
    links: list[PageLink] = Field(
        default_factory=list,
        max_length=MAX_LINKS_PER_PAGE,
        description="Links on the page: {url, text} objects, or bare http(s) URL strings",
    )
    images: list[HttpUrl] = Field(
        default_factory=list,
        max_length=MAX_IMAGES_PER_PAGE,
        description="Images shown on the page (banners, QR codes), as http(s) URLs; read for text and QR codes",
    )


class NavigationTarget(_Strict):
    """Where the mini-program itself sends users: a web page (web-view) or another mini-program."""

    url: OptionalHttpUrl = Field(default=None, description="Web page opened in a web-view")
    appid: OptionalAppId = Field(default=None, description="Another mini-program it jumps to")
    label: ShortText = ""

    @model_validator(mode="after")
    def _exactly_one(self) -> NavigationTarget:
        exactly_one(self, "url", "appid")
        return self


class Contact(_Strict):
    """A customer-service contact the developer declared."""

    kind: Literal["wechat", "qq", "phone", "email", "url"]
    value: Annotated[str, StringConstraints(min_length=1, max_length=MAX_SHORT)]


class MiniProgramMetadata(_Strict):
    """Everything linkscan reads about one mini-program. Sizes are capped field by field."""

    appid: AppId = Field(description="'wx' followed by 16 lowercase hex characters")
    name: Name
    description: Annotated[str, StringConstraints(max_length=MAX_DESCRIPTION)] = ""
    principal: Principal
    categories: list[Annotated[str, StringConstraints(min_length=1, max_length=MAX_NAME)]] = Field(
        default_factory=list,
        max_length=MAX_CATEGORIES,
        description="Declared service categories, e.g. 工具-记账, 生活服务, 金融业-小额贷款",
    )
    qualifications: list[Qualification] = Field(default_factory=list, max_length=MAX_QUALIFICATIONS)
    version: Annotated[str, StringConstraints(max_length=32)] = ""
    updated_at: datetime | None = None
    pages: list[Page] = Field(default_factory=list, max_length=MAX_PAGES)
    navigation: list[NavigationTarget] = Field(default_factory=list, max_length=MAX_NAVIGATION)
    contacts: list[Contact] = Field(default_factory=list, max_length=MAX_CONTACTS)
    extra: dict[str, Any] = Field(
        default_factory=dict, max_length=MAX_EXTRA_KEYS, description="Whatever else a platform adds"
    )

    @field_validator("extra")
    @classmethod
    def _extra_is_small(cls, value: dict[str, Any]) -> dict[str, Any]:
        if len(repr(value)) > MAX_TEXT:
            raise PydanticCustomError("extra_size", "too large (at most {limit} characters)", {"limit": MAX_TEXT})
        return value
