from __future__ import annotations

from typing import Any

from socialprotocol.web.checks.models import Check


def test_a_teacher_checks_a_post_and_sees_the_verdict(clients: dict[str, Any]) -> None:
    client = clients["sanne"]
    page = client.get("/")
    assert page.status_code == 200
    assert "Controleer je bericht" in page.content.decode()
    response = client.post(
        "/",
        {"text": "Bel me op 06-12345678 over de excursie van ASKO", "role": "staff", "context": "work"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    check = Check.objects.get()
    result = client.get(response["Location"])
    assert result.status_code == 200
    body = result.content.decode()
    assert check.report is not None
    assert "06-12345678" in body
