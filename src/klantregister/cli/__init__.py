"""The ``klantregister`` command line: ``check``, ``import`` and ``export``.

It sits on top of every other layer and is imported by none.
"""

from klantregister.cli.commando import main

__all__ = ["main"]
