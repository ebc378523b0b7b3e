"""The rule-1 index of a check: every natural-person key and the record holding it, compact.

A check must find the records of one gemeente that share a natural person (KLOK01
rule 1), and so keeps every such key until the last record is read. Held as text
(``"0363|bsn|111222333"`` in a dict, the record's id beside it) that cost some 300 bytes
a record; :class:`Regel1Index` holds them in arrays instead:

- a key of a Dutch number (BSN, A-nummer) as one float, exact below 2**53: the
  gemeentecode, the number's kind and the number itself, in decimal places
  (``gemeente * 10**11 + soort * 10**10 + nummer``); any other key (a subject URL, a
  foreign number, a number the reader gave otherwise) as text, numbered once, its
  number negative in the same array;
- beside each key the record that holds it (its place among the records below);
- per record that holds a key: its number, and its id as 16 bytes when it ends in a UUID
  written in lower case (the text before it, such as an API's URL, numbered once), else as
  text.

A BSN-only record costs about 41 bytes, one with an A-nummer too about 57
(``benchmarks/check.py`` measures it). The groups are found once, at the end: the keys
sorted (the C sort of floats), the keys that come twice, the records holding those
joined (union-find), and a group's keys listed in the order they first came.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from array import array
from collections.abc import Iterable

import attrs

from klantregister.domain import NUMMERKLASSEN, NUMMERSOORTEN

__all__ = ["Regel1Index"]

# The decimal places of a packed key: the number, its kind, the gemeente above them.
_NUMMER = 10**10
_GEMEENTE = 10**11
#: Per natural-person number kind (its key's soort): (its digits, its kind's place).
_GETALLEN: dict[str, tuple[int, int]] = {
    soort.sleutel: (klasse.LENGTE, index * _NUMMER)
    for index, (soort, klasse) in enumerate(
        (s, k) for s, k in zip(NUMMERSOORTEN, NUMMERKLASSEN, strict=True) if s.persoonsgebonden
    )
}
_SOORT_BIJ = {basis // _NUMMER: (soort, lengte) for soort, (lengte, basis) in _GETALLEN.items()}
if max(lengte for lengte, _ in _GETALLEN.values()) > 10 or len(_GETALLEN) > 10:  # pragma: no cover
    raise ImportError("a natural-person number no longer fits the packed key's places")
# An id that ends in a UUID in lower case, as the APIs write it (an upper-case one is kept
# as text, so that the report gives it back as it was).
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_UUID_LENGTE = 36
# The kinds of id (a byte per record): none, text, or the number of the text before a UUID.
_GEEN_ID, _TEKST_ID = 0, 255
_NUL = bytes(16)
# Where a UUID has its dashes; how many UUIDs wait at most.
_STREEPJES = (8, 13, 18, 23)
_WACHTEND = 4096


def _getallen(gemeente: str) -> dict[str, tuple[int, int]]:
    if not (len(gemeente) == 4 and gemeente.isascii() and gemeente.isdigit()):
        return {}
    plaats = int(gemeente) * _GEMEENTE
    return {soort: (lengte, plaats + basis) for soort, (lengte, basis) in _GETALLEN.items()}


def _sleutels() -> array[float]:
    return array("d")


def _nummers() -> array[int]:
    return array("q")


@attrs.define(repr=False)
class Regel1Index:
    """Every natural-person key a check was given, with the record holding it.

    Record numbers count from 1 and go up as keys are added (:meth:`houd`).
    """

    # Per key given, in order: the key packed (text keys: minus one minus its number).
    _sleutels: array[float] = attrs.field(factory=_sleutels)
    # Per key given: the record holding it, by its place in _records.
    _houders: array[int] = attrs.field(factory=_nummers)
    _teksten: list[str] = attrs.field(factory=list)
    _tekstnummer: dict[str, int] = attrs.field(factory=dict)
    # Per record that holds a key, in order: its number, its kind of id, its UUID's bytes.
    _records: array[int] = attrs.field(factory=_nummers)
    _idsoort: bytearray = attrs.field(factory=bytearray)
    _uuids: bytearray = attrs.field(factory=bytearray)
    # The texts before a UUID, by their number (0 is no id: its place is taken).
    _voorvoegsels: list[str] = attrs.field(factory=lambda: [""])
    _voorvoegselnummer: dict[str, int] = attrs.field(factory=dict)
    _tekst_ids: dict[int, str] = attrs.field(factory=dict)
    # The UUIDs (as text) of the last records, whose ids began with the same prefix and
    # were as long as _id_lengte: _idsoort has their kind, _uuids not yet their bytes.
    _wachtend: list[str] = attrs.field(factory=list)
    _voorvoegsel: str = ""
    _id_lengte: int = -1
    # Per gemeentecode: per number kind, its digits and its packed key's place (none when
    # the code is not four digits).
    _gemeenten: dict[str, dict[str, tuple[int, int]]] = attrs.field(factory=dict)

    @property
    def records(self) -> int:
        """How many records hold a key here."""
        return len(self._records)  # (the ids that wait have their records)

    def __repr__(self) -> str:
        return f"<Regel1Index sleutels={len(self._sleutels)} records={len(self._records)}>"

    def houd(
        self, nummer: int, id_: str | None, gemeente: str, sleutels: Iterable[tuple[str, str]]
    ) -> None:
        """Add the natural-person keys ``(soort, waarde)`` of record ``nummer`` in
        ``gemeente``; ``nummer`` is higher than any given before."""
        getallen = self._gemeenten.get(gemeente)
        if getallen is None:
            getallen = self._gemeenten[gemeente] = _getallen(gemeente)
        append = self._sleutels.append
        plaats = len(self._records)
        for soort, waarde in sleutels:
            getal = getallen.get(soort)
            if (
                getal is not None
                and len(waarde) == getal[0]
                and waarde.isdigit()
                and waarde.isascii()
            ):
                append(getal[1] + int(waarde))
            else:
                append(-1 - self._tekst(f"{gemeente}|{soort}|{waarde}"))
            self._houders.append(plaats)
        self._records.append(nummer)
        if (
            id_ is not None
            and len(id_) == self._id_lengte
            and id_.startswith(voorvoegsel := self._voorvoegsel)
        ):
            # Of the same kind as the record before: its UUID waits, to be encoded with
            # those of the records around it in one go.
            self._idsoort.append(self._voorvoegselnummer[voorvoegsel])
            self._wachtend.append(id_[-_UUID_LENGTE:])
            if len(self._wachtend) >= _WACHTEND:
                self._klaar()
            return
        self._klaar()
        if id_ is None:
            self._idsoort.append(_GEEN_ID)
            self._uuids += _NUL
            return
        begin = len(id_) - _UUID_LENGTE
        soort_id = _TEKST_ID
        if begin >= 0 and _UUID.fullmatch(id_, begin):
            soort_id = self._voorvoegselnummer.get(voorvoegsel := id_[:begin], _TEKST_ID)
            if soort_id == _TEKST_ID and len(self._voorvoegsels) < _TEKST_ID:
                soort_id = self._voorvoegselnummer[voorvoegsel] = len(self._voorvoegsels)
                self._voorvoegsels.append(voorvoegsel)
            if soort_id != _TEKST_ID:
                self._voorvoegsel, self._id_lengte = voorvoegsel, len(id_)
        if soort_id == _TEKST_ID:
            self._tekst_ids[nummer] = id_
            self._uuids += _NUL
        else:
            self._uuids += bytes.fromhex(id_[begin:].replace("-", ""))
        self._idsoort.append(soort_id)

    def _klaar(self) -> None:
        """Encode the UUIDs that wait: all at once when all are UUIDs in lower case."""
        wachtend = self._wachtend
        if not wachtend:
            return
        samen = "".join(wachtend)
        aantal = len(wachtend)
        cijfers = samen.replace("-", "")
        try:
            ruw = bytes.fromhex(cijfers)
        except ValueError:
            ruw = b""
        if not (
            len(ruw) == 16 * aantal
            and ruw.hex() == cijfers  # hexadecimal digits in lower case, nothing between
            and all(samen[plaats::_UUID_LENGTE].count("-") == aantal for plaats in _STREEPJES)
        ):
            # Not all are: each on its own (this is rare: the ids looked alike).
            eerste = len(self._idsoort) - aantal
            ruw = b""
            for index, uuid in enumerate(wachtend, eerste):
                if _UUID.fullmatch(uuid):
                    ruw += bytes.fromhex(uuid.replace("-", ""))
                else:
                    nummer = self._records[index]
                    self._tekst_ids[nummer] = self._voorvoegsels[self._idsoort[index]] + uuid
                    self._idsoort[index] = _TEKST_ID
                    ruw += _NUL
        self._uuids += ruw
        wachtend.clear()

    def _tekst(self, sleutel: str) -> int:
        nummer = self._tekstnummer.get(sleutel)
        if nummer is None:
            nummer = self._tekstnummer[sleutel] = len(self._teksten)
            self._teksten.append(sleutel)
        return nummer

    def voeg_samen(self, deel: Regel1Index, verschuiving: int) -> None:
        """Take over ``deel``'s keys, its record numbers ``verschuiving`` higher (all above
        those here). ``deel`` is taken over: do not use it afterwards."""
        self._klaar()
        deel._klaar()
        schuif = verschuiving.__add__
        sleutels = deel._sleutels
        if deel._teksten:
            kaart = {-1.0 - n: -1.0 - self._tekst(t) for n, t in enumerate(deel._teksten)}
            sleutels = array("d", [kaart.get(s, s) for s in sleutels])
        self._sleutels += sleutels
        self._houders += array("q", map(len(self._records).__add__, deel._houders))
        self._records += array("q", map(schuif, deel._records))
        # The numbers of deel's prefixes, as here (a prefix beyond the 254th: its ids as text).
        tabel = bytearray(range(256))
        for nummer, voorvoegsel in enumerate(deel._voorvoegsels[1:], 1):
            hier = self._voorvoegselnummer.get(voorvoegsel)
            if hier is None and len(self._voorvoegsels) < _TEKST_ID:
                hier = self._voorvoegselnummer[voorvoegsel] = len(self._voorvoegsels)
                self._voorvoegsels.append(voorvoegsel)
            tabel[nummer] = _TEKST_ID if hier is None else hier
        if tabel[: len(deel._voorvoegsels)].count(_TEKST_ID):
            for index, soort_id in enumerate(deel._idsoort):
                if tabel[soort_id] == _TEKST_ID and soort_id != _TEKST_ID:
                    deel._tekst_ids[deel._records[index]] = deel._ids([index])[0]  # type: ignore[assignment]
        self._idsoort += deel._idsoort.translate(tabel)
        self._uuids += deel._uuids
        self._tekst_ids.update({schuif(n): id_ for n, id_ in deel._tekst_ids.items()})

    def id(self, nummer: int) -> str | None:
        """The id of record ``nummer``, which holds a key."""
        self._klaar()
        index = bisect.bisect_left(self._records, nummer)
        if index == len(self._records) or self._records[index] != nummer:
            raise KeyError(nummer)
        return self._ids([index])[0]

    def groepen(self) -> list[tuple[list[str], list[int], list[str | None]]]:
        """The rule-1 groups, by their first record: the keys its records hold (as
        ``"0363|bsn|111222333"``, in the order they first came), its records' numbers, in
        order, and their ids."""
        self._klaar()
        sleutels, houders = self._sleutels, self._houders
        gesorteerd = sorted(sleutels)
        dubbel = set(
            itertools.compress(
                itertools.islice(gesorteerd, 1, None),
                map(operator.eq, gesorteerd, itertools.islice(gesorteerd, 1, None)),
            )
        )
        del gesorteerd
        if not dubbel:
            return []
        # Union-find over the records (by their place) that share a key, the first the root.
        ouder: dict[int, int] = {}
        eerste: dict[float, int] = {}
        for index in itertools.compress(itertools.count(), map(dubbel.__contains__, sleutels)):
            plaats = houders[index]
            houder = eerste.setdefault(sleutels[index], plaats)
            if houder == plaats:
                continue
            if plaats not in ouder:
                # Records come in order: one not yet joined goes under the earlier one's root.
                ouder[plaats] = _wortel(ouder, houder)
                ouder.setdefault(houder, houder)
            else:
                _verbind(ouder, houder, plaats)
        # Every key of a group's records, in the order they first came.
        groepen: dict[int, tuple[list[str], list[int]]] = {}
        gezien: set[float] = set()
        for index in itertools.compress(itertools.count(), map(ouder.__contains__, houders)):
            sleutel = sleutels[index]
            if sleutel not in gezien:
                gezien.add(sleutel)
                wortel = _wortel(ouder, houders[index])
                groepen.setdefault(wortel, ([], []))[0].append(self._als_tekst(sleutel))
        for plaats in ouder:
            groepen[_wortel(ouder, plaats)][1].append(plaats)
        uit: list[tuple[list[str], list[int], list[str | None]]] = []
        records = self._records
        for wortel in sorted(groepen):
            teksten, plaatsen = groepen[wortel]
            plaatsen.sort()
            uit.append((teksten, [records[p] for p in plaatsen], self._ids(plaatsen)))
        return uit

    def _ids(self, plaatsen: list[int]) -> list[str | None]:
        """The ids of the records at ``plaatsen``."""
        ids: list[str | None] = []
        soorten, uuids, voorvoegsels = self._idsoort, self._uuids, self._voorvoegsels
        for plaats in plaatsen:
            soort_id = soorten[plaats]
            if soort_id == _GEEN_ID:
                ids.append(None)
            elif soort_id == _TEKST_ID:
                ids.append(self._tekst_ids[self._records[plaats]])
            else:
                h = uuids[16 * plaats : 16 * plaats + 16].hex()
                ids.append(
                    f"{voorvoegsels[soort_id]}{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
                )
        return ids

    def _als_tekst(self, sleutel: float) -> str:
        if sleutel < 0:
            return self._teksten[int(-1 - sleutel)]
        gemeente, rest = divmod(int(sleutel), _GEMEENTE)
        soort, lengte = _SOORT_BIJ[rest // _NUMMER]
        return f"{gemeente:04d}|{soort}|{rest % _NUMMER:0{lengte}d}"


def _wortel(ouder: dict[int, int], nummer: int) -> int:
    while (boven := ouder.get(nummer, nummer)) != nummer:
        # Path halving keeps the trees flat.
        ouder[nummer] = ouder.get(boven, boven)
        nummer = boven
    return nummer


def _verbind(ouder: dict[int, int], a: int, b: int) -> None:
    ouder.setdefault(a, a)
    ouder.setdefault(b, b)
    wortel_a, wortel_b = _wortel(ouder, a), _wortel(ouder, b)
    if wortel_a != wortel_b:
        # The earliest record stays the root: the group is reported in input order.
        ouder[max(wortel_a, wortel_b)] = min(wortel_a, wortel_b)
