"""The published OpenAPI documents of the two APIs klantregister reads and writes, as a test oracle.

``tests/data/specs/`` holds verbatim copies of the Klanten API v1 and of Open
Klant's Klantinteracties API (its README says from where): :func:`fouten`
validates a value against one of their ``components/schemas`` with
openapi-schema-validator, every ``$ref`` resolved against the whole document
and the format checker on (``uri``, ``email``, ``uuid``, ``date``,
``date-time``), and returns what is wrong, one readable line each:

>>> fouten("klanten_v1", "Klant", {"bronorganisatie": "002220647", "klantnummer": "K1",
...     "websiteUrl": "https://example.nl", "emailadres": ""}, richting="verzoek")
["$.emailadres: '' is not a 'email'"]

A ``verzoek`` (what a client sends) may not hold a ``readOnly`` member, and
needs none of the required ones that are; an ``antwoord`` (what a server
returns) needs them all. :func:`paginafouten` validates a whole list page as
the API returns it, :func:`onbekende_velden` names the members a schema
declares nowhere (a server ignores them: what the writer meant is lost), and
:func:`regelfouten` the rules the servers enforce beyond their schema, as the
README lists them.

Two readings of OpenAPI 3.0 that the validator leaves open are settled here
as the servers behind these documents behave (both generated the documents
from Django REST Framework serializers, which accept ``null`` for a nullable
field and pick a polymorphic serializer by its discriminator):

- ``nullable: true`` lets ``null`` through the whole Schema Object it stands
  in, together with an ``enum`` (v1 ``subjectType``) or an ``allOf`` (Open
  Klant's ``bezoekadres``, ``voorkeursDigitaalAdres``...) as well; OAS 3.0.3's
  narrower reading would refuse the ``null`` these servers return themselves.
  It never lets a ``readOnly`` member be written.
- A ``discriminator`` on a parent schema with no ``oneOf``/``anyOf``/``allOf``
  of its own (v1 ``Klant``, whose children ``natuurlijk_persoon``,
  ``niet_natuurlijk_persoon`` and ``vestiging`` inherit it by ``allOf``)
  selects the child by its value, so ``subjectIdentificatie`` is validated as
  the ``subjectType`` says; without a value (``null``) the parent stands alone.
  openapi-schema-validator ignores such a discriminator.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Literal, TypeAlias

import yaml
from jsonschema.exceptions import ValidationError
from jsonschema.validators import extend
from openapi_schema_validator import (
    OAS30ReadValidator,
    OAS30WriteValidator,
    oas30_format_checker,
)
from referencing import Registry
from referencing.exceptions import Unresolvable
from referencing.jsonschema import DRAFT4
from stdnum.nl import bsn as stdnum_bsn

__all__ = [
    "BESTANDEN",
    "FORMATEN",
    "LIJSTEN",
    "MAP",
    "REGELSCHEMAS",
    "TELEFOONNUMMER_OPEN_KLANT",
    "Richting",
    "Spec",
    "antwoordfouten",
    "document",
    "fouten",
    "onbekende_velden",
    "paginafouten",
    "regelfouten",
    "verzoekfouten",
]

#: The two APIs: the Klanten API v1 and Open Klant's Klantinteracties API.
Spec: TypeAlias = Literal["klanten_v1", "klantinteracties"]
#: A request (what a client sends: no readOnly members) or a response (what a server returns).
Richting: TypeAlias = Literal["verzoek", "antwoord"]

#: Where the copies are.
MAP = Path(__file__).parent / "data" / "specs"
#: The copy of each API's OpenAPI document.
BESTANDEN: dict[Spec, str] = {
    "klanten_v1": "klanten-api-v1.0.0.yaml",
    "klantinteracties": "klantinteracties-openklant-2.18.yaml",
}
#: The path whose ``GET`` returns each API's list of klanten, one page at a time.
LIJSTEN: dict[Spec, str] = {"klanten_v1": "/klanten", "klantinteracties": "/partijen"}
#: The formats the documents use; the format checker must check each one (jsonschema checks
#: ``uri`` only with rfc3986-validator installed, ``date-time`` only with rfc3339-validator).
FORMATEN = frozenset({"uri", "email", "uuid", "date", "date-time"})

_ontbrekend = FORMATEN - set(oas30_format_checker.checkers)
if _ontbrekend:
    raise ImportError(
        f"the format checker cannot check {', '.join(sorted(_ontbrekend))}: "
        'install the test dependencies (pip install -e ".[test]")'
    )

_Keyword: TypeAlias = Callable[[Any, Any, Any, Mapping[str, Any]], Iterable[ValidationError] | None]


def _uri(spec: Spec) -> str:
    return f"urn:klantregister:specs:{BESTANDEN[spec]}"


@functools.cache
def document(spec: Spec) -> Mapping[str, Any]:
    """The API's OpenAPI document, read once; not to be changed."""
    with (MAP / BESTANDEN[spec]).open(encoding="utf-8") as bestand:
        inhoud: dict[str, Any] = yaml.safe_load(bestand)
    return inhoud


