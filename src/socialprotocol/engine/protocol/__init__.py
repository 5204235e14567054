"""Reads protocol files: the protocol as data."""

from socialprotocol.engine.protocol.loader import ProtocolError, load_protocol, parse_protocol
from socialprotocol.engine.protocol.schema import Article, Protocol

__all__ = ["Article", "Protocol", "ProtocolError", "load_protocol", "parse_protocol"]
