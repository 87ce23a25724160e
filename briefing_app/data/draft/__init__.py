"""Draft a briefing file from a Vietnamese article (issue #18): the first 90 %, for a person to review.

``draft_briefing(article_text, briefing_id)`` reads the article with rules (no model, no network) and
returns a :class:`Draft`; ``draft_to_yaml(draft, keep=…)`` writes the kept items as a briefing file that
``briefing-app validate`` passes, with ``# check:`` comments where the rules are unsure.
"""

from .engine import draft_briefing
from .model import Draft, DraftEnterprise, DraftFigure, DraftItem, DraftMeeting, Span
from .writer import draft_to_yaml

__all__ = ["draft_briefing", "draft_to_yaml", "Draft", "DraftFigure", "DraftItem", "DraftMeeting",
           "DraftEnterprise", "Span"]
