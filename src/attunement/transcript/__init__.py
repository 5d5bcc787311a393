"""Transcripts: the conversation model, readers for the formats coaches have, role assignment.

Imports no Django and does no analysis.
"""

from attunement.transcript.model import Conversation, Role, Turn

__all__ = ["Conversation", "Role", "Turn"]
