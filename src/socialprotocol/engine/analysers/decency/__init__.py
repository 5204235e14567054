"""Decency (A7, C2, C1/U4): abusive, threatening, hateful and defamatory language, Dutch first.

Modules: ``normalise`` undoes disguised spelling, ``lexicon`` holds the word lists with their
categories, ``patterns`` the abuse that needs no bad word, ``detect`` puts them together with
negation, quotation, counter-speech and friendly use, ``model`` adds a small learned second
opinion, and ``analyser`` turns it all into signals with spans and explanations.
"""

from socialprotocol.engine.analysers.decency.analyser import DecencyAnalyser

__all__ = ["DecencyAnalyser"]