@functools.cache
def _registry(spec: Spec) -> Registry[Any]:
    leeg: Registry[Any] = Registry()
    return leeg.with_resources([(_uri(spec), DRAFT4.create_resource(document(spec)))])


def _bij(spec: Spec, ref: str) -> Any:
    """What a reference (``#/components/schemas/Klant``) in the document points to."""
    return _registry(spec).resolver(_uri(spec)).lookup(ref).contents


def _pointer(*delen: str, basis: str = "#") -> str:
    """The reference to ``delen`` below ``basis``, each escaped as a JSON pointer needs."""
    return "/".join([basis, *(deel.replace("~", "~0").replace("/", "~1") for deel in delen)])


def _kind(spec: Spec, schema: Mapping[str, Any], instantie: object) -> Mapping[str, Any] | None:
    """The schema that ``schema``'s discriminator names for ``instantie``, if it names one."""
    discriminator = schema.get("discriminator")
    if discriminator is None or not isinstance(instantie, dict):
        return None
    waarde = instantie.get(discriminator["propertyName"])
    if not isinstance(waarde, str):
        return None  # no child named: the parent alone
    ref = discriminator.get("mapping", {}).get(waarde, f"#/components/schemas/{waarde}")
    try:
        kind: Mapping[str, Any] = _bij(spec, ref)
    except Unresolvable:
        return None  # no such child: the parent's own enum says so
    return kind


# --- the validator: openapi-schema-validator's, with the two readings above -------------


def _nullable(keyword: _Keyword) -> _Keyword:
    """``keyword``, with ``null`` let through where its Schema Object is ``nullable``."""

    def met_null(
        validator: Any, waarde: Any, instantie: Any, schema: Mapping[str, Any]
    ) -> Iterable[ValidationError] | None:
        if instantie is None and schema.get("nullable") is True:
            return None
        return keyword(validator, waarde, instantie, schema)

    return met_null


def _discriminator(spec: Spec) -> _Keyword:
    """The keyword that validates an instance of a parent schema as the child it names."""

    def discriminator(
        validator: Any, discriminator: Any, instantie: Any, schema: Mapping[str, Any]
    ) -> Iterator[ValidationError]:
        if {"allOf", "anyOf", "oneOf"} & set(schema):
            return  # openapi-schema-validator chooses among those itself
        if (kind := _kind(spec, schema, instantie)) is None:
            return
        for deel in kind.get("allOf", []):
            if "$ref" in deel and _bij(spec, deel["$ref"]) == schema:
                continue  # the parent itself, being validated already
            yield from validator.descend(instantie, deel)
        yield from validator.descend(instantie, {k: v for k, v in kind.items() if k != "allOf"})

    return discriminator


