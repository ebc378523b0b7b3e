"""``python -m klantregister``: the command line (see :mod:`klantregister.cli.commando`)."""

import sys

from klantregister.cli import main

sys.exit(main())
