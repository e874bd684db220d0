"""End to end: what a registered URI handler runs, `skiller 'skiller:invite?…'`, brings the person in.

The real app in a subprocess, started with a link whose relay the test runs
on loopback; the test waits for the person to be stored in the app's data
dir (never for time), then closes the app with SIGTERM as a session would.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from support import publish, wait_until

from skiller_desktop.invitations import Invitation, encode
from skiller_desktop.services import Services
from sync.hosted_relay import HostedRelay

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.skipif(os.name == "nt", reason="SIGTERM is not a polite request on Windows")
def test_the_app_started_with_a_link_fetches_the_person(tmp_path):
    (tmp_path / "relay").mkdir()
    relay = HostedRelay(tmp_path / "relay", host="127.0.0.1", port=0)
    relay.start()
    try:
        ana = Services(tmp_path / "ana")
        ana.create_identity("Ana Lúcia", "Weaver")
        publish(ana, relay.local_url)
        link = encode(Invitation(ana.person_id, (relay.local_url,), name="Ana Lúcia"))
        ana_id = ana.person_id
        ana.close()
        ben = Services(tmp_path / "ben")
        ben.create_identity("Ben")
        ben.close()
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SKILLER_NO_KEYRING="1",
                   XDG_CONFIG_HOME=str(tmp_path / "config"), HOME=str(tmp_path),
                   PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
        code = "import sys; from skiller_desktop.__main__ import main; sys.exit(main(sys.argv[1:]))"
        app = subprocess.Popen([sys.executable, "-c", code, "--data-dir", str(tmp_path / "ben"), link], env=env,
                               cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            def arrived() -> bool:
                assert app.poll() is None, app.communicate()[1]
                reader = Services(tmp_path / "ben")
                try:
                    return reader.queries.person_exists(ana_id)
                finally:
                    reader.close()

            wait_until(arrived, timeout=90, interval=0.5, message="the person from the link in the app's store")
            app.send_signal(signal.SIGTERM)
            _, stderr = app.communicate(timeout=60)
        finally:
            if app.poll() is None:
                app.kill()
        assert app.returncode == 0, stderr
        assert "Traceback" not in stderr
    finally:
        relay.stop()
