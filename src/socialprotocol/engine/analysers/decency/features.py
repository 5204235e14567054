"""What the learned decency model sees of a post: the same function at training and run time.

Words and word pairs of the normalised text, word beginnings and ends and letter n-grams (a
cheap stand-in for lemmas and compounds: 'bedreigd', 'bedreigen', 'kutschool'), and word classes that let one example teach many: any name
is ``<n>``, any protected group ``<grp>``, any 'you' ``<you>``, any person noun ('juf',
'buurman') ``<per>``, any negation ``<neg>``. Pairs are taken over the words and over the
classes, so "jij bent een X" and "Joris is een X" share features. Then post-level cues
(question, quotation marks) and which rules fired, alone and with a negation or a quotation.

Features are strings hashed to 32 bits; the model file keeps only the hashes it learnt.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from typing import Protocol

from socialprotocol.engine.analysers.decency.normalise import Token

_YOU = "jij je jou jouw jullie u uw jy ju jouwe you your ur youre yourself jezelf julliezelf"
YOU = frozenset(_YOU.split(" "))
_NEG = "niet geen nooit niemand niks niets nergens zonder not never no nobody dont doesnt isnt"
NEG = frozenset(_NEG.split(" ")) | {"arent", "wont", "cant"}
_QUOTE_CHARS = frozenset("\"“”„«»'‘’")


class HitLike(Protocol):
    @property
    def category(self) -> str: ...
    @property
    def reason(self) -> str: ...


class Featuriser:
    """Feature names of a post and their 32-bit hashes (cached: posts repeat their words)."""

    def __init__(self, groups: frozenset[str], persons: frozenset[str]) -> None:
        self.groups = groups
        self.persons = persons
        self._classes: dict[tuple[str, bool], str] = {}
        self._hashes: dict[str, int] = {}

    def word_class(self, tok: Token) -> str:
        key = (tok.norm, tok.name_like)
        cls = self._classes.get(key)
        if cls is None:
            w = tok.norm
            if tok.name_like:
                cls = "<n>"
            elif w in self.groups:
                cls = "<grp>"
            elif w in YOU:
                cls = "<you>"
            elif w in self.persons:
                cls = "<per>"
            elif w in NEG:
                cls = "<neg>"
            else:
                cls = w
            if len(self._classes) < 200_000:
                self._classes[key] = cls
        return cls

    def unit(self, tok: Token) -> list[str]:
        """The features of one word: its class, the word under a class, its beginning and end,
        and its letter triples and quadruples (so 'bedreigd' shares with 'bedreiging')."""
        w, cls = tok.norm, self.word_class(tok)
        out = [cls]
        if cls != w and cls != "<n>":
            out.append(w)
        if len(w) >= 6:
            out.append(f"<{w[:5]}")
            out.append(f"{w[-4:]}>")
        if len(w) >= 4 and not tok.name_like:
            b = f"^{w}$"
            out.extend("#" + b[i : i + 3] for i in range(len(b) - 2))
            out.extend("#" + b[i : i + 4] for i in range(len(b) - 3))
        return out

    def pair(self, a: Token, b: Token) -> list[str]:
        ca, cb = self.word_class(a), self.word_class(b)
        out = [f"{ca} {cb}"]
        if ca != a.norm or cb != b.norm:
            out.append(f"{a.norm} {b.norm}")
        return out

    def post(self, tokens: Sequence[Token], text: str, hits: Sequence[HitLike]) -> list[str]:
        """Features of the whole post: cues, and the rules that fired, alone and in context."""
        feats = ["<s>"]
        if "?" in text:
            feats.append("<?>")
        quoted = not _QUOTE_CHARS.isdisjoint(text)
        if quoted:
            feats.append("<quote>")
        if not hits:
            return feats
        negated = any(self.word_class(t) == "<neg>" for t in tokens)
        for h in hits:
            kind = h.reason.split(":", 1)[0]
            feats.append(f"hit:{h.category}")
            feats.append(f"hit:{h.category}:{h.reason}")
            if negated:
                feats.append(f"hit:{h.category}:{kind}&neg")
            if quoted:
                feats.append(f"hit:{h.category}:{kind}&quote")
        return feats

    def names(self, tokens: Sequence[Token], text: str, hits: Sequence[HitLike]) -> list[str]:
        """All features of a post, repeated ones repeated (the model counts them)."""
        feats = self.post(tokens, text, hits)
        for i, tok in enumerate(tokens):
            feats.extend(self.unit(tok))
            if i >= 1:
                feats.extend(self.pair(tokens[i - 1], tok))
        return feats

    def hash(self, name: str) -> int:
        h = self._hashes.get(name)
        if h is None:
            h = zlib.crc32(name.encode())
            if len(self._hashes) < 300_000:
                self._hashes[name] = h
        return h

    def hashes(self, tokens: Sequence[Token], text: str, hits: Sequence[HitLike]) -> list[int]:
        return [self.hash(f) for f in self.names(tokens, text, hits)]
