"""Bounds on what one untrusted file may make a reader do, so a hostile file cannot stall or kill
a batch (a 265 KB .docx can inflate to 50 MB of XML, ~150x that in a DOM).

Four limits are settings (KG_MAX_DOCX_XML_MB, KG_MAX_PDF_PAGES, KG_MAX_FILE_MB, KG_MAX_DOCUMENT_CHARS), read
here once; readers look them up at call time (`limits.MAX_PDF_PAGES`), so changing them here changes every reader
(KG_MAX_DOCUMENT_CHARS is extraction's: `extractors.pipeline.extract_windows`).
"""
from __future__ import annotations

from schema.settings import load_settings

_SETTINGS = load_settings()
MAX_DOCX_XML_BYTES = _SETTINGS.kg_max_docx_xml_mb * 1024 * 1024  # word/document.xml
MAX_ZIP_TOTAL_BYTES = 4 * MAX_DOCX_XML_BYTES  # every entry of the .docx together
MAX_ZIP_ENTRIES = 2000
MAX_PDF_PAGES = _SETTINGS.kg_max_pdf_pages
MAX_FILE_BYTES = _SETTINGS.kg_max_file_mb * 1024 * 1024  # refused before it is read
MAX_DOCUMENT_CHARS = _SETTINGS.kg_max_document_chars  # the text a reader gives, normalised: longer is refused
MAX_HTML_DEPTH = 4000  # nested elements; lexbor's parse time grows with the square of the depth
