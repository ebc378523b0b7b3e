"""Identity and provenance: a record's ``uuid`` and ``url`` become the klant's id and bron.

Importing an export twice must register nothing twice, so the readers take the identity
the source gave a record, and refuse a record whose identity is malformed rather than
giving it a new one in silence.
"""

from __future__ import annotations

import uuid

import pytest

from klantregister import KlantBestaatAlError, KlantRegister
from klantregister.formats import Probleemsoort, klanten_v1, klantinteracties

pytestmark = pytest.mark.unit

UUID = "0b1ed6a4-5f8e-4d39-9a1c-2f6e8d4b7c10"
ANDER = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"
V1_URL = f"https://klanten.gemeente.example/api/v1/klanten/{UUID}"
PARTIJ_URL = f"https://openklant.example.nl/klantinteracties/api/v1/partijen/{UUID}"


def v1(**velden: object) -> dict[str, object]:
    return {"klantnummer": "K1", **velden}


def partij(**velden: object) -> dict[str, object]:
    return {"soortPartij": "persoon", **velden}


def test_a_v1_klant_keeps_the_uuid_its_url_ends_with_and_the_url_as_bron() -> None:
    registratie = klanten_v1.lees_klant(v1(url=V1_URL), gemeenten="0363").registratie
    assert registratie is not None
    assert (uuid.UUID(UUID), V1_URL) == (registratie.id, registratie.bron)


@pytest.mark.parametrize("url", [f"{V1_URL}/", V1_URL.upper().replace("HTTPS", "https")])
def test_the_uuid_may_be_followed_by_a_slash_and_be_in_capitals(url: str) -> None:
    registratie = klanten_v1.lees_klant(v1(url=url), gemeenten="0363").registratie
    assert registratie is not None
    assert (uuid.UUID(UUID), url) == (registratie.id, registratie.bron)


def test_a_uuid_member_wins_over_the_url() -> None:
    registratie = klanten_v1.lees_klant(v1(url=V1_URL, uuid=ANDER), gemeenten="0363").registratie
    assert registratie is not None
    assert (uuid.UUID(ANDER), V1_URL) == (registratie.id, registratie.bron)


def test_a_url_without_a_uuid_is_kept_as_bron_and_the_register_gives_the_id() -> None:
    url = "https://klanten.gemeente.example/api/v1/klanten/17"
    registratie = klanten_v1.lees_klant(v1(url=url), gemeenten="0363").registratie
    assert registratie is not None
    assert (None, url) == (registratie.id, registratie.bron)


def test_a_record_without_uuid_or_url_has_neither() -> None:
    registratie = klanten_v1.lees_klant(v1(url="", uuid=None), gemeenten="0363").registratie
    assert registratie is not None
    assert (None, None) == (registratie.id, registratie.bron)


@pytest.mark.parametrize(
    ("velden", "veld", "soort"),
    [
        ({"uuid": "k1"}, "uuid", Probleemsoort.FORMAAT),
        ({"uuid": UUID.replace("-", "")}, "uuid", Probleemsoort.FORMAAT),
        ({"uuid": 7}, "uuid", Probleemsoort.TYPE),
        ({"url": "klanten/17"}, "url", Probleemsoort.FORMAAT),
        ({"url": "ftp://klanten.example.nl/17"}, "url", Probleemsoort.FORMAAT),
        ({"url": f"{V1_URL} "}, "url", Probleemsoort.FORMAAT),
        ({"url": "https://example.nl/" + "a" * 1000}, "url", Probleemsoort.LENGTE),
        ({"url": ["https://example.nl"]}, "url", Probleemsoort.TYPE),
    ],
)
def test_a_malformed_uuid_or_url_is_a_problem_of_the_record(
    velden: dict[str, object], veld: str, soort: Probleemsoort
) -> None:
    for gelezen in (
        klanten_v1.lees_klant(v1(**velden), gemeenten="0363"),
        klantinteracties.lees_partij(partij(**velden), gemeenten="0363"),
    ):
        assert ([(veld, soort)], None) == (
            [(p.veld, p.soort) for p in gelezen.problemen],
            gelezen.registratie,
        )


def test_a_partij_keeps_its_uuid_and_url() -> None:
    gelezen = klantinteracties.lees_partij(partij(uuid=UUID, url=PARTIJ_URL), gemeenten="0363")
    assert gelezen.registratie is not None
    assert (uuid.UUID(UUID), PARTIJ_URL) == (gelezen.registratie.id, gelezen.registratie.bron)


def test_registering_what_was_read_twice_stores_the_klant_once() -> None:
    register = KlantRegister()
    registratie = klanten_v1.lees_klant(v1(url=V1_URL), gemeenten="0363").registratie
    assert registratie is not None
    eerste = register.registreer_alle([registratie])
    tweede = register.registreer_alle([registratie])
    assert (1, [KlantBestaatAlError]) == (
        len(eerste.geregistreerd),
        [type(fout) for _, fout in tweede.geweigerd],
    )
    assert [(UUID, V1_URL)] == [(str(k.id), k.bron) for k in register]


def test_only_the_uuid_a_url_ends_with_is_the_id() -> None:
    # A UUID inside the path names another resource (a zaak), not this klant.
    for url in (
        f"https://x.example.nl/zaken/{ANDER}/klanten/17",
        f"https://x.example.nl/klanten/{UUID}abcdef",
        f"https://x.example.nl/klanten/{UUID}/contactmomenten",
    ):
        registratie = klanten_v1.lees_klant(v1(url=url), gemeenten="0363").registratie
        assert registratie is not None
        assert (None, url) == (registratie.id, registratie.bron)
    inner = f"https://x.example.nl/zaken/{ANDER}/klanten/{UUID}"
    registratie = klanten_v1.lees_klant(v1(url=inner), gemeenten="0363").registratie
    assert registratie is not None
    assert uuid.UUID(UUID) == registratie.id
