"""Document readers, one module a format, found by file suffix through `registry`.

Adding a format means adding one module here that calls `register(".xyz")` on its reader, and
its name to the import line below (importing the module is what registers it).
"""
from extractors.readers.registry import Format, Reader, reader_for, register, suffixes

from extractors.readers import text, docx, pdf, html  # noqa: F401 - the built-in formats, in this order

__all__ = ["Format", "Reader", "reader_for", "register", "suffixes"]
