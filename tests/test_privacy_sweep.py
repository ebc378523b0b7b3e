"""The privacy sweep (issue 11): a valid BSN or A-nummer planted through any argument of any
public function, method or constructor never shows in full in what a person can read.

Each call of ``tests/oppervlak.py`` gets, in one argument, a value carrying a fresh BSN and
A-nummer: the bare number, the number in a text, an Identificatie, Klantgegevens, a Klant,
a record of each format, a file. Then the sweep reads everything the call left for a person
to see and looks for the numbers (and the sweep's own) in full:

- the exception, if any, with its arguments, attributes and chain (``__cause__`` and
  ``__context__``) to the end;
- every log record the library made at DEBUG level, and every warning;
- the ``repr``, ``str`` and notebook HTML (``_repr_html_``) of what the call returned where
  that is the library's own value (or a sequence of them), and the masked records of
  ``to_records()``.

What the call returns as data (a format's dict or text, a number's ``compact`` form,
``to_records(volledig=True)``) holds the numbers in full by design and is not searched.
The command line's output has its own sweep (``test_hardening_uitvoer.py``).
"""

from __future__ import annotations

import io
import json
import uuid
import warnings
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gemachtigd import als
from klantregister import (
    Authenticatie,
    Identificatie,
    Klant,
    Klantgegevens,
    KlantRegister,
    KlantregisterError,
    Registratie,
)
from klantregister.formats import kanoniek
from klantregister.testing import a_nummers, bsns
from oppervlak import (
    A_NUMMER,
    AANROEPEN,
    AMSTERDAM,
    BSN,
    DIGID,
    INGANGEN,
    PADEN,
    RSIN,
    SWEEP_VOORBEELDEN,
)
from zichtbaar import leesbare_tekst, logboek, toont_niet

pytestmark = pytest.mark.unit

#: Where an RSIN belongs: a nine-digit number passing the 11-proef is one as much as it is
#: a BSN, and an RSIN is shown in full (docs/concepts.md, rule 9), so there only the
#: A-nummer is looked for.
RSIN_PLAATSEN = frozenset(
    {
        (naam, parameter)
        for naam, parameter in INGANGEN
        if naam.startswith("Rsin") or parameter in {"rsin", "bronorganisatie", "gemeenten"}
    }
)

#: Where a count belongs (a position, a line, a versie, the counts of a check's report): a
#: number there is shown as it is, as a count must be (the HTML report once masked its own
#: positions). A nine-digit count may pass the 11-proef; it is still a count.
TELLINGEN = frozenset(
    {"positie", "regel", "versie", "records", "aangehaakt", "zelfstandig", "met_opmerkingen"}
)


def geplant(bsn: str, a_nummer: str) -> list[Callable[[], object]]:
    """Makers of values carrying ``bsn`` and ``a_nummer``, one for each kind of argument
    (made only when drawn: some take a while)."""

    def persoon() -> Identificatie:
        return Identificatie.natuurlijk_persoon(bsn=bsn, a_nummer=a_nummer)

    def klant() -> Klant:
        return Klant(uuid.uuid4(), AMSTERDAM, "K1", identificatie=persoon())

    def v1() -> dict[str, object]:
        return {
            "bronorganisatie": RSIN,
            "klantnummer": "K1",
            "subjectType": "natuurlijk_persoon",
            "subjectIdentificatie": {"inpBsn": bsn, "inpA_nummer": a_nummer},
        }

    def partij() -> dict[str, object]:
        identificator = {
            "codeObjecttype": "natuurlijk_persoon",
            "codeSoortObjectId": "bsn",
            "objectId": bsn,
            "codeRegister": "brp",
        }
        return {
            "soortPartij": "persoon",
            "indicatieActief": True,
            "partijIdentificatoren": [{"partijIdentificator": identificator}],
        }

    return [
        lambda: bsn,
        lambda: a_nummer,
        lambda: int(bsn),
        lambda: f"{bsn[:4]}.{bsn[4:6]}.{bsn[6:]}",
        lambda: f"tel. {bsn}",
        lambda: f"https://brp.example.nl/ingeschrevenpersonen/{bsn}",
        lambda: [bsn],
        lambda: {bsn: a_nummer},
        persoon,
        lambda: Klantgegevens(voornaam=f"x{bsn}", achternaam=a_nummer),
        lambda: Authenticatie("hoog", f"DigiD {bsn}"),
        lambda: Registratie(AMSTERDAM, None, persoon(), authenticatie=als(persoon(), DIGID)),
        lambda: [Registratie(AMSTERDAM, None, persoon(), authenticatie=als(persoon(), DIGID))],
        klant,
        lambda: [klant()],
        v1,
        partij,
        lambda: kanoniek.naar_dict(klant()),
        lambda: io.StringIO(json.dumps([v1()])),
        lambda: io.StringIO(json.dumps(partij())),
        lambda: io.StringIO(kanoniek.regel(klant())),
    ]


