"""Rich display in notebooks, without the domain importing its presentation.

Jupyter shows an object as HTML when it has a ``_repr_html_`` method. The
domain's values have one that asks this module; the display layer
(:mod:`klantregister.display`) says here how each class is shown, when
``klantregister`` is imported. So the domain stays free of HTML, and a class
without a registered view is shown as its escaped ``repr``.

>>> class Waarde:
...     def __repr__(self) -> str:
...         return "<Waarde & co>"
>>> html(Waarde())
'<pre>&lt;Waarde &amp; co&gt;</pre>'
>>> registreer_html(Waarde, lambda waarde: "<b>waarde</b>")
>>> html(Waarde())
'<b>waarde</b>'
"""

from __future__ import annotations

import html as _html
from collections.abc import Callable
from typing import Any, TypeVar

__all__ = ["html", "registreer_html"]

_T = TypeVar("_T")

_WEERGAVEN: dict[type[Any], Callable[[Any], str]] = {}


def registreer_html(klasse: type[_T], weergave: Callable[[_T], str]) -> None:
    """Show instances of ``klasse`` as the HTML ``weergave`` makes of them."""
    _WEERGAVEN[klasse] = weergave


def html(waarde: object) -> str:
    """``waarde`` as HTML: its registered view, or its ``repr`` escaped."""
    weergave = _WEERGAVEN.get(type(waarde))
    if weergave is None:
        return f"<pre>{_html.escape(repr(waarde))}</pre>"
    return weergave(waarde)
