"""Skiller Desktop's Qt user interface: widgets, item models and workers over the services.

Nothing here runs SQL: every read and write goes through `skiller_desktop.services`.
"""
