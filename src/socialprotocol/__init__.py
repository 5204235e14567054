"""socialprotocol: checks planned social media posts against a school board's protocol."""

__version__ = "0.1.0"
