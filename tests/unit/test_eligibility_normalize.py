"""Matching keys: width, kana, spaces, dashes; zeros and empty 枝番 are kept."""

from __future__ import annotations

from reception_app.eligibility.normalize import insurance_key, insurer_number_key, kana_key, name_key, normalize_text


def test_kana_key_half_width_and_hiragana_match() -> None:
    assert kana_key("ﾔﾏﾀﾞ ﾀﾛｳ") == "ヤマダタロウ"
    assert kana_key("やまだ　たろう") == "ヤマダタロウ"
    assert kana_key("ヤマダ タロウ") == kana_key("ﾔﾏﾀﾞﾀﾛｳ")
    assert kana_key("") == "" and kana_key(None) == ""


def test_insurance_key_full_width_digits_and_dashes() -> None:
    assert insurance_key("２７３１２８", "医国３４０", "０２８２‐００１", "０１") == "273128|医国340|0282-001|01"
    padded = insurance_key("  273128", "医国 340", "0282－001", "01")
    assert insurance_key("273128", "医国340", "0282-001", "01") == padded


def test_padded_six_digit_insurer_equals_trimmed_and_zeros_stay() -> None:
    assert insurer_number_key("  273128") == insurer_number_key("273128") == "273128"
    assert insurer_number_key("06130488") == "06130488"  # leading zero kept
    assert insurance_key("06130488", "0012", "0034", "") == "06130488|0012|0034|"  # empty 枝番 stays empty
    assert insurance_key("06130488", "0012", "0034", "") != insurance_key("06130488", "0012", "0034", "00")


def test_normalize_text_and_name_key() -> None:
    assert normalize_text("  東京都　新宿区 １－２  ") == "東京都 新宿区 1-2"
    assert name_key("山田　太郎") == name_key("山田 太郎") == "山田太郎"
