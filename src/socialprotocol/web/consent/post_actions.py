"""Every change in the consent flow of one post: create it from a checked photo, tag faces,
name voices, ask for consent, record the answer, make the publishable copy."""

from __future__ import annotations

import tempfile
from datetime import timedelta
from pathlib import Path

from django.core.files import File
from django.db import transaction
from django.utils import timezone

from socialprotocol.web.checks.models import CheckMedia
from socialprotocol.web.consent import conf, media
from socialprotocol.web.consent.actions import ConsentError, do_record_consent, user_or_none
from socialprotocol.web.consent.lookup import statuses_for_purpose
from socialprotocol.web.consent.models import (
    ConsentRequest,
    FaceTag,
    Method,
    Publication,
    Purpose,
    VoiceTag,
)
from socialprotocol.web.consent.rules import Status, Tag, faces_to_keep, sound_may_stay
from socialprotocol.web.core.actions import ActingUser, write_audit
from socialprotocol.web.people.models import Person, School

UNKNOWN = "unknown"
GONE = "De foto is na de bewaartermijn verwijderd."


def do_create_publication(
    item: CheckMedia,
    purpose: Purpose,
    *,
    title: str = "",
    school: School | None = None,
    acting_user: ActingUser,
) -> Publication:
    """A post for the consent flow from one checked photo: a copy of the file and its face
    boxes (the check itself is deleted by its own retention)."""
    check = item.check_obj
    if purpose.board_id != check.board_id:
        raise ConsentError("Dit doel hoort bij een ander bestuur.")
    if item.kind not in {"image", "video", "audio"}:
        raise ConsentError("Dit bestand kan niet.")
    boxes = media.face_boxes(item.file.path) if item.kind == "image" else []
    with transaction.atomic():
        pub = Publication(
            board_id=check.board_id,
            school=school,
            created_by=user_or_none(acting_user),
            title=(title or item.name)[:200],
            purpose=purpose,
            kind=item.kind,
            width=item.width or 0,
            height=item.height or 0,
        )
        with item.file.open("rb") as fh:
            pub.original.save(Path(item.file.name or item.name).name, File(fh), save=False)
        pub.save()
        FaceTag.objects.bulk_create(
            FaceTag(publication=pub, index=i, x=b[0], y=b[1], w=b[2], h=b[3])
            for i, b in enumerate(boxes)
        )
        write_audit(
            "publication_created",
            acting_user=acting_user,
            board=check.board,
            subject=pub,
            detail={"faces": len(boxes), "purpose": purpose.key, "kind": item.kind},
        )
    return pub


def do_change_purpose(pub: Publication, purpose: Purpose, *, acting_user: ActingUser) -> None:
    if purpose.board_id != pub.board_id:
        raise ConsentError("Dit doel hoort bij een ander bestuur.")
    with transaction.atomic():
        old = pub.purpose.key
        pub.purpose = purpose
        pub.save(update_fields=["purpose"])
        write_audit(
            "publication_purpose_changed",
            acting_user=acting_user,
            board=pub.board,
            subject=pub,
            detail={"from": old, "to": purpose.key},
        )


def do_tag_faces(
    pub: Publication,
    tags: dict[int, Person | str | None],
    *,
    acting_user: ActingUser,
) -> int:
    """Say who each face is: a person, ``"unknown"`` (onbekend / niet herkenbaar) or None
    (untagged). The caller has checked the people are theirs to tag. Returns faces changed."""
    faces = {f.index: f for f in pub.faces.all()}
    changed: list[FaceTag] = []
    for index, who in tags.items():
        face = faces.get(index)
        if face is None:
            raise ConsentError(f"Gezicht {index + 1} bestaat niet.")
        if isinstance(who, Person) and who.board_id != pub.board_id:
            raise ConsentError("Deze persoon hoort bij een ander bestuur.")
        person = who if isinstance(who, Person) else None
        unknown = who == UNKNOWN
        if face.person_id != (person.pk if person else None) or face.unknown != unknown:
            face.person, face.unknown = person, unknown
            changed.append(face)
    with transaction.atomic():
        FaceTag.objects.bulk_update(changed, ["person", "unknown"])
        if changed:
            write_audit(
                "faces_tagged",
                acting_user=acting_user,
                board=pub.board,
                subject=pub,
                detail={
                    "faces": [f.index for f in changed],
                    "tagged": sum(1 for f in changed if f.person_id),
                    "unknown": sum(1 for f in changed if f.unknown),
                },
            )
    return len(changed)


def do_set_voices(pub: Publication, people: list[Person], *, acting_user: ActingUser) -> None:
    """Who can be heard in the post (named by the poster; voices are never recognised)."""
    if any(p.board_id != pub.board_id for p in people):
        raise ConsentError("Deze persoon hoort bij een ander bestuur.")
    with transaction.atomic():
        pub.voices.exclude(person__in=people).delete()
        have = set(pub.voices.values_list("person_id", flat=True))
        VoiceTag.objects.bulk_create(
            VoiceTag(publication=pub, person=p) for p in people if p.pk not in have
        )
        write_audit(
            "voices_named",
            acting_user=acting_user,
            board=pub.board,
            subject=pub,
            detail={"people": sorted(p.pk for p in people)},
        )


