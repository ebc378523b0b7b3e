"""Exchange formats: Klanten API v1, Klantinteracties, the library's own JSON, the record stream.

- :mod:`klantregister.formats.klanten_v1`: ``Klant`` objects of the Klanten API v1;
- :mod:`klantregister.formats.klantinteracties`: ``Partij`` objects of the Klantinteracties API;
- :mod:`klantregister.formats.kanoniek`: the library's own lossless, versioned JSON;
- :func:`lees_records`: records streamed from a JSON array, an API page or JSON Lines.

The formats import the domain only, never the register, storage, check or display.

A reader yields one :class:`Gelezen` per record: its position, its id, and a
:class:`~klantregister.Registratie` or the :class:`Probleem`\\ s that prevent one.
"""

from klantregister.formats import kanoniek, klanten_v1, klantinteracties
from klantregister.formats.resultaat import Gelezen, Kern, Probleem, Probleemsoort, gemeente_tabel
from klantregister.formats.stream import (
    MAX_RECORD,
    GeenRecord,
    Record,
    decodeer_regel,
    lees_records,
    schrijf_regels,
)

__all__ = [
    "MAX_RECORD",
    "GeenRecord",
    "Gelezen",
    "Kern",
    "Probleem",
    "Probleemsoort",
    "Record",
    "decodeer_regel",
    "gemeente_tabel",
    "kanoniek",
    "klanten_v1",
    "klantinteracties",
    "lees_records",
    "schrijf_regels",
]
