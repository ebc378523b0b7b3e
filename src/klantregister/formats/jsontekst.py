"""JSON text as ``json.dumps(waarde, ensure_ascii=False, allow_nan=False)`` writes it, for
many values: what :func:`~klantregister.formats.stream.schrijf_regels` and the formats'
writers write their lines with.

>>> codeer = json_codeerder()
>>> codeer({"naam": "Zoë", "nummers": [1, 2]})
'{"naam": "Zoë", "nummers": [1, 2]}'
"""

from __future__ import annotations

import json
import json.encoder
from collections.abc import Callable

__all__ = ["json_codeerder"]


def json_codeerder(*, kringen: bool = True) -> Callable[[object], str]:
    """``json.dumps(waarde, ensure_ascii=False, allow_nan=False)`` as one function, for
    many values: the C encoder json.dumps makes for every call, made once.

    Without ``kringen`` it does not look for a container that holds itself (a value
    built by a writer holds none), which costs a little per container. Where the
    json module has no C encoder, or makes it otherwise, this is the module's own
    ``JSONEncoder.encode``: the same text.
    """
    standaard = json.JSONEncoder(ensure_ascii=False, allow_nan=False, check_circular=kringen).encode
    maak = getattr(json.encoder, "c_make_encoder", None)
    if maak is None:  # pragma: no cover - CPython has it
        return standaard
    # The containers being written, where it looks for circles; a value that fails in
    # the middle of one leaves them here, and they are forgotten then.
    onderweg: dict[int, object] | None = {} if kringen else None
    try:
        encoder = maak(
            onderweg,
            _STANDAARD.default,
            json.encoder.encode_basestring,
            None,
            ": ",
            ", ",
            False,
            False,
            False,
        )
    except TypeError:  # pragma: no cover - a json module whose encoder takes other arguments
        return standaard

    def codeer(waarde: object) -> str:
        try:
            return "".join(encoder(waarde, 0))
        except BaseException:
            if onderweg:
                onderweg.clear()
            raise

    return codeer if codeer(_PROEF) == standaard(_PROEF) else standaard


_STANDAARD = json.JSONEncoder()
# A value of every kind JSON has, to see that the encoder made writes what json.dumps does.
_PROEF = {"a": [1, 2.5, 'é\n\u2028"', None, True, False], "b": {"c": -0.0}, "": []}