def people_in(pub: Publication) -> list[int]:
    faces = pub.faces.filter(person__isnull=False, unknown=False).values_list(
        "person_id", flat=True
    )
    voices = pub.voices.values_list("person_id", flat=True)
    return sorted({*faces, *voices})


def current_statuses(pub: Publication) -> dict[int, Status]:
    """The registry's answer for everyone tagged or heard, for this post's purpose (one query)."""
    return statuses_for_purpose(
        pub.board_id, people_in(pub), pub.purpose_id, day=timezone.localdate(), publication=pub
    )


def do_make_copy(pub: Publication, *, acting_user: ActingUser) -> Publication:
    """The publishable copy: every face blurred unless tagged with a person whose answer is yes;
    metadata stripped; sound only when everyone heard consented. The registry is asked now, at
    the moment of the copy, never earlier."""
    if not pub.original:
        raise ConsentError(GONE)
    statuses = current_statuses(pub)
    faces = list(pub.faces.all())
    tags = [Tag(f.box, f.person_id, f.unknown) for f in faces]
    keep = faces_to_keep(tags, statuses)
    voices = list(pub.voices.all())
    keep_audio = sound_may_stay([v.person_id for v in voices], statuses)
    if pub.kind == "audio" and not keep_audio:
        raise ConsentError(
            "Niet iedereen die te horen is gaf toestemming: dit geluid kan niet geplaatst worden."
        )
    suffix = Path(pub.original.name or "x.jpg").suffix.lower() if pub.kind != "image" else ".jpg"
    with tempfile.TemporaryDirectory() as tmp:
        out = str(Path(tmp) / f"publiceerbaar{suffix}")
        media.write_copy(
            pub.original.path, out, keep if pub.kind == "image" else [], keep_audio=keep_audio
        )
        # What was asked to stay visible counts as used (the take-down list errs on the safe side).
        wanted = set(keep)
        shown = [f for f in faces if f.box in wanted]
        with transaction.atomic(), open(out, "rb") as fh:
            if pub.copy:
                pub.copy.delete(save=False)
            pub.copy.save(f"publiceerbaar{suffix}", File(fh), save=False)
            pub.copy_made = timezone.now()
            pub.save(update_fields=["copy", "copy_made"])
            FaceTag.objects.filter(publication=pub).update(shown_in_copy=False)
            FaceTag.objects.filter(pk__in=[f.pk for f in shown]).update(shown_in_copy=True)
            VoiceTag.objects.filter(publication=pub).update(shown_in_copy=keep_audio)
            write_audit(
                "publication_copy_made",
                acting_user=acting_user,
                board=pub.board,
                subject=pub,
                detail={
                    "faces": len(faces),
                    "shown": sorted(f.person_id for f in shown if f.person_id),
                    "blurred": len(faces) - len(shown),
                    "sound": keep_audio,
                    "purpose": pub.purpose.key,
                },
            )
            write_audit(
                "consent_viewed",
                acting_user=acting_user,
                board=pub.board,
                detail={"people": sorted(statuses), "where": "publication_copy"},
            )
    return pub


def open_requests(pub: Publication) -> dict[int, ConsentRequest]:
    now = timezone.now()
    return {r.subject_id: r for r in pub.requests.filter(answered__isnull=True, expires_at__gt=now)}


def do_answer_request(
    request: ConsentRequest, answer: str, *, acting_user: ActingUser
) -> ConsentRequest:
    """The recipient's yes or no through the signed link: a per-post record in the registry."""
    if answer not in {"given", "refused"}:
        raise ConsentError("Kies ja of nee.")
    if request.answered is not None:
        raise ConsentError("Dit verzoek is al beantwoord.")
    if request.expires_at <= timezone.now():
        raise ConsentError("Deze link is verlopen. Vraag de school om een nieuwe.")
    pub = request.publication
    with transaction.atomic():
        do_record_consent(
            request.subject,
            pub.purpose,
            answer,
            given_by=request.recipient,
            method=Method.POST_LINK,
            publication=pub,
            evidence=f"verzoek {request.pk}",
            acting_user=acting_user,
        )
        request.answer, request.answered = answer, timezone.now()
        request.save(update_fields=["answer", "answered"])
        # Other open requests for the same person (the other parent) are settled too.
        pub.requests.filter(subject=request.subject, answered__isnull=True).exclude(
            pk=request.pk
        ).update(answered=request.answered, answer="")
    return request


def request_expiry() -> timedelta:
    return timedelta(days=conf.LINK_DAYS)
