"""A TCP proxy to a PostgreSQL server that holds every cancel request back for a while, as a
slow network or a busy server would, and loses the first few: ``python annuleerproxy.py URL
SECONDS LOST`` prints the port it listens on (127.0.0.1), then forwards each connection until
it is killed; the first LOST cancel requests are dropped (the server answers none, so the
client cannot tell).

For ``tests/test_postgres_een_ronde.py``: a process waiting for its cancel request to be
answered must let its other threads run.
"""

from __future__ import annotations

import contextlib
import socket
import struct
import sys
import threading
import time

import psycopg

#: The code of a CancelRequest, the first message of a cancel connection.
ANNULEER = 80877102


def _pomp(van: socket.socket, naar: socket.socket) -> None:
    try:
        while gegevens := van.recv(65536):
            naar.sendall(gegevens)
    except OSError:
        pass
    finally:
        for kant in (van, naar):
            with contextlib.suppress(OSError):
                kant.shutdown(socket.SHUT_RDWR)


def _server(gegevens: dict[str, str]) -> socket.socket:
    host, poort = gegevens["host"], gegevens.get("port", "5432")
    if host.startswith("/"):
        verbinding = socket.socket(socket.AF_UNIX)
        verbinding.connect(f"{host}/.s.PGSQL.{poort}")
    else:
        verbinding = socket.create_connection((host, int(poort)))
    return verbinding


def _behandel(
    klant: socket.socket, gegevens: dict[str, str], vertraging: float, verloren: list[int]
) -> None:
    kop = b""
    while len(kop) < 8:
        deel = klant.recv(8 - len(kop))
        if not deel:
            klant.close()
            return
        kop += deel
    lengte, code = struct.unpack("!II", kop)
    if code == ANNULEER:
        if verloren[0] > 0:  # read whole, as the server reads it, then closed unanswered
            verloren[0] -= 1
            while len(kop) < lengte and (deel := klant.recv(lengte - len(kop))):
                kop += deel
            klant.close()
            return
        time.sleep(vertraging)
    server = _server(gegevens)
    server.sendall(kop)
    threading.Thread(target=_pomp, args=(klant, server), daemon=True).start()
    _pomp(server, klant)


def main() -> None:
    gegevens = psycopg.conninfo.conninfo_to_dict(sys.argv[1])
    vertraging, verloren = float(sys.argv[2]), [int(sys.argv[3])]
    luister = socket.socket()
    luister.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    luister.bind(("127.0.0.1", 0))
    luister.listen(16)
    sys.stdout.write(f"{luister.getsockname()[1]}\n")
    sys.stdout.flush()
    while True:
        klant, _ = luister.accept()
        args = (klant, {k: str(v) for k, v in gegevens.items()}, vertraging, verloren)
        threading.Thread(target=_behandel, args=args, daemon=True).start()


if __name__ == "__main__":
    main()
