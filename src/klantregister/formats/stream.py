"""Records read one at a time from a JSON array, an API page or JSON Lines.

The input is never loaded whole: it is read in blocks, and each record is
decoded from a buffer with :meth:`json.JSONDecoder.raw_decode` and dropped
from the buffer once yielded, so memory holds one block and one record
however long the file is. The first character that is not whitespace tells
the shape:

- ``[``: a JSON array of records;
- ``{``: a page of a paginated list, ``{"count", "next", "previous",
  "results": [...]}``, when that object has a ``"results"`` member; otherwise
  JSON Lines, one record per line (a record may span lines, but no two share one).

Every failure is a :class:`~klantregister.FormaatError` naming the file,
the record's position (1-based) and its line: invalid UTF-8, malformed or
truncated JSON, ``NaN`` or ``Infinity``, a key twice in one object, an
integer of more than 30 digits, nesting too deep, a record beyond the size limit.

:func:`decodeer_regel` (one line, for the check's parts) tries orjson first where the
extra ``snel`` installed it and ``KLANTREGISTER_JSON=json`` does not turn it off.

>>> import io
>>> [r.waarde for r in lees_records(io.BytesIO(b'{"results": [{"a": 1}], "count": 1}'))]
[{'a': 1}]
>>> [(r.positie, r.regel) for r in lees_records(io.StringIO('{"a": 1}\\n\\n{"a": 2}\\n'))]
[(1, 1), (2, 3)]
"""

from __future__ import annotations

import codecs
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from types import ModuleType
from typing import IO, Any, TypeAlias, TypeVar

import attrs

from klantregister.domain import FormaatError, getoonde_telling, maskeer, toon, typefout
from klantregister.formats.argumenten import reeks, tekstbestand
from klantregister.formats.jsontekst import json_codeerder

__all__ = [
    "MAX_RECORD",
    "Bron",
    "GeenRecord",
    "Record",
    "decodeer_regel",
    "decoder",
    "lees_records",
    "schrijf_regels",
]

#: What a reader accepts: a path, or a file object open in binary or text mode.
Bron: TypeAlias = "str | os.PathLike[str] | IO[bytes] | IO[str]"

#: The largest record, in characters, a reader accepts.
MAX_RECORD = 1 << 20
_BLOK = 1 << 16
_MAX_CIJFERS = 30
_WIT = re.compile(r"[ \t\n\r]*")
_SPATIES = re.compile(r"[ \t\r]*")


@attrs.frozen
class Record:
    """One decoded value: its position in the input (1-based) and the line it starts on."""

    positie: int = attrs.field(repr=getoonde_telling)
    regel: int = attrs.field(repr=getoonde_telling)
    # A record holds BSNs ({"inpBsn": ...}): its repr masks every long digit run.
    waarde: object = attrs.field(repr=lambda waarde: maskeer(repr(waarde)))


class _Grens(Exception):  # noqa: N818 (a signal out of the decoder's hooks, never raised further)
    """A decoded value breaks one of the reader's limits."""


def _geheel_getal(tekst: str) -> int:
    # Python 3.10 converts integers of any length, in time quadratic in their length.
    if len(tekst.lstrip("-")) > _MAX_CIJFERS:
        raise _Grens(f"een getal van {len(tekst)} cijfers; ten hoogste {_MAX_CIJFERS} toegestaan")
    return int(tekst)


def _constante(tekst: str) -> object:
    raise _Grens(f"{tekst} is geen JSON-waarde")


def _object(paren: list[tuple[str, Any]]) -> dict[str, Any]:
    # A key given twice would silently lose one of its values.
    uit = dict(paren)
    if len(uit) != len(paren):
        gezien: set[str] = set()
        dubbel = next(k for k, _ in paren if k in gezien or gezien.add(k))  # type: ignore[func-returns-value]
        raise _Grens(f"de sleutel {toon(dubbel)} staat meer dan eens in één object")
    return uit


_DECODER = json.JSONDecoder(
    parse_int=_geheel_getal, parse_constant=_constante, object_pairs_hook=_object
)


class GeenRecord(FormaatError):  # noqa: N818 (what it says; a signal, never shown)
    """A line is not exactly one JSON value as the streaming reader decodes it."""


# The C scanner itself: json's decode() adds two Python calls and two regexes a line.
_SCAN = _DECODER.scan_once  # type: ignore[attr-defined]


def _laad_orjson() -> ModuleType | None:
    """orjson, where it is installed and not turned off by ``KLANTREGISTER_JSON=json``."""
    if os.environ.get("KLANTREGISTER_JSON", "").strip().lower() == "json":
        return None
    try:
        import orjson  # noqa: PLC0415 (optional: the extra "snel")
    except ImportError:
        return None
    return orjson


