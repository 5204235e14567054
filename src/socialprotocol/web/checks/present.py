"""The report as the page shows it: the engine's JSON plus what a person needs to read it."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from socialprotocol.engine.protocol import Protocol

VERDICTS = {
    "allowed": ("Je kunt dit plaatsen", "You can post this"),
    "revise": ("Pas dit eerst aan", "Change this first"),
    "consult": ("Overleg eerst met je leidinggevende", "Consult your supervisor first"),
    "not_allowed": ("Plaats dit niet", "Do not post this"),
}


@dataclass(slots=True)
class ShownFinding:
    number: int
    data: dict[str, Any]
    message: str
    article: str
    article_text: str
    fixable: bool
    fix_label: str
    image_boxes: list[dict[str, float]] = field(default_factory=list)
    count: int = 1  # findings of one kind in one photo or video are shown once, with a count


@dataclass(slots=True)
class Segment:
    text: str
    findings: list[int] = field(default_factory=list)


def _lang(msg: dict[str, str] | None, lang: str) -> str:
    if not msg:
        return ""
    return msg.get("en" if lang == "en" else "nl") or msg.get("nl", "")


def _fix_label(fix: dict[str, Any] | None, lang: str) -> str:
    if not fix:
        return ""
    labels = {
        "redact": ("Vervang door", "Replace with"),
        "remove": ("Haal weg", "Remove"),
        "append": ("Voeg toe", "Add"),
    }
    nl, en = labels.get(fix["action"], ("", ""))
    label = en if lang == "en" else nl
    if fix.get("text") and fix["action"] in {"redact", "append"}:
        return f"{label}: {fix['text']}"
    return label


def shown_findings(
    report: dict[str, Any], text: str, protocol: Protocol, lang: str, sizes: dict[int, tuple[int, int]]
) -> list[ShownFinding]:
    out: list[ShownFinding] = []
    grouped: dict[tuple[str, str, int], ShownFinding] = {}
    for n, f in enumerate(report.get("findings", [])):
        try:
            article = protocol.article(f["rule"])
            article_text = article.statement.en if lang == "en" else article.statement.nl
        except KeyError:
            article_text = ""
        ev, fix = f.get("evidence") or {}, f.get("fix")
        in_text = ev.get("kind") == "text" and text[ev["start"] : ev["end"]] == ev.get("excerpt")
        fixable = bool(fix) and (
            (in_text and fix["action"] in {"redact", "remove"}) or fix["action"] == "append"
        )
        boxes = []
        if ev.get("kind") in {"image", "video"} and ev.get("box") and ev.get("media") in sizes:
            w, h = sizes[ev["media"]]
            x, y, bw, bh = ev["box"]
            boxes.append({"media": ev["media"], "left": 100 * x / w, "top": 100 * y / h,
                          "width": 100 * bw / w, "height": 100 * bh / h})  # fmt: skip
        if ev.get("kind") in {"image", "video", "audio"}:
            key = (f["rule"], f["category"], int(ev.get("media") or 0))
            if key in grouped:
                grouped[key].count += 1
                grouped[key].image_boxes.extend(boxes)
                continue
        label = _fix_label(fix, lang) if fixable else ""
        message = _lang(f.get("message"), lang)
        shown = ShownFinding(n, f, message, f["rule"], article_text, fixable, label, boxes)
        if ev.get("kind") in {"image", "video", "audio"}:
            grouped[key] = shown
        out.append(shown)
    return out


def segments(text: str, report: dict[str, Any]) -> list[Segment]:
    """The post cut where text findings start and end, to highlight the words."""
    spans = [
        (f["evidence"]["start"], f["evidence"]["end"], n)
        for n, f in enumerate(report.get("findings", []))
        if (f.get("evidence") or {}).get("kind") == "text"
        and 0 <= f["evidence"]["start"] < f["evidence"]["end"] <= len(text)
    ]
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out = []
    for a, b in pairwise(cuts):
        covering = [n for s, e, n in spans if s <= a and b <= e]
        out.append(Segment(text[a:b], covering))
    return out


def verdict_text(verdict: str, lang: str) -> str:
    nl, en = VERDICTS.get(verdict, (verdict, verdict))
    return en if lang == "en" else nl
