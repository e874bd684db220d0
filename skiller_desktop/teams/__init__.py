"""Teams (issue #6): a shared Automerge document per team, its policy, read models and services."""
