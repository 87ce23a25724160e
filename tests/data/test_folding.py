import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing_app.data.folding import fold, number_variants


@pytest.mark.parametrize("text, folded", [
    ("điện thoại", "dien thoai"),
    ("ĐIỆN THOẠI", "dien thoai"),
    ("Đề án số hóa", "de an so hoa"),
    ("thuê bao", "thue bao"),
    ("Bưu điện - Văn hoá xã", "buu dien - van hoa xa"),
    ("dien thoai", "dien thoai"),
])
def test_fold_removes_tones_and_folds_d(text, folded):
    assert fold(text) == folded


def test_number_variants_join_grouped_digits():
    assert number_variants("213.355 tỷ và 72.736.956.416 truy vấn, 2,93 km") == "213355 72736956416"


@given(st.text())
def test_fold_never_raises_and_is_idempotent(text):
    assert fold(fold(text)) == fold(text)
