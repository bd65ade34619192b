"""Page analysis: HTML and text into the features detection scores (text fields and signals)."""

from linkscan.analyze.features import Contact, Download, Form, FormField, Link, PageFeatures
from linkscan.analyze.page import analyze_html, analyze_text

__all__ = [
    "Contact",
    "Download",
    "Form",
    "FormField",
    "Link",
    "PageFeatures",
    "analyze_html",
    "analyze_text",
]
