"""Concurrent programming helpers (a package, as in CPython)."""