#: How many kinds of value :func:`geplant` makes.
SOORTEN = len(geplant(BSN, A_NUMMER))


def zichtbaar(resultaat: object) -> list[str]:
    """What a person sees of a returned value of the library's own (or a sequence of them)."""
    waarden = list(resultaat) if isinstance(resultaat, (list, tuple)) else [resultaat]
    teksten = []
    for waarde in waarden:
        if not type(waarde).__module__.startswith("klantregister"):
            continue
        teksten.extend([repr(waarde), str(waarde)])
        if callable(html := getattr(waarde, "_repr_html_", None)):
            teksten.append(html())
        if isinstance(waarde, KlantRegister):
            teksten.append(repr(waarde.to_records()))
            teksten.extend(repr(klant) for klant in waarde)
    return teksten


@pytest.fixture(autouse=True)
def in_een_lege_map(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A path or URL that happens to be valid makes its file here."""
    monkeypatch.chdir(tmp_path)


# A limit a message states is no planted number: 2**31 - 1 (the longest connect_timeout,
# the highest versie) happens to be a valid A-nummer.
GRENZEN = frozenset({str(2**31 - 1)})


@pytest.mark.parametrize(("naam", "parameter"), INGANGEN)
@settings(
    max_examples=SWEEP_VOORBEELDEN,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    nummers=st.tuples(bsns, a_nummers.filter(lambda nummer: nummer not in GRENZEN)),
    keuze=st.integers(0, SOORTEN - 1),
)
def test_a_planted_bsn_or_a_nummer_never_shows_in_full(
    naam: str,
    parameter: str,
    nummers: tuple[str, str],
    keuze: int,
) -> None:
    bsn, a_nummer = nummers
    waarde = geplant(bsn, a_nummer)[keuze]()
    aanroep, argumenten = AANROEPEN[naam]
    teksten: list[str] = []
    with logboek() as records, warnings.catch_warnings(record=True) as gewaarschuwd:
        warnings.simplefilter("always")
        try:
            resultaat = aanroep(**{**argumenten, parameter: waarde})
        except KlantregisterError as fout:
            teksten.append(leesbare_tekst(fout))
        else:
            teksten.extend(zichtbaar(resultaat))
            if naam == "KlantRegister.to_records" and parameter != "volledig":
                teksten.append(repr(resultaat))
            if callable(close := getattr(resultaat, "close", None)) and not isinstance(
                resultaat, io.IOBase
            ):
                close()
    teksten.extend(record.getMessage() for record in records)
    teksten.extend(str(melding.message) for melding in gewaarschuwd)
    if (naam, parameter) in PADEN and isinstance(waarde, str):
        return  # the path or URL the user gave is named as given
    if parameter in TELLINGEN and waarde.__class__ is int:
        return  # a number where a count belongs is a count, shown as given
    gezocht = [a_nummer, A_NUMMER]
    if (naam, parameter) not in RSIN_PLAATSEN:
        gezocht += [bsn, BSN]
    for nummer in gezocht:
        assert toont_niet(nummer, *teksten), (nummer, teksten)