@functools.cache
def _validator(spec: Spec, ref: str, richting: Richting) -> Any:
    basis = OAS30WriteValidator if richting == "verzoek" else OAS30ReadValidator
    keywords = {**basis.VALIDATORS, "discriminator": _discriminator(spec)}
    klasse = extend(
        basis,
        {
            naam: keyword if naam in ("readOnly", "writeOnly") else _nullable(keyword)
            for naam, keyword in keywords.items()
        },
    )
    return klasse(
        {"$ref": f"{_uri(spec)}{ref}"},
        registry=_registry(spec),
        format_checker=oas30_format_checker,
    )


def _fouten_bij(spec: Spec, ref: str, instantie: object, richting: Richting) -> list[str]:
    _bij(spec, ref)  # a name not in the document fails here, not as a validation error
    gevonden = {
        f"{fout.json_path}: {fout.message}": _plaats(fout.absolute_path)
        for fout in _validator(spec, ref, richting).iter_errors(instantie)
    }
    return sorted(gevonden, key=lambda regel: (gevonden[regel], regel))


def _plaats(pad: Iterable[str | int]) -> tuple[tuple[int, str], ...]:
    """A JSON path's sort key: a member before its members, list elements in their order."""
    return tuple((0, f"{deel:09d}") if isinstance(deel, int) else (1, deel) for deel in pad)


# --- what is wrong with a value ---------------------------------------------------------


def fouten(spec: Spec, schema: str, instance: object, *, richting: Richting) -> list[str]:
    """What is wrong with ``instance`` as a ``#/components/schemas/<schema>`` of the API.

    One line per fault, ``<JSON path>: <message>``, sorted; ``[]`` when the value is valid.
    """
    return _fouten_bij(spec, _pointer("components", "schemas", schema), instance, richting)


def _inhoud(spec: Spec, *delen: str) -> str:
    """The reference to the JSON schema of a request or response body, ``$ref``s followed."""
    ref = _pointer("paths", *delen)
    if "$ref" in (lichaam := _bij(spec, ref)):
        ref = lichaam["$ref"]
    return _pointer("content", "application/json", "schema", basis=ref)


def verzoekfouten(spec: Spec, methode: str, pad: str, instance: object) -> list[str]:
    """What is wrong with ``instance`` as the body of a request ``methode pad`` (``"post",
    "/partijen"``), as :func:`fouten` says it."""
    return _fouten_bij(spec, _inhoud(spec, pad, methode, "requestBody"), instance, "verzoek")


def antwoordfouten(
    spec: Spec, methode: str, pad: str, instance: object, *, status: str = "200"
) -> list[str]:
    """What is wrong with ``instance`` as the body of the response ``status`` to ``methode pad``,
    as :func:`fouten` says it."""
    ref = _inhoud(spec, pad, methode, "responses", status)
    return _fouten_bij(spec, ref, instance, "antwoord")


def paginafouten(spec: Spec, pagina: object) -> list[str]:
    """What is wrong with ``pagina`` as one page of the API's list of klanten (v1 ``GET
    /klanten``: ``count``, ``next``, ``previous``, ``results``; Open Klant ``GET /partijen``:
    a ``PaginatedExpandPartijList``, each Partij perhaps with its ``_expand``)."""
    return antwoordfouten(spec, "get", LIJSTEN[spec], pagina)


# --- members no schema declares -----------------------------------------------------


def _toepasselijk(
    spec: Spec, schema: Mapping[str, Any], instantie: object, gezien: set[int]
) -> Iterator[Mapping[str, Any]]:
    """``schema`` and every schema that applies to ``instantie`` with it: through ``$ref``,
    ``allOf``, a discriminator's choice, or (without one) any ``oneOf``/``anyOf`` alternative."""
    if "$ref" in schema:
        schema = _bij(spec, schema["$ref"])
    if id(schema) in gezien:
        return
    gezien.add(id(schema))
    yield schema
    onderdelen = list(schema.get("allOf", []))
    if "discriminator" not in schema:
        onderdelen += [*schema.get("oneOf", []), *schema.get("anyOf", [])]
    elif (kind := _kind(spec, schema, instantie)) is not None:
        onderdelen.append(kind)
    for onderdeel in onderdelen:
        yield from _toepasselijk(spec, onderdeel, instantie, gezien)


