"""The interface catalogue: every text in both languages, and every key used exists."""

import re
from pathlib import Path

from briefing_app.ui.strings import STRINGS, tr

ROOT = Path(__file__).resolve().parents[2] / "briefing_app"


def test_every_text_has_both_languages_with_the_same_placeholders():
    for key, (vi, en) in STRINGS.items():
        assert vi.strip() and en.strip(), key
        assert set(re.findall(r"{(\w+)}", vi)) == set(re.findall(r"{(\w+)}", en)), key


def test_every_key_the_code_asks_for_exists():
    used = set()
    for path in ROOT.rglob("*.py"):
        used |= set(re.findall(r'\btr\(\s*"([a-z_.]+)"', path.read_text(encoding="utf-8")))
    assert used and not (used - set(STRINGS)), sorted(used - set(STRINGS))


def test_tr_fills_placeholders():
    assert tr("status.copied", "vi", n=3) == "Đã sao chép 3 dòng"
    assert tr("status.copied", "en", n=3) == "Copied 3 row(s)"
