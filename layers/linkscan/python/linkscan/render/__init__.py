"""The render step: headless Chromium for script-shell pages, QR codes and OCR for images.

Light to import: the scanner imports ``renderer_for`` and the policy on every scan; the browser
driver, Pillow, zxing-cpp and the OCR engine load only when the policy asks for the step.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from linkscan.render.deepen import Renderer, RenderFailed
from linkscan.render.models import RenderReport, RenderRequest

if TYPE_CHECKING:
    from linkscan.images.inspect import EvidenceObject
    from linkscan.settings import AnalysisSettings, FetchSettings, RenderSettings

__all__ = ["LocalRenderer", "RenderFailed", "RenderReport", "RenderRequest", "Renderer", "renderer_for"]


class LocalRenderer:
    """Runs the render step in this process, with this machine's Chromium."""

    def __init__(
        self, fetch_settings: FetchSettings, settings: RenderSettings, analysis: AnalysisSettings | None = None
    ) -> None:
        self.fetch_settings = fetch_settings
        self.settings = settings
        self.analysis = analysis

    def __call__(self, request: RenderRequest) -> tuple[RenderReport, list[EvidenceObject]]:
        from linkscan.render.browser import RenderUnavailable
        from linkscan.render.step import run_render

        try:
            return run_render(request, self.fetch_settings, self.settings, self.analysis)
        except RenderUnavailable as exc:
            raise RenderFailed(str(exc)) from exc
        except Exception as exc:
            # An optional step: the HTML's verdict stands, with the failure as a reason (and in the logs).
            logging.getLogger(__name__).exception("render step failed")
            raise RenderFailed(f"render step failed: {type(exc).__name__}: {exc}") from exc


def renderer_for(
    settings: RenderSettings, fetch_settings: FetchSettings, analysis: AnalysisSettings | None = None
) -> Renderer | None:
    """The renderer the settings ask for: None ("off"), in-process ("local") or the RenderFunction ("lambda")."""
    if settings.mode == "local":
        return LocalRenderer(fetch_settings, settings, analysis)
    if settings.mode == "lambda":
        from linkscan.storage.render_invoker import LambdaRenderer

        return LambdaRenderer(settings.function_name)
    return None
