"""Consent settings, from environment variables through the project's typed helpers."""

from __future__ import annotations

from socialprotocol.web.env import env_int, env_str

# How long a per-post consent link stays valid.
LINK_DAYS = env_int("SOCIALPROTOCOL_CONSENT_LINK_DAYS", 14, minimum=1, maximum=90)
# The address a consent e-mail comes from (empty: Django's DEFAULT_FROM_EMAIL).
MAIL_FROM = env_str("SOCIALPROTOCOL_CONSENT_MAIL_FROM", "")
# The site address put in e-mailed links when there is no request to take it from.
SITE_URL = env_str("SOCIALPROTOCOL_SITE_URL", "http://localhost:8000")

DEFAULT_PURPOSES = (
    ("social", "Sociale media van de school", "School social media accounts"),
    ("website", "Website van de school", "School website"),
    ("newsletter", "Nieuwsbrief en ouderapp (Parro)", "Newsletter and parent app (Parro)"),
    ("guide", "Schoolgids", "School guide"),
    ("press", "Lokale pers", "Local press"),
)
# The photo of a post (original, publishable copy, previews) is deleted this long after the
# post was made; who was tagged and shown stays, so a withdrawal still finds the post.
POST_MEDIA_DAYS = env_int("SOCIALPROTOCOL_CONSENT_POST_MEDIA_DAYS", 365, minimum=1)
