"""Webhook subscriptions: register a URL (checked by the fetcher's destination rules), list deliveries."""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import TYPE_CHECKING

from linkscan.clock import stamp
from linkscan.errors import InvalidInputError, InvalidUrlError, NotFoundError
from linkscan.events.signing import new_secret
from linkscan.events.webhooks import Subscription
from linkscan.platform_api_models import DeliveryList, DeliveryView, WebhookCreated, WebhookRequest

if TYPE_CHECKING:
    from linkscan.platform_settings import PlatformSettings
    from linkscan.storage.platform import PlatformRecords


def register(
    request: WebhookRequest,
    *,
    owner: str,
    now: datetime,
    base_url: str,
    settings: PlatformSettings,
    records: PlatformRecords,
) -> WebhookCreated:
    """Store a subscription owned by the caller; its secret is returned once and never shown again."""
    from linkscan.fetch.destination import DestinationRefused, check_url  # the fetcher package: only here

    try:
        dest = check_url(request.url, settings.fetch)
    except (InvalidUrlError, DestinationRefused) as exc:
        raise InvalidInputError(f"url: {exc}", field="url") from exc
    if dest.scheme != "https" and not settings.fetch.allow_loopback:
        raise InvalidInputError("url: webhooks are delivered over https only", field="url")
    subscription = Subscription(
        subscription_id="wh_" + secrets.token_hex(8),
        url=dest.url,
        owner=owner,
        secret=new_secret(),
        kinds=tuple(request.kinds),
        created_at=stamp(now),
    )
    records.add_subscription(subscription)
    return WebhookCreated(
        subscription_id=subscription.subscription_id,
        url=subscription.url,
        kinds=list(subscription.kinds),
        secret=subscription.secret,
        deliveries_url=f"{base_url}/v1/webhooks/{subscription.subscription_id}/deliveries",
    )


def deliveries(subscription_id: str, *, owner: str, limit: int, records: PlatformRecords) -> DeliveryList:
    """A subscription's recent deliveries, for its owner only (anyone else: not found)."""
    subscription = records.subscription(subscription_id)
    if subscription is None or subscription.owner != owner:
        raise NotFoundError(f"no webhook {subscription_id}")
    return DeliveryList(
        subscription_id=subscription_id,
        url=subscription.url,
        deliveries=[
            DeliveryView.model_validate(delivery.__dict__)
            for delivery in records.deliveries(subscription_id, limit)
            if delivery.state != "delivering"
        ],
    )
