"""Exchange formats: Klanten API v1, Klantinteracties, the library's own JSON, the record stream.

- :mod:`klantregister.formats.klanten_v1`: ``Klant`` objects of the Klanten API v1;
- :mod:`klantregister.formats.klantinteracties`: ``Partij`` objects of the Klantinteracties API;
- :mod:`klantregister.formats.kanoniek`: the library's own lossless, versioned JSON;
- :func:`lees_records`: records streamed from a JSON array, an API page or JSON Lines.

A reader yields one :class:`Gelezen` per record: its position, its id, and a
:class:`~klantregister.Registratie` or the :class:`Probleem`\\ s that prevent one.
"""

from klantregister.formats import kanoniek, klanten_v1, klantinteracties
from klantregister.formats._resultaat import Gelezen, Probleem, Probleemsoort
from klantregister.formats._stream import MAX_RECORD, Record, lees_records, schrijf_regels

__all__ = [
    "MAX_RECORD",
    "Gelezen",
    "Probleem",
    "Probleemsoort",
    "Record",
    "kanoniek",
    "klanten_v1",
    "klantinteracties",
    "lees_records",
    "schrijf_regels",
]
