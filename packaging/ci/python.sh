#!/usr/bin/env bash
# Sourced by the other steps: $PY is the project's .venv Python on every OS.
if [ -x .venv/bin/python ]; then PY=.venv/bin/python; else PY=.venv/Scripts/python.exe; fi
export PY
