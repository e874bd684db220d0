"""The peer endpoint's server thread on a port that is taken."""

from __future__ import annotations

import gc
import socket
import warnings

import pytest
from starlette.applications import Starlette

from sync.node import ServerThread


def test_a_taken_port_is_a_clear_error_and_leaves_no_socket_open():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ResourceWarning)
            with pytest.raises(OSError):
                ServerThread(Starlette(), "127.0.0.1", port)
            gc.collect()
    assert not [w for w in caught if issubclass(w.category, ResourceWarning)], [str(w.message) for w in caught]


def test_a_free_port_serves_and_stops():
    server = ServerThread(Starlette())
    server.start()
    try:
        assert server.server.started and server.port > 0
    finally:
        server.stop()
    assert server.sock.fileno() == -1  # closed
