"""The ``browser`` fixture lives in ``tests/web/conftest.py``: one chromium per test process.

``browser`` here is kept only so that older ``from tests.web.browser.conftest import browser``
lines import something harmless (a fixture imported into a second conftest would start a
second Playwright, which fails); remove such imports.
"""

browser = None
