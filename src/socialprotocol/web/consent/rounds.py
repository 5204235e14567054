"""Telling everyone who decides that a re-confirmation round started (one e-mail per address)."""

from __future__ import annotations

import logging
import smtplib

from django.core.mail import send_mass_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from socialprotocol.web.consent import conf
from socialprotocol.web.consent.models import ConsentRound
from socialprotocol.web.consent.rules import AGE_OF_CONSENT
from socialprotocol.web.core.actions import ActingUser, write_audit
from socialprotocol.web.people.models import Membership, ParentLink, Person, Role

log = logging.getLogger(__name__)


def deciders(consent_round: ConsentRound) -> list[Person]:
    """Parents of the pupils under 16 in the round's scope, and pupils of 16 and over."""
    pupils = Membership.objects.filter(role=Role.PUPIL, person__board_id=consent_round.board_id)
    if consent_round.school_id is not None:
        pupils = pupils.filter(school_id=consent_round.school_id)
    today = timezone.localdate()
    try:
        born_16 = today.replace(year=today.year - AGE_OF_CONSENT)
    except ValueError:  # 29 February
        born_16 = today.replace(year=today.year - AGE_OF_CONSENT, day=28)
    ids = pupils.values("person_id")
    minors = Person.objects.filter(pk__in=ids).filter(
        Q(birth_date__gt=born_16) | Q(birth_date__isnull=True)
    )
    parents = ParentLink.objects.filter(child__in=minors).values("parent_id")
    return list(
        Person.objects.filter(
            Q(pk__in=parents) | Q(pk__in=ids, birth_date__lte=born_16), active=True
        ).select_related("user")
    )


def do_notify_round(
    consent_round: ConsentRound, *, base_url: str = "", acting_user: ActingUser
) -> int:
    """E-mail everyone who decides; returns how many addresses were written to."""
    link = (base_url or conf.SITE_URL).rstrip("/") + reverse("consent:home")
    addresses = sorted(
        {p.user.email.strip() for p in deciders(consent_round) if p.user and p.user.email.strip()}
    )
    body = render_to_string("consent/email_round.txt", {"round": consent_round, "link": link})
    subject = f"Bevestig je keuzes voor foto's en video's vóór {consent_round.deadline:%d-%m-%Y}"
    sender = conf.MAIL_FROM or None
    try:
        sent = send_mass_mail([(subject, body, sender, [a]) for a in addresses])
    except (OSError, smtplib.SMTPException):
        log.exception("round %s: the e-mails could not be sent", consent_round.pk)
        sent = 0
    with transaction.atomic():
        write_audit("consent_round_notified", acting_user=acting_user,
                    board=consent_round.board, subject=consent_round,
                    detail={"addresses": len(addresses), "sent": sent})  # fmt: skip
    return sent
