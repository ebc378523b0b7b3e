"""``python -m klantregister``: the command line (see :mod:`klantregister._cli`)."""

import sys

from klantregister._cli import main

sys.exit(main())
