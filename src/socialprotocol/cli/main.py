"""The `socialprotocol` command. Subcommands are imported only when used (cold start ≤ 1.5 s)."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

# name -> (module, one-line Dutch help). Each module has add_arguments(parser) and run(args) -> int.
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "check": (
        "socialprotocol.cli.check",
        "controleer een bericht (of een batch) tegen het protocol",
    ),
    "media": (
        "socialprotocol.cli.media",
        "foto's, video's en geluid: gezichten vervagen, metadata weg",
    ),
    "serve": ("socialprotocol.cli.serve", "start de webapplicatie"),
}


class DutchArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"socialprotocol: fout: {_dutch(message)}\n")
        raise SystemExit(2)


def _dutch(message: str) -> str:
    for en, nl in (
        ("the following arguments are required", "deze argumenten zijn verplicht"),
        ("unrecognized arguments", "onbekende argumenten"),
        ("invalid choice", "ongeldige keuze"),
        ("expected one argument", "verwacht één waarde"),
        ("not allowed with argument", "niet samen met"),
        ("argument", "argument"),
    ):
        message = message.replace(en, nl)
    return message


def build_parser(argv: Sequence[str]) -> DutchArgumentParser:
    parser = DutchArgumentParser(
        prog="socialprotocol",
        description="Controleert berichten voor sociale media tegen het protocol van het schoolbestuur.",
    )
    sub = parser.add_subparsers(
        dest="command", metavar="OPDRACHT", parser_class=DutchArgumentParser
    )
    wanted = next((a for a in argv if not a.startswith("-")), None)
    for name, (module, help_text) in SUBCOMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        if name == wanted:
            importlib.import_module(module).add_arguments(p)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(args_list)
    args = parser.parse_args(args_list)
    if not args.command:
        parser.print_help()
        return 2
    module = importlib.import_module(SUBCOMMANDS[args.command][0])
    try:
        code: int = module.run(args)
    except KeyboardInterrupt:
        sys.stderr.write("socialprotocol: afgebroken.\n")
        return 130
    except Exception as exc:  # never a traceback to a user: one line, and a code of its own
        sys.stderr.write(
            f"socialprotocol: interne fout ({type(exc).__name__}); er is niets gewijzigd. "
            "Meld dit bij de beheerder.\n"
        )
        return 3
    return code


if __name__ == "__main__":
    raise SystemExit(main())
