"""Work-arounds for bugs of the Qt binding we ship with.

PySide6 6.12.0 on CPython 3.11: `SignalInstance.emit()` returns `True` without
taking a reference to it, so every emit from Python leaves `True` one reference
short; after a few thousand emits the interpreter aborts ("Fatal Python error:
bool_dealloc: deallocating True or False"). Every signal in ui/ is emitted
through `emit()`, which gives the missing reference back when, and only when,
the running binding has the bug (checked once at import; CPython 3.12+ makes
`True` immortal, where the bug is harmless).
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal


class _Probe(QObject):
    ping = Signal()


def _emit_drops_a_reference_to_true() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.ping.emit()
    return before - sys.getrefcount(True) >= 8


EMIT_DROPS_TRUE = _emit_drops_a_reference_to_true()
if EMIT_DROPS_TRUE:
    # The probe's 8 emits took 8 references from True: give them back.
    for _ in range(8):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))


def emit(signal: Any, *args: Any) -> None:
    """`signal.emit(*args)`, without the binding's reference leak."""
    signal.emit(*args)
    if EMIT_DROPS_TRUE:
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
