"""Rescans of listed targets and their liveness."""
