"""Transcripts: the conversation model, readers for the formats coaches have, role assignment.

Imports no Django and does no analysis. ``read(path)`` is the way in for files and
``read_bytes(data, filename)`` for uploads; both return a ``Conversation`` whose turns carry
roles and whose ``metadata["roles"]`` says who was taken for the coach, how and how surely.
"""

from attunement.transcript.model import Conversation, Role, Turn
from attunement.transcript.reading import decoded_text, parse, read, read_bytes, read_text
from attunement.transcript.roles import assign_roles

__all__ = [
    "Conversation",
    "Role",
    "Turn",
    "assign_roles",
    "decoded_text",
    "parse",
    "read",
    "read_bytes",
    "read_text",
]
