"""Per-post consent requests: who to ask, the signed link, the e-mail, the preview photo."""

from __future__ import annotations

import logging
import smtplib
import tempfile
from pathlib import Path

from django.core import signing
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from socialprotocol.web.consent import conf, media
from socialprotocol.web.consent.access import who_decides
from socialprotocol.web.consent.models import ConsentRequest, Publication
from socialprotocol.web.consent.post_actions import (
    current_statuses,
    open_requests,
    request_expiry,
)
from socialprotocol.web.consent.rules import Capacity, Status
from socialprotocol.web.core.actions import ActingUser, write_audit
from socialprotocol.web.people.models import ParentLink, Person

log = logging.getLogger(__name__)
_SALT = "socialprotocol.consent.request"


def token_for(request: ConsentRequest) -> str:
    return signing.dumps(request.pk, salt=_SALT)


def request_from_token(token: str) -> ConsentRequest | None:
    """The request of a valid, unexpired link (None for anything else)."""
    try:
        pk = signing.loads(token, salt=_SALT, max_age=request_expiry())
    except signing.BadSignature:  # SignatureExpired is one
        return None
    found = (
        ConsentRequest.objects.select_related("publication__purpose", "subject", "recipient")
        .filter(pk=pk)
        .first()
    )
    if found is None or found.expires_at <= timezone.now():
        return None
    return found


def recipients(subject: Person) -> list[Person]:
    """Who decides for ``subject`` today: their parents below 16, themself from 16."""
    if who_decides(subject, timezone.localdate()) is Capacity.SELF:
        return [subject]
    return list(
        Person.objects.filter(
            pk__in=ParentLink.objects.filter(child=subject).values("parent_id"), active=True
        ).select_related("user")
    )


def preview_name(request: ConsentRequest) -> str:
    return f"consent/{request.publication_id}/voorbeeld-{request.pk}.jpg"


def _make_preview(request: ConsentRequest) -> None:
    """The photo with only this person visible: what their parent gets to see."""
    pub = request.publication
    if pub.kind != "image" or not pub.original:
        return
    keep = [f.box for f in pub.faces.filter(person=request.subject, unknown=False)]
    with tempfile.TemporaryDirectory() as tmp:
        out = str(Path(tmp) / "voorbeeld.jpg")
        media.write_copy(pub.original.path, out, keep)
        with open(out, "rb") as fh:
            default_storage.save(preview_name(request), File(fh))


def _email(person: Person) -> str:
    user = person.user
    return (user.email or "").strip() if user is not None else ""


def do_request_consent(
    pub: Publication, *, base_url: str = "", acting_user: ActingUser
) -> tuple[list[ConsentRequest], list[Person]]:
    """Ask everyone in the post without consent (and without an open request) by e-mail.

    Returns the requests sent and the people nobody could be asked for (no e-mail address)."""
    statuses = current_statuses(pub)
    waiting = open_requests(pub)
    todo = [p for p, s in statuses.items() if s is not Status.YES and p not in waiting]
    people = {p.pk: p for p in Person.objects.filter(pk__in=todo).select_related("user")}
    sent: list[ConsentRequest] = []
    unreachable: list[Person] = []
    base = (base_url or conf.SITE_URL).rstrip("/")
    for pid in todo:
        subject = people[pid]
        capacity = who_decides(subject, timezone.localdate())
        to = [(r, _email(r)) for r in recipients(subject)]
        to = [(r, e) for r, e in to if e]
        if not to:
            unreachable.append(subject)
            continue
        for recipient, email in to:
            with transaction.atomic():
                req = ConsentRequest.objects.create(
                    publication=pub,
                    subject=subject,
                    recipient=recipient,
                    capacity=capacity.value,
                    email=email,
                    expires_at=timezone.now() + request_expiry(),
                )
                write_audit(
                    "consent_requested",
                    acting_user=acting_user,
                    board=pub.board,
                    subject=req,
                    subject_key=subject.external_id,
                    detail={"post": str(pub.pk), "person": subject.pk,
                            "recipient": recipient.pk, "purpose": pub.purpose.key},
                )  # fmt: skip
            _make_preview(req)
            # After the commit: a mail is never sent for a request that was rolled back.
            if _send(req, base + reverse("consent:link", args=[token_for(req)])):
                sent.append(req)
            else:
                _drop(req, acting_user)
                if subject not in unreachable:
                    unreachable.append(subject)
    with transaction.atomic():
        write_audit(
            "consent_viewed",
            acting_user=acting_user,
            board=pub.board,
            detail={"people": sorted(statuses), "where": "publication_request"},
        )
    return sent, unreachable


def _send(req: ConsentRequest, link: str) -> bool:
    context = {"request": req, "link": link, "pub": req.publication, "days": conf.LINK_DAYS}
    body = render_to_string("consent/email_request.txt", context)
    subject = f"Toestemming gevraagd: foto voor {req.publication.purpose.name}"
    try:
        send_mail(subject, body, conf.MAIL_FROM or None, [req.email])
    except (OSError, smtplib.SMTPException):
        log.exception("consent request %s: the e-mail could not be sent", req.pk)
        return False
    return True


def _drop(req: ConsentRequest, acting_user: ActingUser) -> None:
    """A request whose e-mail never left is no request: remove it (and its preview)."""
    with transaction.atomic():
        write_audit("consent_request_failed", acting_user=acting_user, board=req.publication.board,
                    subject=req, detail={"person": req.subject_id, "recipient": req.recipient_id})  # fmt: skip
        default_storage.delete(preview_name(req))
        req.delete()