def _onbekend(
    spec: Spec, schemas: list[Mapping[str, Any]], instantie: object, pad: tuple[str | int, ...]
) -> Iterator[tuple[str | int, ...]]:
    toepasselijk = [s for schema in schemas for s in _toepasselijk(spec, schema, instantie, set())]
    if isinstance(instantie, dict):
        if not any("properties" in s for s in toepasselijk) or any(
            s.get("additionalProperties", False) is not False for s in toepasselijk
        ):
            return  # a free-form object, or a map: any member is declared
        for naam, waarde in instantie.items():
            onder = [s["properties"][naam] for s in toepasselijk if naam in s.get("properties", {})]
            if onder:
                yield from _onbekend(spec, onder, waarde, (*pad, naam))
            else:
                yield (*pad, naam)
    elif isinstance(instantie, list):
        onder = [s["items"] for s in toepasselijk if "items" in s]
        for index, element in enumerate(instantie):
            yield from _onbekend(spec, onder, element, (*pad, index))


def onbekende_velden(spec: Spec, schema: str, instance: object) -> list[str]:
    """The JSON paths of the members of ``instance``, at any depth, that the schema (with every
    schema that applies with it) declares nowhere, sorted.

    The schemas allow any further member, so :func:`fouten` accepts them; a server ignores
    them, and whatever a writer meant by them is lost.
    """
    start = _bij(spec, _pointer("components", "schemas", schema))
    paden = sorted(_onbekend(spec, [start], instance, ()), key=_plaats)
    # Written as the validator writes a fault's place, ``$.adres['_expand'].land``.
    return [ValidationError("", path=pad).json_path for pad in paden]


# --- the servers' rules beyond their schema ---------------------------------------------

#: The telephone numbers Open Klant accepts in a DigitaalAdres (its own validator).
TELEFOONNUMMER_OPEN_KLANT = re.compile(r"^(0[1-9][0-9]{8}|\+[0-9]{9,15}|00[0-9]{7,13})$")


def _is_rsin(waarde: object) -> bool:
    # stdnum pads a shorter number with zeros: the length is checked first.
    return (
        isinstance(waarde, str)
        and re.fullmatch("[0-9]{9}", waarde) is not None
        and stdnum_bsn.is_valid(waarde)
    )


def _regels_klant_v1(klant: Mapping[str, Any]) -> Iterator[str]:
    if not _is_rsin(klant.get("bronorganisatie")):
        yield "$.bronorganisatie: is no RSIN (9 digits, 11-proef)"
    subject_identificatie = klant.get("subjectIdentificatie")
    if not klant.get("subject") and not subject_identificatie:
        yield "$: has neither a subject nor a subjectIdentificatie"
    if klant.get("subjectType") == "niet_natuurlijk_persoon" and isinstance(
        subject_identificatie, Mapping
    ):
        inn_nnp_id = subject_identificatie.get("innNnpId")
        if inn_nnp_id and not _is_rsin(inn_nnp_id):
            yield (
                f"$.subjectIdentificatie.innNnpId: {inn_nnp_id!r} is no RSIN (9 digits, 11-proef)"
            )


def _regels_digitaal_adres(adres: object, pad: str) -> Iterator[str]:
    if (
        isinstance(adres, Mapping)
        and adres.get("soortDigitaalAdres") == "telefoonnummer"
        and not TELEFOONNUMMER_OPEN_KLANT.match(str(adres.get("adres")))
    ):
        yield (
            f"{pad}.adres: {adres.get('adres')!r} does not match "
            f"{TELEFOONNUMMER_OPEN_KLANT.pattern}"
        )


