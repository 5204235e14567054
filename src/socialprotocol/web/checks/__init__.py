"""Checks: the check page, media checks in the background, retention."""
