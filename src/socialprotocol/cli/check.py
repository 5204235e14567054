"""`socialprotocol check`: one post, or a batch from a JSONL file.

Exit status: 0 when every verdict is `allowed`, 1 otherwise (or when a batch line could not
be checked), 2 on bad usage or unreadable input.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from socialprotocol.engine.model import InputError

if TYPE_CHECKING:
    from socialprotocol.engine.checker import Checker

MAX_JSONL_LINE = 1_000_000  # bytes; a longer line cannot be a post


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "text", nargs="?", help="de tekst van het bericht ('-' leest van standaardinvoer)"
    )
    p.add_argument(
        "--role",
        help="wie plaatst: medewerker, leerling, ouder of overig (staff/pupil/parent/other)",
    )
    p.add_argument("--context", help="werk of prive (work/private)")
    p.add_argument("--at", help="gepland tijdstip, ISO 8601 (2026-11-24T10:15)")
    p.add_argument("--platform", help="instagram, facebook, linkedin, x, whatsapp, ...")
    p.add_argument("--author", help="id van de auteur in het personenbestand")
    p.add_argument(
        "--media",
        nargs="+",
        metavar="BESTAND",
        default=[],
        help="foto's, video's of geluid bij het bericht",
    )
    about = p.add_mutually_exclusive_group()
    about.add_argument(
        "--about-school",
        dest="about_school",
        action="store_const",
        const=True,
        help="het bericht gaat over school (beslist de reikwijdte)",
    )
    about.add_argument(
        "--not-about-school",
        dest="about_school",
        action="store_const",
        const=False,
        help="het bericht gaat niet over school",
    )
    p.add_argument("--directory", metavar="PAD", help="personenbestand (CSV) of OneRoster-map")
    p.add_argument(
        "--protocol", metavar="ID_OF_PAD", help="protocol-id (asko-2018) of pad naar een .yaml"
    )
    p.add_argument(
        "--jsonl",
        metavar="BESTAND",
        help="batch: één JSON-object per regel ('-' voor standaardinvoer)",
    )
    p.add_argument(
        "--out",
        metavar="BESTAND",
        help="batch: schrijf de rapporten hierheen (standaard: standaarduitvoer)",
    )
    p.add_argument(
        "--decency-model",
        metavar="PAD",
        help="eigen fatsoenmodel van het bestuur (.onnx), of 'none' voor alleen de regels",
    )
    p.add_argument("--json", action="store_true", help="geef het rapport als JSON")
    p.add_argument(
        "--lang", choices=["nl", "en"], default="nl", help="taal van de uitleg (nl of en)"
    )


def run(args: argparse.Namespace) -> int:
    try:
        if args.jsonl is not None:
            if args.text is not None:
                raise InputError("Geef óf een tekst óf --jsonl, niet allebei.")
            return _run_batch(args)
        return _run_single(args)
    except InputError as exc:
        sys.stderr.write(f"socialprotocol: {exc}\n")
        return 2


def _checker(args: argparse.Namespace, progress: Any = None) -> Checker:
    from socialprotocol.engine.checker import Checker
    from socialprotocol.engine.directory import load_directory
    from socialprotocol.engine.protocol import load_protocol

    protocol = load_protocol(args.protocol)
    directory = None
    if args.directory:
        directory = load_directory(args.directory)
        if directory.errors:
            shown = "; ".join(str(e) for e in directory.errors[:3])
            more = f" (en nog {len(directory.errors) - 3})" if len(directory.errors) > 3 else ""
            sys.stderr.write(
                f"socialprotocol: waarschuwing: {len(directory.errors)} rij(en) in "
                f"{args.directory} overgeslagen: {shown}{more}\n"
            )
    options: dict[str, Any] = {"progress": progress} if progress else {}
    if args.decency_model:
        options["decency_model"] = args.decency_model
    return Checker(protocol, directory, options=options)


def _run_single(args: argparse.Namespace) -> int:
    from socialprotocol.cli.render import render_report
    from socialprotocol.engine.inputs import post_from_mapping
    from socialprotocol.engine.report import report_dict, to_json

    if args.text is None:
        raise InputError("Geef de tekst van het bericht, of --jsonl BESTAND voor een batch.")
    text = sys.stdin.read() if args.text == "-" else args.text
    for name in ("role", "context"):
        if getattr(args, name) is None:
            raise InputError(f"--{name} ontbreekt (bijvoorbeeld --role medewerker --context werk).")
    _validate_media(args.media)
    post = post_from_mapping(
        {
            "text": text, "role": args.role, "context": args.context, "at": args.at,
            "platform": args.platform, "author": args.author, "media": args.media,
            "about_school": args.about_school,
        }
    )  # fmt: skip
    checker = _checker(args, progress=_media_progress if args.media else None)
    report = checker.check(post)
    data = report_dict(report)
    if args.json:
        sys.stdout.write(to_json(data) + "\n")
    else:
        color = sys.stdout.isatty()
        sys.stdout.write(render_report(post.text, data, args.lang, color=color))
    return 0 if report.verdict.value == "allowed" else 1


def _validate_media(paths: list[str]) -> None:
    """Refuse a file that is missing, lies about its type, or is too big, before any model
    loads: one Dutch line instead of a report that can only say 'not checked'."""
    if not paths:
        return
    from socialprotocol.engine.media import validate

    for path in paths:
        if not Path(path).is_file():
            raise InputError(f"Mediabestand '{path}' bestaat niet of is geen bestand.")
        try:
            validate(path)
        except InputError as exc:
            raise InputError(f"Mediabestand '{path}': {exc}") from None


def _media_progress(label: str, fraction: float) -> None:
    sys.stderr.write(f"\r{label}: {fraction * 100:5.1f}%")
    if fraction >= 1.0:
        sys.stderr.write("\n")
    sys.stderr.flush()


def _run_batch(args: argparse.Namespace) -> int:
    from socialprotocol.cli.progress import Progress

    source = args.jsonl
    if source == "-":
        stream = sys.stdin.buffer
        total = None
    else:
        path = Path(source)
        if not path.is_file():
            raise InputError(f"Batchbestand '{source}' bestaat niet of is geen bestand.")
        try:
            stream = path.open("rb")
        except OSError as exc:
            raise InputError(
                f"Batchbestand '{source}' is niet leesbaar ({exc.strerror})."
            ) from None
        total = _count_lines(path)
    checker = _checker(args)
    out: TextIO
    if args.out:
        try:
            out = open(args.out, "w", encoding="utf-8")  # noqa: SIM115 - closed below
        except OSError as exc:
            raise InputError(f"Kan '{args.out}' niet schrijven ({exc.strerror}).") from None
    else:
        out = sys.stdout
    progress = Progress(total, sys.stderr)
    all_allowed = True
    try:
        for number, raw in enumerate(stream, start=1):
            if not raw.strip():
                continue
            line = _check_line(checker, raw, number)
            if line.get("verdict") != "allowed":
                all_allowed = False
            out.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")
            progress.step()
    finally:
        progress.done()
        if out is not sys.stdout:
            out.close()
        if stream is not sys.stdin.buffer:
            stream.close()
    return 0 if all_allowed else 1


def _check_line(checker: Checker, raw: bytes, number: int) -> dict[str, Any]:
    from socialprotocol.engine.inputs import post_from_mapping
    from socialprotocol.engine.report import error_dict, report_dict

    if len(raw) > MAX_JSONL_LINE:
        return error_dict(
            None,
            f"Regel {number} is te lang (meer dan 1 MB).",
            f"Line {number} is too long (over 1 MB).",
        )
    try:
        decoded = raw.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError:
        return error_dict(
            None, f"Regel {number} is geen geldige UTF-8.", f"Line {number} is not valid UTF-8."
        )
    try:
        obj = json.loads(decoded)
    except json.JSONDecodeError as exc:
        return error_dict(
            None,
            f"Regel {number} is geen geldige JSON ({exc.msg}, kolom {exc.colno}).",
            f"Line {number} is not valid JSON ({exc.msg}, column {exc.colno}).",
        )
    if not isinstance(obj, dict):
        return error_dict(
            None, f"Regel {number} is geen JSON-object.", f"Line {number} is not a JSON object."
        )
    post_id = obj.get("id")
    try:
        post = post_from_mapping(obj)
        _validate_media([m.path for m in post.media])
        return report_dict(checker.check(post), post_id)
    except InputError as exc:
        return error_dict(post_id, f"Regel {number}: {exc}", f"Line {number}: {exc}")
    except Exception as exc:  # a bug must cost one line of the batch, not the batch
        name = type(exc).__name__
        return error_dict(
            post_id,
            f"Regel {number} kon door een interne fout ({name}) niet worden gecontroleerd; "
            "meld dit bij de beheerder.",
            f"Line {number} could not be checked because of an internal error ({name}); "
            "please report it.",
        )


def _count_lines(path: Path) -> int | None:
    try:
        with path.open("rb") as fh:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
    except OSError:
        return None
