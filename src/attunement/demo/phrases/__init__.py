"""The words of the demo sessions: a client's world and what coach and client say."""
