"""Skiller Desktop core: identity, documents, store and services (no Qt here)."""

__version__ = "0.1.0"
