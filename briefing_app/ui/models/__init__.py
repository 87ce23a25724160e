"""Qt item models over a briefing's records."""
