"""Checks are private to their author: not in the admin."""
