"""Every request that creates one klant in Open Klant, in order: ``export --format
klantinteracties`` writes one line of them per klant.

A create of a Partij (``POST /partijen``) cannot hold its digitale adressen or a
vestigingsnummer; those are requests of their own, which refer to the Partij (and a
vestigingsnummer to the Partij's ``kvk_nummer`` identificator) by the ``uuid`` the
server gives them. So a line holds the Partij's body and the requests that follow it,
each with the members a client fills in from the server's answer:

>>> import uuid
>>> from klantregister import Identificatie, Klant, Klantgegevens
>>> klant = Klant(uuid.UUID(int=1), "0363", "1", Klantgegevens(emailadres="an@example.nl"),
...     Identificatie.natuurlijk_persoon(bsn="111222333"))
>>> bundel = verzoeken(klant)
>>> bundel["partij"]["soortPartij"], [(v["pad"], v["invullen"]) for v in bundel["daarna"]]
('persoon', [('/digitaleadressen', ['verstrektDoorPartij.uuid'])])
"""

from __future__ import annotations

from typing import Any

from klantregister.domain import Klant
from klantregister.formats.klantinteracties.namen import DIGITALE_ADRESSEN, PARTIJ_IDENTIFICATOREN
from klantregister.formats.klantinteracties.schrijven import alle_verzoeken

__all__ = ["IN_TE_VULLEN", "verzoeken"]

#: The uuid standing in the follow-up requests for one the server gives: a client puts
#: the real one at each path the request's ``invullen`` names.
IN_TE_VULLEN = "00000000-0000-0000-0000-000000000000"


def verzoeken(klant: Klant) -> dict[str, Any]:
    """``{"partij": <body of POST /partijen>, "daarna": [{"pad", "body", "invullen"}]}``.

    ``daarna`` lists, in the order to send them, the vestigingsnummer's ``POST
    /partij-identificatoren`` (``invullen``: ``identificeerdePartij.uuid``, the
    Partij's, and ``subIdentificatorVan.uuid``, that of its ``kvk_nummer``
    identificator, both in the answer to the first request) and each ``POST
    /digitaleadressen`` (``verstrektDoorPartij.uuid``, the Partij's). Raises
    :class:`~klantregister.FormaatError` for a klant :func:`naar_partij` refuses.
    """
    partij, identificatoren, adressen = alle_verzoeken(
        klant, partij_uuid=IN_TE_VULLEN, kvk_uuid=IN_TE_VULLEN
    )
    daarna: list[dict[str, Any]] = [
        {
            "pad": f"/{PARTIJ_IDENTIFICATOREN}",
            "body": body,
            "invullen": ["identificeerdePartij.uuid", "subIdentificatorVan.uuid"],
        }
        for body in identificatoren
    ]
    daarna += [
        {"pad": f"/{DIGITALE_ADRESSEN}", "body": body, "invullen": ["verstrektDoorPartij.uuid"]}
        for body in adressen
    ]
    return {"partij": partij, "daarna": daarna}
