"""Number checks (保険者番号 8 and 6 digits, 公費負担者番号, 7-digit 受給者番号, 医療機関コード), 法別番号, prefectures.

Check digit (MHLW 別添2, online_qualification.md §3): from the LAST digit of the body, weights 2, 1, 2, 1, …; add the
digits of each product; check = (10 − sum mod 10) mod 10.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from reception_app.eligibility.digits import digit_values
from reception_app.eligibility.normalize import insurance_part

NumberKind = Literal["insurer", "payer", "recipient", "institution"]
_DIGIT_VALUE: Final[dict[str, int]] = {char: value for value, char in enumerate("0123456789")}


def check_digit(body: str) -> int:
    """The check digit for an ASCII digit string (without its check digit); ValueError for anything else."""
    if not (body.isascii() and body.isdigit()):
        raise ValueError("the body of a check digit must be ASCII digits")
    total = 0
    for index, char in enumerate(reversed(body)):
        product = _DIGIT_VALUE[char] * (2 if index % 2 == 0 else 1)
        total += product // 10 + product % 10
    return (10 - total % 10) % 10


@dataclass(frozen=True)
class NumberCheck:
    """The outcome of one check: `ok`, a stable `reason` code when not ok, and the normalised digits."""

    kind: NumberKind
    value: str
    ok: bool
    reason: str = ""  # "" | empty | not_digits | wrong_length | bad_check_digit | unknown_law_code | bad_prefecture
    expected_check_digit: int | None = None

    @property
    def message(self) -> str:
        return CHECK_MESSAGES.get(self.reason, "") if not self.ok else ""


CHECK_MESSAGES: Final[dict[str, str]] = {
    "empty": "no number",
    "not_digits": "the number has characters other than digits",
    "wrong_length": "the number has the wrong length",
    "bad_check_digit": "the check digit does not match",
    "unknown_law_code": "the 法別番号 is not a known code",
    "bad_prefecture": "the prefecture code is not 01–47 (or 51–97)",
}


def _digits(kind: NumberKind, raw: str | None, lengths: tuple[int, ...]) -> NumberCheck | str:
    value = insurance_part(raw)
    if not value:
        return NumberCheck(kind, value, False, "empty")
    if not (value.isascii() and value.isdigit()):
        return NumberCheck(kind, value, False, "not_digits")
    if len(value) not in lengths:
        return NumberCheck(kind, value, False, "wrong_length")
    return value


def _with_check_digit(kind: NumberKind, value: str) -> NumberCheck:
    expected = check_digit(value[:-1])
    if _DIGIT_VALUE[value[-1]] != expected:  # `value` is ASCII digits (`_digits`)
        return NumberCheck(kind, value, False, "bad_check_digit", expected)
    return NumberCheck(kind, value, True, "", expected)


def prefecture_ok(code: str) -> bool:
    """01–47, or the alternate codes 51–97 (= code + 50, 別表2)."""
    values = digit_values(code) if len(code) == 2 else None
    if values is None:
        return False
    number = values[0] * 10 + values[1]
    return 1 <= number <= 47 or 51 <= number <= 97


def check_insurer_number(raw: str | None) -> NumberCheck:
    """保険者番号: 8 digits (法別2 + 都道府県2 + 保険者別3 + 検証1) or 6 digits for 国保 (都道府県2 + 3 + 1).
    Space padding to 8 characters (requests) is ignored."""
    parsed = _digits("insurer", raw, (6, 8))
    if isinstance(parsed, NumberCheck):
        return parsed
    prefecture = parsed[:2] if len(parsed) == 6 else parsed[2:4]
    if not prefecture_ok(prefecture):
        return NumberCheck("insurer", parsed, False, "bad_prefecture")
    return _with_check_digit("insurer", parsed)


def check_payer_number(raw: str | None) -> NumberCheck:
    """公費負担者番号: 8 digits = 法別2 + 都道府県2 + 実施機関3 + 検証1."""
    parsed = _digits("payer", raw, (8,))
    if isinstance(parsed, NumberCheck):
        return parsed
    if not prefecture_ok(parsed[2:4]):
        return NumberCheck("payer", parsed, False, "bad_prefecture")
    return _with_check_digit("payer", parsed)


def check_recipient_number(raw: str | None) -> NumberCheck | None:
    """公費受給者番号. National programs: 7 digits with the same check digit (SEEN in hangilc KouhiVerifier; the MHLW
    wording is UNCONFIRMED). Local numbers (up to 30 characters) have no known rule: None = not checkable."""
    value = insurance_part(raw)
    if not value:
        return NumberCheck("recipient", value, False, "empty")
    if len(value) != 7 or not (value.isascii() and value.isdigit()):
        return None
    return _with_check_digit("recipient", value)


def check_institution_code(raw: str | None) -> NumberCheck:
    """医療機関コード: 10 digits = 都道府県2 + 点数表1 (医科1/歯科3/薬局4) + 郡市区2 + 機関番号4 + 検証1."""
    parsed = _digits("institution", raw, (10,))
    if isinstance(parsed, NumberCheck):
        return parsed
    if not prefecture_ok(parsed[:2]):
        return NumberCheck("institution", parsed, False, "bad_prefecture")
    return _with_check_digit("institution", parsed)


# ------------------------------------------------------------------------------------------------------- 法別番号


@dataclass(frozen=True)
class LawCode:
    code: str
    name: str
    burden: str  # as commonly documented; the certificate's terms decide
    national: bool = True


LAW_CODES: Final[dict[str, LawCode]] = {
    entry.code: entry
    for entry in (
        LawCode("01", "協会けんぽ", "保険"),
        LawCode("02", "船員保険", "保険"),
        LawCode("06", "組合管掌健康保険", "保険"),
        LawCode("31", "共済組合(国家公務員)", "保険"),
        LawCode("32", "共済組合(地方公務員)", "保険"),
        LawCode("33", "共済組合(警察)", "保険"),
        LawCode("34", "共済組合(私学)", "保険"),
        LawCode("39", "後期高齢者医療", "保険"),
        LawCode("10", "結核 適正医療", "5%, insurance first"),
        LawCode("11", "結核入院", "income-based"),
        LawCode("12", "生活保護 医療扶助", "0 or 本人支払額"),
        LawCode("13", "戦傷病者 療養", "0"),
        LawCode("14", "戦傷病者 更生", "0"),
        LawCode("15", "自立支援 更生医療", "1割 + cap"),
        LawCode("16", "自立支援 育成医療", "1割 + cap"),
        LawCode("17", "療育", ""),
        LawCode("18", "原爆 認定疾病", "0"),
        LawCode("19", "原爆 一般疾病", "0"),
        LawCode("20", "措置入院", ""),
        LawCode("21", "自立支援 精神通院", "1割 + cap"),
        LawCode("22", "麻薬入院措置", ""),
        LawCode("23", "養育医療", ""),
        LawCode("24", "療養介護", ""),
        LawCode("25", "中国残留邦人", ""),
        LawCode("28", "一類・二類・指定感染症", ""),
        LawCode("29", "新感染症", ""),
        LawCode("30", "心神喪失", ""),
        LawCode("38", "肝炎", ""),
        LawCode("51", "特定疾患", ""),
        LawCode("52", "小児慢性特定疾病", ""),
        LawCode("53", "児童福祉施設措置", ""),
        LawCode("54", "指定難病", "2割 + cap"),
        LawCode("62", "(公費 62)", ""),
        LawCode("66", "石綿", ""),
        LawCode("79", "障害児施設", ""),
    )
}
INSURANCE_LAW_CODES: Final = frozenset({"01", "02", "06", "31", "32", "33", "34", "39"})

# Claim order of national 公費 (記載要領; hangilc kouhi-order.ts). 生活保護 12 last among national programs.
CLAIM_ORDER: Final[tuple[str, ...]] = (
    "13", "14", "18", "29", "30", "10", "11", "20", "21", "15", "16", "24", "22", "28", "17", "79", "19", "23",
    "52", "54", "51", "38", "53", "66", "62", "25", "12",
)
_CLAIM_WEIGHT: Final[dict[str, int]] = {code: index for index, code in enumerate(CLAIM_ORDER)}
LOCAL_WEIGHT: Final = 200  # 地方単独 (usually 80s) and unknown codes: after every national program


def law_code(code: str) -> LawCode:
    """The 法別番号 entry; local programs (codes the prefecture assigns, usually 80s) get a generic entry."""
    known = LAW_CODES.get(code)
    if known is not None:
        return known
    return LawCode(code, "地方単独医療費助成" if code[:1] == "8" else f"(法別 {code})", "", national=False)


def claim_priority(code: str) -> int:
    """Smaller claims first: national programs by the table, local and unknown last (stable by code after that)."""
    return _CLAIM_WEIGHT.get(code, LOCAL_WEIGHT)


PREFECTURES: Final[dict[str, str]] = {
    f"{index:02d}": name
    for index, name in enumerate(
        (
            "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県",
            "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県",
            "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県",
            "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県",
            "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
        ),
        start=1,
    )
}


def prefecture_name(code: str) -> str | None:
    """"13" and the alternate "63" → 東京都."""
    values = digit_values(code) if prefecture_ok(code) else None
    if values is None:
        return None
    number = values[0] * 10 + values[1]
    return PREFECTURES[f"{number - 50 if number > 50 else number:02d}"]


def insurer_prefecture(insurer_number: str | None) -> str | None:
    """The prefecture code inside a 保険者番号 / 公費負担者番号 (8 digits: positions 3–4; 6 digits: 1–2)."""
    value = insurance_part(insurer_number)
    if len(value) == 8:
        return value[2:4]
    if len(value) == 6:
        return value[:2]
    return None
