"""The web application: a Django project with apps per domain (DESIGN §4)."""
