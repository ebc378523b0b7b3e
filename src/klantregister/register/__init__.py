"""The register: the :class:`~klantregister.KlantRegister` aggregate and its ports.

- :mod:`~klantregister.register.register`: the aggregate, which checks every KLOK01
  rule before it changes anything;
- :mod:`~klantregister.register.ports`: :class:`~klantregister.KlantRepository`, what
  storage must offer;
- :mod:`~klantregister.register.urls`: a repository from a URL;
- :mod:`~klantregister.register.argumenten` and :mod:`~klantregister.register.audit`:
  its arguments that are not value objects, and its log.
"""

from klantregister.register.ports import KlantRepository
from klantregister.register.register import KlantRegister
from klantregister.register.urls import repository_from_url

__all__ = ["KlantRegister", "KlantRepository", "repository_from_url"]
