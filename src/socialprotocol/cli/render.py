"""The report as people read it in a terminal: Dutch first, the words marked in the text."""

from __future__ import annotations

from typing import Any

VERDICTS = {
    "allowed": ("Je kunt dit plaatsen.", "You can post this."),
    "revise": ("Pas je bericht aan voordat je het plaatst.", "Revise your post before posting."),
    "consult": ("Overleg eerst met je leidinggevende.", "Consult your supervisor first."),
    "not_allowed": ("Plaats dit zo niet.", "Do not post this as it is."),
}
SEVERITY = {
    "blocking": ("mag niet", "not allowed"),
    "revise": ("aanpassen", "revise"),
    "advice": ("advies", "advice"),
}
LABELS = {
    "findings": ("Wat er aan de hand is", "What is wrong"),
    "fixed": ("Zo kan het wel", "This would be fine"),
    "notices": ("Goed om te weten", "Good to know"),
    "not_checked": ("Niet gecontroleerd", "Not checked"),
    "text": ("Je bericht", "Your post"),
    "out_of_scope": ("Buiten het protocol", "Outside the protocol"),
    "fix": ("Oplossing", "Fix"),
}
FIX_WORDS = {
    "redact": ("vervang door", "replace with"),
    "remove": ("laat dit deel weg", "leave this part out"),
    "append": ("voeg toe", "add"),
    "blur": (
        "maak gezichten onherkenbaar (socialprotocol media redact)",
        "blur the faces (socialprotocol media redact)",
    ),
    "ask_consent": ("vraag toestemming", "ask for consent"),
    "strip_metadata": (
        "verwijder de metadata (socialprotocol media redact)",
        "strip the metadata (socialprotocol media redact)",
    ),
    "rephrase": ("formuleer het anders", "rephrase it"),
    "consult": ("overleg met je leidinggevende", "consult your supervisor"),
}


def _t(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def mark(text: str, spans: list[tuple[int, int]], color: bool) -> str:
    """Put the found words between markers (bold red on a terminal, »« otherwise)."""
    open_, close = ("\033[1;31m", "\033[0m") if color else ("»", "«")
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)  # a name inside a clause: mark the clause
        else:
            merged.append([start, end])
    out, pos = [], 0
    for start, end in merged:
        out += [text[pos:start], open_, text[start:end], close]
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _grouped(findings: list[dict[str, Any]]) -> list[tuple[dict[str, Any], int]]:
    """Text findings one by one; media findings once per file and kind (21 faces, one line)."""
    out: list[tuple[dict[str, Any], int]] = []
    index: dict[tuple[str, str, int], int] = {}
    for f in findings:
        media = f["evidence"].get("media")
        if f["evidence"]["kind"] == "text" or media is None:
            out.append((f, 1))
            continue
        key = (f["rule"], f["category"], media)
        if key in index:
            first, count = out[index[key]]
            out[index[key]] = (first, count + 1)
        else:
            index[key] = len(out)
            out.append((f, 1))
    return out


def render_report(text: str, report: dict[str, Any], lang: str = "nl", color: bool = False) -> str:
    lines: list[str] = []
    verdict = report["verdict"]
    bold, reset = ("\033[1m", "\033[0m") if color else ("", "")
    if not report["in_scope"]:
        lines.append(f"{bold}{_t(LABELS['out_of_scope'], lang)}{reset}")
        for n in report["notices"]:
            lines.append(n["message"][lang])
        return "\n".join(lines) + "\n"
    lines.append(f"{bold}{_t(VERDICTS[verdict], lang)}{reset}")
    findings = report["findings"]
    spans = [
        (f["evidence"]["start"], f["evidence"]["end"])
        for f in findings
        if f["evidence"]["kind"] == "text"
    ]
    if spans:
        lines += [
            "",
            f"{_t(LABELS['text'], lang)}:",
            "  " + mark(text, spans, color).replace("\n", "\n  "),
        ]
    if findings:
        lines += ["", f"{_t(LABELS['findings'], lang)}:"]
        for f, count in _grouped(findings):
            sev = _t(SEVERITY[f["severity"]], lang)
            where = ""
            media = f["evidence"].get("media")
            if media is not None:
                n = f"{count}× " if count > 1 else ""
                where = f" ({n}{_t(('in bestand', 'in file'), lang)} {media + 1})"
            lines.append(f"  - [{f['rule']}, {sev}] {f['message'][lang]}{where}")
            fix = f.get("fix")
            if fix:
                words = _t(FIX_WORDS.get(fix["action"], (fix["action"], fix["action"])), lang)
                extra = f": {fix['text']}" if fix.get("text") else ""
                lines.append(f"      {_t(LABELS['fix'], lang)}: {words}{extra}")
    if report.get("fixed_text"):
        lines += [
            "",
            f"{_t(LABELS['fixed'], lang)}:",
            "  " + report["fixed_text"].replace("\n", "\n  "),
        ]
    if report.get("not_checked"):
        lines += ["", f"{_t(LABELS['not_checked'], lang)}:"]
        for n in report["not_checked"]:
            lines.append(f"  - [{n['rule']}] {n['reason'][lang]}")
    if report["notices"]:
        lines += ["", f"{_t(LABELS['notices'], lang)}:"]
        for n in report["notices"]:
            lines.append(f"  - {n['message'][lang]}")
    return "\n".join(lines) + "\n"