#: orjson, or None: the standard library's decoder alone. Read once; a test may set it.
_orjson: ModuleType | None = _laad_orjson()
_ONDIEP = 200  # a line this short nests at most half as deep; a longer one is counted


def decoder() -> str:
    """Which decoder :func:`decodeer_regel` tries first: ``"orjson"`` or ``"json"``."""
    return "json" if _orjson is None else "orjson"


def decodeer_regel(tekst: str | bytes) -> object:
    """The one JSON value that is ``tekst`` (already stripped; text, or UTF-8 bytes),
    decoded with the streaming reader's limits; :class:`GeenRecord` for anything else.

    For a reader that has cut a file at line ends itself (the check's parts).

    orjson's value of bytes is taken only when orjson writes it back as these very bytes:
    so no key is given twice (orjson keeps the last, and would write one less), no number
    is read otherwise (an integer beyond 64 bits it reads as a float, written back so), and
    there is no escape or space. Everything else, and lines that may nest deeper than
    ``_ONDIEP // 2``, the standard decoder reads: the same value or error either way.

    >>> decodeer_regel('{"a": 1}')
    {'a': 1}
    >>> decodeer_regel('{"a":[1,2.5,"zë"]}'.encode())
    {'a': [1, 2.5, 'zë']}
    >>> decodeer_regel('{"a": 1, "a": 2}')
    Traceback (most recent call last):
        ...
    klantregister.formats.stream.GeenRecord: geen enkel JSON-record
    """
    if tekst.__class__ is not str and tekst.__class__ is not bytes:
        raise typefout("tekst", "tekst (str) of bytes", tekst)
    if tekst.__class__ is bytes:
        snel = _orjson
        # A line written with spaces (json.dumps's default) orjson cannot write back: it
        # is not tried there, so such files pay for the standard decoder alone.
        if (
            snel is not None
            and b'": ' not in tekst
            and (len(tekst) <= _ONDIEP or tekst.count(b"[") + tekst.count(b"{") <= _ONDIEP // 2)
        ):
            try:
                waarde = snel.loads(tekst)
                if snel.dumps(waarde) == tekst:
                    return waarde
            except (ValueError, TypeError):  # orjson's JSONDecodeError, JSONEncodeError
                pass
        try:
            tekst = tekst.decode("utf-8")
        except UnicodeDecodeError:
            raise GeenRecord("geen geldige UTF-8") from None
    try:
        waarde, eind = _SCAN(tekst, 0)
    except (StopIteration, ValueError, _Grens, RecursionError):
        raise GeenRecord("geen enkel JSON-record") from None
    if eind != len(tekst):
        raise GeenRecord("meer dan één JSON-waarde")
    return waarde


def lees_records(
    bron: Bron, *, naam: str | None = None, max_record: int = MAX_RECORD
) -> Iterator[Record]:
    """Yield every record of ``bron``, read block by block.

    ``bron`` is a path or a file object (binary, read as UTF-8, or text);
    ``naam`` names it in errors (by default the path or the file's name).
    A record longer than ``max_record`` characters is refused.
    """
    if isinstance(bron, (str, os.PathLike)):
        pad = os.fspath(bron)
        if not isinstance(pad, str) or "\x00" in pad:
            raise FormaatError("geen pad: verwacht een pad (tekst, zonder NUL) of een bestand")
        naam = naam or pad
        try:
            bestand = open(pad, "rb")  # noqa: SIM115 (closed by the with below)
        except (OSError, UnicodeError) as fout:
            raise FormaatError(
                f"kan niet geopend worden: {getattr(fout, 'strerror', None) or fout}", bron=naam
            ) from None
        with bestand:
            yield from _Lezer(_tekstlezer(bestand, naam), naam, max_record).records()
    else:
        if not callable(getattr(bron, "read", None)):
            raise FormaatError(f"verwacht een pad of een bestand, kreeg {type(bron).__name__}")
        naam = naam or str(getattr(bron, "name", "") or "<invoer>")
        yield from _Lezer(_tekstlezer(bron, naam), naam, max_record).records()


def _tekstlezer(bestand: IO[bytes] | IO[str], naam: str) -> Callable[[], str]:
    """A function giving the next block of text, ``""`` at the end."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")("strict")
    gelezen = 0

    def lees() -> str:
        nonlocal gelezen
        while True:
            try:
                blok = bestand.read(_BLOK)
            except UnicodeDecodeError as fout:
                raise FormaatError(f"geen geldige tekst: {fout.reason}", bron=naam) from None
            except OSError as fout:
                raise FormaatError(
                    f"kan niet gelezen worden: {fout.strerror or fout}", bron=naam
                ) from None
            if isinstance(blok, str):
                return blok
            if not isinstance(blok, (bytes, bytearray)):
                raise FormaatError(
                    f"read() gaf {type(blok).__name__}, geen bytes of tekst", bron=naam
                )
            try:
                tekst = decoder.decode(blok, final=not blok)
            except UnicodeDecodeError as fout:
                raise FormaatError(
                    f"geen geldige UTF-8 bij byte {gelezen + max(fout.start, 0)}", bron=naam
                ) from None
            gelezen += len(blok)
            # A block may end inside a multi-byte character and decode to nothing yet.
            if tekst or not blok:
                return tekst

    return lees


class _Lezer:
    """A buffer over the text, with the position and line of what is read next."""

    def __init__(self, lees: Callable[[], str], naam: str, max_record: int) -> None:
        self._lees = lees
        self._naam = naam
        self._max = max_record
        self._buf = ""
        self._pos = 0
        self._einde = False
        self._regel = 1  # the line number at _regelpos
        self._regelpos = 0
        self._afgevoerd = 0  # characters dropped from the buffer's front

    # --- the buffer ---------------------------------------------------------------

    def _meer(self) -> bool:
        """Append one more block to the buffer; False at the end of the input."""
        if self._einde:
            return False
        if self._pos:
            self._regel_bij(self._pos)
            self._buf = self._buf[self._pos :]
            self._regelpos -= self._pos
            self._afgevoerd += self._pos
            self._pos = 0
        blok = self._lees()
        if not blok:
            self._einde = True
            return False
        self._buf = blok if not self._buf else self._buf + blok
        return True

    def _regel_bij(self, pos: int) -> int:
        self._regel += self._buf.count("\n", self._regelpos, pos)
        self._regelpos = pos
        return self._regel

    def _fout(self, reden: str, positie: int | None) -> FormaatError:
        return FormaatError(
            reden, bron=self._naam, positie=positie, regel=self._regel_bij(self._pos)
        )

    def _teken(self) -> str | None:
        """The next character that is not whitespace, not consumed; None at the end."""
        while True:
            self._pos = _WIT.match(self._buf, self._pos).end()  # type: ignore[union-attr]
            if self._pos < len(self._buf):
                return self._buf[self._pos]
            if not self._meer():
                return None

    def _waarde(self, positie: int) -> tuple[object, int]:
        """Decode the value at the current position; the value and its line."""
        self._teken()
        regel = self._regel_bij(self._pos)
        while True:
            try:
                waarde, eind = _DECODER.raw_decode(self._buf, self._pos)
            except _Grens as fout:
                raise self._fout(str(fout), positie) from None
            except RecursionError:
                raise self._fout("te diep genest", positie) from None
            except json.JSONDecodeError as fout:
                # Maybe the value goes on in the next block: read on, up to the limit.
                if len(self._buf) - self._pos <= self._max and self._meer():
                    continue
                if len(self._buf) - self._pos > self._max:
                    raise self._fout(
                        f"ongeldige JSON of een record van meer dan {self._max} tekens", positie
                    ) from None
                raise self._fout(f"ongeldige of afgebroken JSON ({fout.msg})", positie) from None
            except ValueError as fout:  # an integer beyond Python's own digit limit
                raise self._fout(f"ongeldig getal ({fout})", positie) from None
            # A number at the very end of the buffer may go on in the next block.
            if eind == len(self._buf) and self._meer():
                continue
            if eind - self._pos > self._max:
                raise self._fout(f"een record van meer dan {self._max} tekens", positie)
            self._pos = eind
            return waarde, regel

    # --- the shapes ---------------------------------------------------------------

    def records(self) -> Iterator[Record]:
        eerste = self._teken()
        if eerste == "\ufeff":  # a byte order mark read through a text file object
            self._pos += 1
            eerste = self._teken()
        if eerste is None:
            return
        if eerste == "[":
            yield from self._lijst(1)
            if self._teken() is not None:
                raise self._fout("na het einde van de lijst staat nog tekst", None)
        elif eerste == "{":
            yield from self._pagina_of_regels()
        else:
            raise self._fout(
                f"begint met {toon(eerste)}: verwacht een JSON-lijst ([), "
                'een pagina ({"results": [...]}) of JSON Lines',
                None,
            )

    def _lijst(self, positie: int) -> Iterator[Record]:
        self._pos += 1  # past "["
        if self._teken() == "]":
            self._pos += 1
            return
        while True:
            if self._teken() is None:
                raise self._fout("de invoer houdt op midden in de lijst", positie)
            waarde, regel = self._waarde(positie)
            yield Record(positie, regel, waarde)
            teken = self._teken()
            if teken == ",":
                self._pos += 1
            elif teken == "]":
                self._pos += 1
                return
            elif teken is None:
                raise self._fout("de invoer houdt op midden in de lijst", positie)
            else:
                raise self._fout(f"verwacht , of ] na het record, vond {toon(teken)}", positie)
            positie += 1

    def _pagina_of_regels(self) -> Iterator[Record]:  # noqa: PLR0912 (one JSON grammar rule)
        """Walk the first object member by member: a page if it has ``results``."""
        regel = self._regel_bij(self._pos)
        begin = self._afgevoerd + self._pos
        self._pos += 1  # past "{"
        leden: dict[str, object] = {}
        pagina = False
        if self._teken() == "}":
            self._pos += 1
        else:
            while True:
                if self._teken() != '"':
                    raise self._fout("verwacht een sleutel tussen aanhalingstekens", 1)
                sleutel, _ = self._waarde(1)
                if self._teken() != ":":
                    raise self._fout("verwacht : na de sleutel", 1)
                self._pos += 1
                if sleutel in leden or (pagina and sleutel == "results"):
                    raise self._fout(f"de sleutel {toon(sleutel)} staat meer dan eens", 1)
                if sleutel == "results":
                    if self._teken() != "[":
                        raise self._fout("results van de pagina is geen lijst", 1)
                    pagina = True
                    yield from self._lijst(1)
                    leden.clear()
                else:
                    waarde, _ = self._waarde(1)
                    if not pagina:
                        leden[str(sleutel)] = waarde
                        if self._afgevoerd + self._pos - begin > self._max:
                            raise self._fout(f"een record van meer dan {self._max} tekens", 1)
                teken = self._teken()
                if teken == ",":
                    self._pos += 1
                elif teken == "}":
                    self._pos += 1
                    break
                else:
                    raise self._fout("verwacht , of } in het object", 1)
        if pagina:
            if self._teken() is not None:
                raise self._fout("na het einde van de pagina staat nog tekst", None)
            return
        self._einde_regel(1)
        yield Record(1, regel, leden)
        yield from self._regels(2)

    def _regels(self, positie: int) -> Iterator[Record]:
        while self._teken() is not None:
            waarde, regel = self._waarde(positie)
            self._einde_regel(positie)
            yield Record(positie, regel, waarde)
            positie += 1

    def _einde_regel(self, positie: int) -> None:
        """Check that nothing but spaces follows the record on its line."""
        while True:
            self._pos = _SPATIES.match(self._buf, self._pos).end()  # type: ignore[union-attr]
            if self._pos < len(self._buf):
                if self._buf[self._pos] != "\n":
                    raise self._fout("na het record staat nog iets op dezelfde regel", positie)
                return
            if not self._meer():
                return


_W = TypeVar("_W")


def schrijf_regels(
    waarden: Iterable[_W], bestand: IO[str], codeer: Callable[[_W], str] | None = None
) -> int:
    """Write each value as one line of JSON (JSON Lines, UTF-8 text); the number written.

    ``codeer`` gives the JSON text of one value, for a format that writes its lines
    itself (:func:`klantregister.formats.kanoniek.regel`); without it a value is written
    as ``json.dumps(waarde, ensure_ascii=False, allow_nan=False)`` writes it.

    A value JSON cannot hold (``NaN``, an object of another type, a circular
    reference) raises :class:`~klantregister.FormaatError` naming its position;
    the lines before it are written, as they are when ``waarden`` raises.
    """
    waarden = reeks("waarden", waarden)
    bestand = tekstbestand(bestand)
    if codeer is not None and not callable(codeer):
        raise typefout("codeer", "een functie of None", codeer)
    naar_json: Callable[[Any], str] = json_codeerder() if codeer is None else codeer
    aantal = 0
    blok: list[str] = []
    grootte = 0

    def schrijf() -> None:
        # One write a block, not two a line: a stream that writes through (stdout under
        # PYTHONUNBUFFERED, a pipe) pays a system call for each.
        if blok:
            blok.append("")
            tekst = "\n".join(blok)
            blok.clear()
            bestand.write(tekst)

    try:
        for waarde in waarden:
            try:
                regel = naar_json(waarde)
            except (TypeError, ValueError) as fout:
                raise FormaatError(
                    f"niet als JSON te schrijven: {fout}", positie=aantal + 1
                ) from None
            blok.append(regel)
            aantal += 1
            grootte += len(regel)
            if grootte >= _SCHRIJFBLOK:
                schrijf()
                grootte = 0
    finally:
        schrijf()
    return aantal


#: How many characters of lines schrijf_regels collects before it writes them.
_SCHRIJFBLOK = 1 << 16
