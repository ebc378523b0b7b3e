"""``Vertegenwoordigden``: one Partij represents another, as a klant registered *namens*
someone was (rule 10).

A klant whose identificatie was recorded with an :class:`~klantregister.Authenticatie`
``namens`` a :class:`~klantregister.Vertegenwoordiging` was registered by someone acting
for it: its ``herkomst.namens.vertegenwoordigde`` is one of the klant's own identifiers,
its ``herkomst.subject`` (when known) the representative's own, a parent's BSN say.
Klantinteracties holds that as a resource of its own, a ``Vertegenwoordigden`` (``POST
/vertegenwoordigingen``), that names two Partijen: the ``vertegenwoordigendePartij``
(the representative's) and the ``vertegenwoordigdePartij`` (the klant's), each a
``PartijForeignKey``: ``{"uuid"}`` in a request, ``{"uuid", "url"}`` in a response,
where the resource's own ``uuid`` and ``url`` are readOnly and required.

- :func:`vertegenwoordiger` says whom a klant was registered namens: the identifier of
  its representative, which the caller looks up (``register.zoek(subject, gemeente)``)
  to find the representative's own klant.
- :func:`naar_vertegenwoordigden` writes the link between the two klanten's Partijen:
  ``vorm="verzoek"`` the body of ``POST /vertegenwoordigingen`` (the two uuids, nothing
  readOnly), ``vorm="antwoord"`` the resource as ``GET /vertegenwoordigingen/{uuid}``
  returns it, its URLs after the klant's ``bron`` or on ``basis_url`` as
  :func:`~klantregister.formats.klantinteracties.naar_partij` builds them and its uuid
  uuid5 of the klant's id and the representative's (so writing is reproducible). The
  uuids are the klanten's ids, which are their Partijen's uuids when they came from
  Open Klant; a client that created the Partijen anew puts in the uuids Open Klant gave
  them. Open Klant takes the request only when both Partijen exist, so send it after
  both Partijen; it refuses a Partij that represents itself, and a second link of the
  same two.
- :func:`niet_overgenomen_vertegenwoordiging` names what of the klant's representation
  a Vertegenwoordigden does not carry: the spec has no member for the ground
  (``grondslag``) nor for the mandate (``machtiging``); a representation whose
  representative the herkomst does not name has no Partij to link.
- :func:`lees_vertegenwoordigden` reads one record as ``GET /vertegenwoordigingen``
  returns them (a page of them is read with :func:`~klantregister.formats.lees_records`,
  record by record) into a :class:`Vertegenwoordigden`, every problem reported by the
  API's field names, as the Partij reader reports them: a Partij that is missing or
  named by neither uuid nor url (``FORMAAT``), of the wrong type (``TYPE``), a Partij
  that represents itself, a uuid and a url that name different resources (``FORMAAT``).
  A reference given as text (a uuid or url, as older exports write them) is read as
  the Partij reader reads one. A missing ``uuid`` or ``url`` of the record itself is
  read as none, as the Partij reader reads a Partij's; a member the schema does not
  have is noted (``NIET_OVERGENOMEN``).

A Partij's own readOnly ``vertegenwoordigden`` (the Partijen it represents: Open Klant
lists the ``vertegenwoordigdePartij`` of each Vertegenwoordigden whose
``vertegenwoordigendePartij`` it is) is not taken over by the Partij reader: the register
holds a representation in the herkomst of the klant represented, not as a list on its
representative, and a Partij read is taken over with an Overname, which names no
representative. So the list, when it names any Partij, is noted per Partij
(``NIET_OVERGENOMEN``, with the other members the register does not hold, ``namen.
NIET_IN_REGISTER``), never dropped in silence; the Partij writer writes it as ``[]``.

>>> import uuid
>>> from klantregister import Authenticatie, Identificatie, Klant, Vertegenwoordiging
>>> kind = Klant(uuid.UUID(int=1), "0363", "1", None, Identificatie.natuurlijk_persoon(
...     bsn="111222333"), herkomst=Authenticatie("hoog", "DigiD Machtigen",
...     subject="123456782", namens=Vertegenwoordiging("111222333", "ouderlijk_gezag")))
>>> vertegenwoordiger(kind)
Bsn('******782')
>>> naar_vertegenwoordigden(kind, uuid.UUID(int=2))["vertegenwoordigendePartij"]
{'uuid': '00000000-0000-0000-0000-000000000002'}
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from uuid import UUID, uuid5

import attrs

from klantregister.domain import (
    Authenticatie,
    Klant,
    OngeldigeWaardeError,
    OngeldigFormaatError,
    Subject,
    Vertegenwoordiging,
    als_bron,
    als_klant,
    getoond,
    getoonde_telling,
    toon,
    typefout,
    velden,
)
from klantregister.formats.herkenning import KENMERKEN, herken
from klantregister.formats.klantinteracties.inhoud import inhoud_van
from klantregister.formats.klantinteracties.namen import (
    PARTIJEN,
    VERTEGENWOORDIGDE,
    VERTEGENWOORDIGENDE,
    VERTEGENWOORDIGINGEN,
)
from klantregister.formats.klantinteracties.schrijven import (
    basis_url_argument,
    partij_url,
    uuid_argument,
)
from klantregister.formats.resultaat import (
    Probleem,
    Probleemsoort,
    gegeven,
    noteer_onbekend,
    probleem,
    record_id,
    typeprobleem,
    uuid_aan_het_eind,
)
from klantregister.formats.uitvoer import Vorm, antwoord, niet_schrijfbaar

__all__ = [
    "GelezenVertegenwoordigden",
    "Vertegenwoordigden",
    "lees_vertegenwoordigden",
    "naar_vertegenwoordigden",
    "niet_overgenomen_vertegenwoordiging",
    "vertegenwoordiger",
]

_UUID = re.compile(velden.UUID)
#: The two Partijen of a Vertegenwoordigden, in the order the API writes them.
_PARTIJEN = (VERTEGENWOORDIGENDE, VERTEGENWOORDIGDE)
#: Every member of a Vertegenwoordigden.
_BEKEND = frozenset({"uuid", "url", *_PARTIJEN})
#: Open Klant's own refusal (its serializer's), as the reader and the writer say it.
_ZICHZELF = "een Partij vertegenwoordigt zichzelf niet (Open Klant weigert het)"


def _uuid(veld: str) -> Callable[[object], UUID]:
    """A converter to a UUID, whose errors name ``veld``."""

    def converteer(waarde: object) -> UUID:
        if not isinstance(waarde, (UUID, str)):
            raise typefout(veld, "een UUID (uuid.UUID of tekst)", waarde)
        return UUID(uuid_argument(veld, waarde))

    return converteer


def _vertegenwoordigende(waarde: object) -> UUID:
    return _uuid("vertegenwoordigende_partij")(waarde)


def _vertegenwoordigde(waarde: object) -> UUID:
    return _uuid("vertegenwoordigde_partij")(waarde)


def _uuid_of_geen(waarde: object) -> UUID | None:
    return None if waarde is None else _uuid("uuid")(waarde)


def _url(waarde: object) -> str | None:
    try:
        return als_bron(waarde)
    except OngeldigeWaardeError as fout:
        raise type(fout)("url", fout.reden) from None


@attrs.frozen
class Vertegenwoordigden:
    """That the Partij ``vertegenwoordigende_partij`` represents the Partij
    ``vertegenwoordigde_partij`` (both by uuid), as a ``Vertegenwoordigden`` of the
    Klantinteracties API says; ``uuid`` and ``url`` are the resource's own, when known.

    A Partij does not represent itself (Open Klant refuses it): ``OngeldigFormaatError``.
    """

    vertegenwoordigende_partij: UUID = attrs.field(converter=_vertegenwoordigende)
    vertegenwoordigde_partij: UUID = attrs.field(converter=_vertegenwoordigde)
    uuid: UUID | None = attrs.field(default=None, kw_only=True, converter=_uuid_of_geen)
    # A url is the server's, but may hold anything a caller put in it: shown masked.
    url: str | None = attrs.field(default=None, kw_only=True, converter=_url, repr=getoond)

    def __attrs_post_init__(self) -> None:
        if self.vertegenwoordigende_partij == self.vertegenwoordigde_partij:
            raise OngeldigFormaatError("vertegenwoordigde_partij", _ZICHZELF)


@attrs.frozen
class GelezenVertegenwoordigden:
    """One ``Vertegenwoordigden`` record as read: its position (1-based) and line, its id
    where it has one, and either the :class:`Vertegenwoordigden` or the problems that
    prevent it (``vertegenwoordigden`` is ``None`` exactly when ``problemen`` is not
    empty); ``opmerkingen`` are notes that block nothing, as in
    :class:`~klantregister.formats.Gelezen`."""

    positie: int = attrs.field(repr=getoonde_telling)
    regel: int = attrs.field(repr=getoonde_telling)
    id: str | None = attrs.field(repr=getoond)
    vertegenwoordigden: Vertegenwoordigden | None = attrs.field(repr=getoond)
    problemen: tuple[Probleem, ...] = attrs.field(default=(), repr=getoond)
    opmerkingen: tuple[Probleem, ...] = attrs.field(default=(), repr=getoond)

    @property
    def geldig(self) -> bool:
        """Whether the record names two Partijen, and nothing is wrong with it."""
        return not self.problemen


# --- a klant registered namens another -------------------------------------------------


def _namens(klant: Klant) -> tuple[Authenticatie, Vertegenwoordiging] | None:
    herkomst = klant.herkomst
    if isinstance(herkomst, Authenticatie) and herkomst.namens is not None:
        return herkomst, herkomst.namens
    return None


def vertegenwoordiger(klant: Klant) -> Subject | None:
    """The identifier of whoever registered ``klant`` namens it (``herkomst.subject``):
    the representative's own BSN, KvK-nummer..., by which the caller finds the
    representative's klant; ``None`` when the klant was not registered namens another,
    or its herkomst does not name the representative
    (:func:`niet_overgenomen_vertegenwoordiging` says which)."""
    namens = _namens(als_klant(klant))
    return None if namens is None else namens[0].subject


def niet_overgenomen_vertegenwoordiging(klant: Klant) -> list[str]:
    """What of the klant's representation a Vertegenwoordigden will not carry, one message
    (in Dutch) each, the field first: its ground and its mandate, which the API has no
    member for, and a representative the herkomst does not name (then there is no klant of
    theirs to find, and no Vertegenwoordigden to write); ``[]`` for a klant not registered
    namens another. The mandate's reference is shown masked
    (:func:`~klantregister.domain.toon`)."""
    namens = _namens(als_klant(klant))
    if namens is None:
        return []
    herkomst, vertegenwoordiging = namens
    meldingen = []
    if herkomst.subject is None:
        meldingen.append(
            "herkomst.subject: de herkomst noemt de vertegenwoordiger niet: er is geen klant "
            "van de vertegenwoordiger te vinden, en dus geen Vertegenwoordigden te schrijven"
        )
    meldingen.append(
        f"herkomst.namens.grondslag {vertegenwoordiging.grondslag.value!r}: een "
        "Vertegenwoordigden heeft er geen veld voor; alleen dat de ene Partij de andere "
        "vertegenwoordigt wordt geschreven"
    )
    if vertegenwoordiging.machtiging is not None:
        meldingen.append(
            f"herkomst.namens.machtiging {toon(vertegenwoordiging.machtiging)}: een "
            "Vertegenwoordigden heeft er geen veld voor"
        )
    return meldingen


def naar_vertegenwoordigden(
    klant: Klant,
    vertegenwoordiger_id: UUID | str,
    *,
    vorm: Vorm = "verzoek",
    basis_url: str | None = None,
) -> dict[str, Any]:
    """The Vertegenwoordigden that the Partij of the klant with ``vertegenwoordiger_id``
    (the representative's own klant) represents the Partij of ``klant``, which was
    registered namens another; the module says how each ``vorm`` is written.

    Raises :class:`~klantregister.FormaatError` (naming the klant and the field) for a
    klant not registered namens another, one whose ``namens`` is not one of its own
    identifiers, one :func:`~klantregister.formats.klantinteracties.naar_partij`
    refuses (its Partij is not written), and for the klant's own id as
    ``vertegenwoordiger_id``; an :class:`~klantregister.OngeldigeWaardeError` for an
    argument of the wrong type or form. ``basis_url`` is as for ``naar_partij``.
    """
    is_antwoord = antwoord(vorm)
    basis = basis_url_argument(basis_url)
    klant = als_klant(klant)
    ander = _uuid("vertegenwoordiger_id")(vertegenwoordiger_id)
    _schrijfbaar(klant, ander)
    verzoek = {
        VERTEGENWOORDIGENDE: {"uuid": str(ander)},
        VERTEGENWOORDIGDE: {"uuid": str(klant.id)},
    }
    if not is_antwoord:
        return verzoek
    wortel, url = partij_url(klant, basis, wat="een Vertegenwoordigden")
    eigen = str(uuid5(klant.id, f"{VERTEGENWOORDIGINGEN}/{ander}"))
    # "/vertegenwoordigingen/<uuid>" is no longer than the paths basis_url leaves room for.
    return {
        "uuid": eigen,
        "url": f"{wortel}/{VERTEGENWOORDIGINGEN}/{eigen}",
        VERTEGENWOORDIGENDE: {
            **verzoek[VERTEGENWOORDIGENDE],
            "url": f"{wortel}/{PARTIJEN}/{ander}",
        },
        VERTEGENWOORDIGDE: {**verzoek[VERTEGENWOORDIGDE], "url": url},
    }


def _schrijfbaar(klant: Klant, ander: UUID) -> None:
    """Refuse a klant whose representation a Vertegenwoordigden cannot hold."""
    namens = _namens(klant)
    if namens is None:
        raise niet_schrijfbaar(
            klant,
            "herkomst",
            "de klant is niet namens een ander geregistreerd (de herkomst is geen "
            "Authenticatie met namens): er is geen vertegenwoordiging om te schrijven",
        )
    ident = klant.identificatie
    if ident is None or namens[1].vertegenwoordigde not in ident.identificatoren:
        raise niet_schrijfbaar(
            klant,
            "herkomst.namens.vertegenwoordigde",
            "is geen van de nummers van de klant (regel 10): de vertegenwoordigde Partij "
            "zou een ander zijn dan die de herkomst noemt",
        )
    if ander == klant.id:
        raise niet_schrijfbaar(klant, "vertegenwoordiger_id", _ZICHZELF)
    inhoud_van(klant)  # the Partij the link names must be one that is written


# --- reading -------------------------------------------------------------------------


def lees_vertegenwoordigden(
    record: object, *, positie: int = 1, regel: int = 1
) -> GelezenVertegenwoordigden:
    """Read one Vertegenwoordigden (already decoded from JSON), as the module says."""
    if not isinstance(record, dict):
        fout = typeprobleem("record", "een object", record)
        return GelezenVertegenwoordigden(positie, regel, None, None, (fout,))
    id_ = record_id(record)
    if all(lid not in record for lid in _PARTIJEN):
        reden = f"geen Vertegenwoordigden: het heeft geen {' en geen '.join(_PARTIJEN)}"
        if (formaat := herken(record)) is not None:
            reden += f"; het lijkt op {KENMERKEN[formaat][0]}"
        fout = Probleem("record", Probleemsoort.FORMAAT, reden)
        return GelezenVertegenwoordigden(positie, regel, id_, None, (fout,))
    problemen: list[Probleem] = []
    opmerkingen: list[Probleem] = []
    eigen, url = _uuid_en_url(record, "", problemen)
    partijen = [_partij(record.get(lid), lid, problemen) for lid in _PARTIJEN]
    if partijen[0] is not None and partijen[0] == partijen[1]:
        problemen.append(Probleem(VERTEGENWOORDIGDE, Probleemsoort.FORMAAT, _ZICHZELF))
    noteer_onbekend(record, _BEKEND, opmerkingen)
    waarde = None
    if not problemen:
        waarde = Vertegenwoordigden(partijen[0], partijen[1], uuid=eigen, url=url)
    return GelezenVertegenwoordigden(
        positie, regel, id_, waarde, tuple(problemen), tuple(opmerkingen)
    )


def _partij(waarde: object, lid: str, problemen: list[Probleem]) -> UUID | None:
    """The uuid of the Partij a ``PartijForeignKey`` names (by its ``uuid``, else the one
    its ``url`` ends in; older exports give either as text)."""
    if waarde is None or waarde in ("", {}):
        problemen.append(
            Probleem(
                lid, Probleemsoort.FORMAAT, "ontbreekt: een Vertegenwoordigden noemt twee Partijen"
            )
        )
        return None
    if isinstance(waarde, str):
        waarde = {"url" if "/" in waarde else "uuid": waarde}
    if not isinstance(waarde, dict):
        problemen.append(typeprobleem(lid, "een object {uuid, url}", waarde))
        return None
    aantal = len(problemen)
    gevonden, _ = _uuid_en_url(waarde, f"{lid}.", problemen)
    if gevonden is None and len(problemen) == aantal:
        problemen.append(
            Probleem(
                lid,
                Probleemsoort.FORMAAT,
                "noemt geen Partij: verwacht een uuid, of een url die op een uuid eindigt",
            )
        )
    return gevonden


def _uuid_en_url(
    record: dict[str, Any], plek: str, problemen: list[Probleem]
) -> tuple[UUID | None, str | None]:
    """The ``uuid`` a resource or reference gives (else the one its ``url`` ends in) and
    its ``url``; a malformed one, or two that name different resources, is a problem."""
    eigen = None
    waarde = record.get("uuid")
    if gegeven(waarde):
        if not isinstance(waarde, str):
            problemen.append(typeprobleem(f"{plek}uuid", "tekst", waarde))
        elif _UUID.fullmatch(waarde.strip()) is None:
            problemen.append(
                Probleem(f"{plek}uuid", Probleemsoort.FORMAAT, f"{toon(waarde)} is geen UUID")
            )
        else:
            eigen = UUID(waarde.strip())
    url = None
    waarde = record.get("url")
    if gegeven(waarde):
        try:
            url = als_bron(waarde)
        except OngeldigeWaardeError as fout:
            problemen.append(probleem(f"{plek}url", fout))
    einde = None if url is None else uuid_aan_het_eind(url)
    if eigen is not None and einde is not None and einde != eigen:
        problemen.append(
            Probleem(
                f"{plek}url",
                Probleemsoort.FORMAAT,
                f"eindigt op uuid {einde}, en de uuid is {eigen}: ze noemen verschillende objecten",
            )
        )
        return None, url
    return eigen or einde, url
