"""Verdict events: what changed on a target, as a versioned event for EventBridge and signed webhooks."""
