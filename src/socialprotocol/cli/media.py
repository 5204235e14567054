"""`socialprotocol media`: look at photos, video and sound, or write a publishable copy.

    socialprotocol media scan FILE ... [--json]
    socialprotocol media redact IN OUT [--keep X,Y,B,H ...] [--style blur|pixelate|solid]
                                       [--zonder-geluid] [--json]

Exit status: 0 on success (scan: nothing found), 1 when scan found faces, voices or revealing
metadata, 2 on bad usage or a file that cannot be used.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from socialprotocol.engine.model import InputError

STYLES = ("blur", "pixelate", "solid")


def add_arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="media_command", metavar="ACTIE", parser_class=type(p))
    scan = sub.add_parser("scan", help="gezichten, stemmen en metadata in bestanden tonen")
    scan.add_argument("files", nargs="+", metavar="BESTAND")
    scan.add_argument("--json", action="store_true", help="uitvoer als JSON")
    red = sub.add_parser(
        "redact",
        help="kopie maken met onherkenbare gezichten en zonder metadata",
        description="Schrijft een nieuw bestand; het origineel blijft ongewijzigd.",
    )
    red.add_argument("input", metavar="IN")
    red.add_argument("output", metavar="UIT")
    red.add_argument(
        "--keep",
        nargs="+",
        default=[],
        metavar="X,Y,B,H",
        help="vakken (in pixels) met gezichten van mensen die toestemming gaven: die blijven zichtbaar",
    )
    red.add_argument(
        "--style", choices=STYLES, default=None, help="hoe: blur (standaard), pixelate of solid"
    )
    red.add_argument(
        "--zonder-geluid",
        "--no-audio",
        dest="no_audio",
        action="store_true",
        help="laat het geluid van een video weg",
    )
    red.add_argument("--json", action="store_true", help="uitvoer als JSON")


def run(args: argparse.Namespace) -> int:
    if args.media_command is None:
        sys.stderr.write("socialprotocol media: kies 'scan' of 'redact'.\n")
        return 2
    try:
        if args.media_command == "scan":
            return _scan(args)
        return _redact(args)
    except InputError as exc:
        sys.stderr.write(f"socialprotocol: {exc}\n")
        return 2


def _box(text: str) -> tuple[int, int, int, int]:
    parts = text.replace(" ", "").split(",")
    try:
        x, y, w, h = (int(float(p)) for p in parts)
    except ValueError:
        raise InputError(
            f"Vak '{text}' is ongeldig; schrijf X,Y,BREEDTE,HOOGTE in pixels."
        ) from None
    if w <= 0 or h <= 0 or x < 0 or y < 0:
        raise InputError(f"Vak '{text}' is ongeldig; breedte en hoogte moeten groter dan 0 zijn.")
    return x, y, w, h


def _progress(label: str, fraction: float) -> None:
    if sys.stderr.isatty():
        sys.stderr.write(f"\r{label}: {fraction:.0%}")
        sys.stderr.flush()


def _scan(args: argparse.Namespace) -> int:
    from socialprotocol.engine.media import MediaEngine

    engine = MediaEngine()
    found = False
    results: list[dict[str, Any]] = []
    for path in args.files:
        scan = engine.scan(path, _progress)
        found = found or bool(scan.faces or scan.tracks or scan.voices or scan.metadata)
        results.append(
            {
                "file": path,
                "kind": scan.kind,
                "width": scan.width,
                "height": scan.height,
                "duration_s": round(scan.duration_s, 2),
                "faces": [f.as_dict() for f in scan.faces] + [t.as_dict() for t in scan.tracks],
                "voices": [v.as_dict() for v in scan.voices],
                "metadata": [m.as_dict() for m in scan.metadata],
            }
        )
    if args.json:
        sys.stdout.write(json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    else:
        for r in results:
            sys.stdout.write(_describe(r))
    return 1 if found else 0


def _describe(r: dict[str, Any]) -> str:
    kinds = {"image": "foto", "video": "video", "audio": "geluid"}
    lines = [f"{r['file']} ({kinds[r['kind']]})"]
    faces = r["faces"]
    lines.append(f"  gezichten: {len(faces)}")
    for f in faces:
        when = f" van {f['from_s']} s tot {f['to_s']} s" if "from_s" in f else ""
        lines.append(f"    vak {','.join(map(str, f['box']))}{when} (zekerheid {f['score']:.2f})")
    if r["kind"] != "image":
        lines.append(f"  stemmen: {len(r['voices'])}")
        for v in r["voices"]:
            lines.append(f"    van {v['from_s']} s tot {v['to_s']} s")
    lines.append(f"  metadata die iets verraadt: {len(r['metadata'])}")
    for m in r["metadata"]:
        lines.append(f"    {m['label']}: {m['value']}")
    return "\n".join(lines) + "\n"


def _redact(args: argparse.Namespace) -> int:
    from socialprotocol.engine.media import MediaEngine

    keep = [_box(b) for b in args.keep]
    engine = MediaEngine()
    result = engine.redact(
        args.input,
        args.output,
        keep,
        style=args.style,
        keep_audio=False if args.no_audio else None,
        progress=_progress,
    )
    if sys.stderr.isatty() and result.kind == "video":
        sys.stderr.write("\n")
    if args.json:
        out = {
            "input": args.input,
            "output": result.out_path,
            "kind": result.kind,
            "covered": [list(b) for b in result.covered],
            "kept": [list(b) for b in result.kept],
            "tracks": result.tracks,
            "frames": result.frames,
            "metadata_removed": [m.as_dict() for m in result.metadata_removed],
        }
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
        return 0
    if result.kind == "image":
        msg = f"{len(result.covered)} gezicht(en) onherkenbaar gemaakt, {len(result.kept)} bewaard"
    elif result.kind == "video":
        msg = f"{result.tracks} gezicht(en) gevolgd en onherkenbaar gemaakt in {result.frames} beelden"
    else:
        msg = "geluid gekopieerd (stemmen blijven hoorbaar: vraag toestemming)"
    sys.stdout.write(
        f"{msg}; {len(result.metadata_removed)} metadata-veld(en) verwijderd. Opgeslagen: {result.out_path}\n"
    )
    return 0
