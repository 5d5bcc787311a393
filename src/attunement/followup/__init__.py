"""Follow-up between sessions: commitments both ways, memory cards and the preparation page.

The finding of candidates is pure (``attunement.relationship.commitments`` and ``.memory``);
this app stores what the coach confirms, shows the ledger and prepares the next session.
"""
