"""Detection of cash-loan, counterfeit and contraband offerings in page and mini-program text.

    from linkscan.detect import Detector, Detection, TextField
    detector = Detector.load(settings)          # compiled once per settings, per process
    detection = detector.detect([TextField("title", title), TextField("text", body)])

Names are resolved lazily so importing the package costs nothing until a detector is needed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from linkscan.detect.engine import Detection, Detector, TextField

__all__ = ["Detection", "Detector", "TextField"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from linkscan.detect import engine  # lazy on purpose

        return getattr(engine, name)
    raise AttributeError(name)
