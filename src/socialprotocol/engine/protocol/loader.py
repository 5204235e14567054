"""Reads a protocol file and says exactly where it is wrong."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from socialprotocol.engine.model import InputError
from socialprotocol.engine.protocol.schema import Protocol

DEFAULT_PROTOCOL = "asko-2018"


class ProtocolError(InputError):
    """A protocol file that cannot be used; the message names the file, line and field."""


def bundled_protocols() -> list[str]:
    folder = resources.files("socialprotocol") / "protocols"
    return sorted(
        p.name.removesuffix(".yaml") for p in folder.iterdir() if p.name.endswith(".yaml")
    )


def _line_of(node: yaml.Node | None, loc: tuple[int | str, ...]) -> int | None:
    """Follow a pydantic error location through the YAML node tree to a line number."""
    line = node.start_mark.line + 1 if node is not None else None
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            nxt = next((v for k, v in node.value if k.value == key), None)
            if nxt is None:
                key_node = next((k for k, _ in node.value if k.value == key), None)
                return key_node.start_mark.line + 1 if key_node is not None else line
            node = nxt
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            break
        line = node.start_mark.line + 1
    return line


def parse_protocol(text: str, name: str = "<protocol>") -> Protocol:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data: Any = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"regel {mark.line + 1}" if mark is not None else "onbekende plek"
        problem = getattr(exc, "problem", None) or str(exc)
        raise ProtocolError(f"{name}, {where}: geen geldige YAML ({problem}).") from None
    if not isinstance(data, dict):
        raise ProtocolError(f"{name}: een protocolbestand moet een YAML-mapping zijn.")
    # Top-level keys starting with "x-" hold YAML anchors for reuse; they are not protocol data.
    data = {k: v for k, v in data.items() if not str(k).startswith("x-")}
    try:
        return Protocol.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = tuple(err["loc"])
        field = ".".join(str(p) for p in loc) or "(bestand)"
        line = _line_of(node, loc)
        where = f"regel {line}, " if line else ""
        more = f" (en nog {len(exc.errors()) - 1} fout(en))" if len(exc.errors()) > 1 else ""
        raise ProtocolError(f"{name}, {where}veld '{field}': {err['msg']}{more}.") from None


def load_protocol(path_or_id: str | Path | None = None) -> Protocol:
    """Load a bundled protocol by id (``asko-2018``) or any protocol file by path."""
    if path_or_id is None:
        path_or_id = DEFAULT_PROTOCOL
    candidate = Path(path_or_id)
    if candidate.suffix in {".yaml", ".yml"} or candidate.exists():
        try:
            text = candidate.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise ProtocolError(f"Protocolbestand '{candidate}' bestaat niet.") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ProtocolError(f"Protocolbestand '{candidate}' is niet leesbaar: {exc}.") from None
        return parse_protocol(text, str(candidate))
    return _bundled(str(path_or_id))


@lru_cache(maxsize=8)
def _bundled(protocol_id: str) -> Protocol:
    known = bundled_protocols()
    if protocol_id not in known:
        raise ProtocolError(
            f"Onbekend protocol '{protocol_id}'. Meegeleverd: {', '.join(known)}; "
            "of geef het pad naar een .yaml-bestand."
        )
    res = resources.files("socialprotocol") / "protocols" / f"{protocol_id}.yaml"
    return parse_protocol(res.read_text(encoding="utf-8"), f"{protocol_id}.yaml")
