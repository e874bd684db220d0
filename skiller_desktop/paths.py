"""Where things live: the data dir comes from the flag, the environment, or the platform."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "Skiller"


def default_data_dir(profile: str = "default") -> Path:
    override = os.environ.get("SKILLER_DATA_DIR")
    if override:
        return Path(override)
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "profiles" / profile


def demo_data_dir() -> Path:
    return default_data_dir("demo")