def _regels_identificator(
    identificator: Mapping[str, Any], pad: str, soort_van: Mapping[object, object], create: bool
) -> Iterator[str]:
    if create and identificator.get("identificeerdePartij") is not None:
        yield f"{pad}.identificeerdePartij: is set by the server, refused on create"
    soort = (identificator.get("partijIdentificator") or {}).get("codeSoortObjectId")
    sub_van = identificator.get("subIdentificatorVan")
    if soort == "vestigingsnummer":
        if not isinstance(sub_van, Mapping):
            yield f"{pad}.subIdentificatorVan: a vestigingsnummer needs a kvk_nummer's"
        elif soort_van.get(sub_van.get("uuid"), "kvk_nummer") != "kvk_nummer":
            yield f"{pad}.subIdentificatorVan: is no kvk_nummer identificator"


def _regels_partij(partij: Mapping[str, Any], richting: Richting) -> Iterator[str]:
    nummer = partij.get("nummer")
    if isinstance(nummer, str) and nummer and re.fullmatch("[0-9]+", nummer) is None:
        yield f"$.nummer: {nummer!r} is not an integer"
    identificatoren = partij.get("partijIdentificatoren") or []
    soort_van = {
        i.get("uuid"): (i.get("partijIdentificator") or {}).get("codeSoortObjectId")
        for i in identificatoren
        if isinstance(i, Mapping)
    }
    for index, identificator in enumerate(identificatoren):
        if isinstance(identificator, Mapping):
            pad = f"$.partijIdentificatoren[{index}]"
            yield from _regels_identificator(identificator, pad, soort_van, richting == "verzoek")
    for index, adres in enumerate(partij.get("digitaleAdressen") or []):
        yield from _regels_digitaal_adres(adres, f"$.digitaleAdressen[{index}]")
    uitgebreid = partij.get("_expand")
    if isinstance(uitgebreid, Mapping):
        for index, adres in enumerate(uitgebreid.get("digitaleAdressen") or []):
            yield from _regels_digitaal_adres(adres, f"$['_expand'].digitaleAdressen[{index}]")


#: The schemas whose rules :func:`regelfouten` knows, per API; the first is the default.
REGELSCHEMAS: dict[Spec, tuple[str, ...]] = {
    "klanten_v1": ("Klant",),
    "klantinteracties": ("Partij", "ExpandPartij", "DigitaalAdres", "PartijIdentificator"),
}


def regelfouten(
    spec: Spec,
    instance: Mapping[str, Any],
    *,
    schema: str | None = None,
    richting: Richting = "verzoek",
) -> list[str]:
    """What the server refuses in ``instance`` beyond its schema, as
    ``tests/data/specs/README.md`` lists it, sorted.

    ``klanten_v1`` (a ``Klant``; the reference implementation): ``bronorganisatie`` is an
    RSIN, a ``subject`` or a ``subjectIdentificatie`` is given, an ``innNnpId`` is an RSIN.
    ``klantinteracties`` (Open Klant's own validators), by ``schema``: a ``Partij`` (the
    default) or ``ExpandPartij`` has a ``nummer`` that is an integer; its identificatoren
    keep the rules of a ``PartijIdentificator``: no ``identificeerdePartij`` in a create
    of a Partij (``richting="verzoek"``; the server sets it, so a response has it), and a
    ``vestigingsnummer`` has a ``subIdentificatorVan`` that is a ``kvk_nummer``
    identificator (of this Partij, when its uuid is one of them); a telephone number in a
    ``DigitaalAdres`` (on its own, in ``digitaleAdressen`` or in
    ``_expand.digitaleAdressen``) matches :data:`TELEFOONNUMMER_OPEN_KLANT`. A
    ``PartijIdentificator`` sent on its own (``POST /partij-identificatoren``) names its
    Partij in ``identificeerdePartij``.
    """
    schema = schema or REGELSCHEMAS[spec][0]
    if schema not in REGELSCHEMAS[spec]:
        raise ValueError(f"no rules known for {schema!r} of {spec}")
    regels: Iterable[str]
    if spec == "klanten_v1":
        regels = _regels_klant_v1(instance)
    elif schema == "DigitaalAdres":
        regels = _regels_digitaal_adres(instance, "$")
    elif schema == "PartijIdentificator":
        regels = _regels_identificator(instance, "$", {}, create=False)
    else:
        regels = _regels_partij(instance, richting)
    return sorted(regels)
