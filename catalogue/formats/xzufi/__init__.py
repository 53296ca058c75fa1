"""XZuFi 2.2 (namespace http://xoev.de/schemata/xzufi/2_2_0): read and write `leistung` objects.

`reader.py` turns a document into validated procedures, `writer.py` the reverse;
`schema.py` holds what both agree on, `text.py` the HTML-to-plain-text rules.

Only what maps onto a `Procedure` is read; every element that is not imported is reported
by path (the caller prints these as warnings), never dropped silently. The mapping table
and the rules for fields XZuFi does not carry are in docs/catalogue.md.
"""

from catalogue.formats.xzufi.reader import read_xzufi
from catalogue.formats.xzufi.schema import NS, slugify
from catalogue.formats.xzufi.text import html_list, html_to_text, shorten
from catalogue.formats.xzufi.writer import write_xzufi

__all__ = ["NS", "html_list", "html_to_text", "read_xzufi", "shorten", "slugify",
           "write_xzufi"]
