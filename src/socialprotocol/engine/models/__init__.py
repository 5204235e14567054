"""Model files shipped with socialprotocol (see THIRD_PARTY.md); loaded by path, never imported."""
