"""Public reports of links."""
