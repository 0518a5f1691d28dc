"""Document readers, one module a format, found by file suffix through `registry`.

Adding a format is adding one module here that calls `register(".xyz")` on its reader: every module
of this package is imported below (in name order), and importing a module is what registers it.
"""
import importlib
import pkgutil

from extractors.readers.registry import Format, Reader, reader_for, register, suffixes

_NOT_FORMATS = {"registry", "limits"}
for _module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
    if _module not in _NOT_FORMATS:
        importlib.import_module(f"{__name__}.{_module}")

__all__ = ["Format", "Reader", "reader_for", "register", "suffixes"]
