"""The register: the :class:`~klantregister.KlantRegister` aggregate and its ports.

- :mod:`~klantregister.register.register`: the aggregate, which checks every KLOK01
  rule before it changes anything;
- :mod:`~klantregister.register.ports`: :class:`~klantregister.KlantRepository`, what
  storage must offer;
- :mod:`~klantregister.register.urls`: a repository from a URL;
- :mod:`~klantregister.register.argumenten` and :mod:`~klantregister.register.audit`:
  its arguments that are not value objects, and its log;
- :mod:`~klantregister.register.regels`: the rules checked against the storage's state,
  and what an identificatie is recorded with (rules 5 and 10);
- :mod:`~klantregister.register.verwerker` and :mod:`~klantregister.register.logboeken`:
  the processing log's entries, and a logboek on Python's ``logging``;
- :mod:`~klantregister.register.levensloop` and :mod:`~klantregister.register.tonen`:
  opening and closing a register, and how it shows itself.
"""

from klantregister.register.logboeken import LoggingLogboek
from klantregister.register.ports import KlantRepository, Logboek
from klantregister.register.register import KlantRegister
from klantregister.register.urls import repository_from_url

__all__ = ["KlantRegister", "KlantRepository", "Logboek", "LoggingLogboek", "repository_from_url"]
