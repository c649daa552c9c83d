"""Code tables of the OQS result (OQSCD…, online_qualification.md §2) with Japanese labels, and the ONE table of
user-facing status and warning texts (Japanese first, English second) keyed by stable codes."""

from __future__ import annotations

from typing import Final

QUALIFICATION_VALIDITY: Final[dict[str, str]] = {  # OQSCD006
    "1": "有効",
    "2": "無効",
    "3": "無効（新しい資格あり）",
    "4": "該当資格なし",
    "5": "複数該当",
    "6": "有効（未登録）",
}
VALIDITY_STATUS: Final[dict[str, str]] = {
    "1": "valid",
    "2": "invalid",
    "3": "invalid_new_qualification",
    "4": "not_found",
    "5": "multiple",
    "6": "valid_unregistered",
}
CARD_CLASSIFICATION: Final[dict[str, str]] = {  # OQSCD010
    "01": "被保険者証（一般）",
    "02": "被保険者証（退職）",
    "03": "短期被保険者証（一般）",
    "04": "短期被保険者証（退職）",
    "05": "資格証明書",
    "06": "特例退職被保険者証",
    "07": "自衛官診療証",
    "A1": "医療扶助",
}
MEDICAL_ASSISTANCE_CARD = "A1"
SEX: Final[dict[str, str]] = {"1": "男", "2": "女", "3": "未設定"}
PERSONAL_FAMILY: Final[dict[str, str]] = {"1": "本人", "2": "家族"}
REASON_OF_LOSS: Final[dict[str, str]] = {
    "01": "死亡",
    "02": "生活保護受給開始",
    "03": "医療保険等の資格取得",
    "99": "その他",
}
REFERENCE_CLASSIFICATION: Final[dict[str, str]] = {"1": "マイナンバーカード", "2": "被保険者証情報"}  # OQSCD002
SEGMENT_OF_RESULT: Final[dict[str, str]] = {"1": "正常終了", "2": "処理中", "3": "異常終了", "9": "異常終了"}
PROCESSING_RESULT_STATUS: Final[dict[str, str]] = {"1": "正常終了", "2": "エラー"}  # OQSCD004
PRESCRIPTION_ISSUE_SELECT: Final[dict[str, str]] = {"1": "電子処方箋", "2": "紙の処方箋"}
LIMIT_CLASSIFICATION: Final[dict[str, str]] = {  # OQSCD011
    "01": "限度額適用認定証",
    "02": "限度額適用・標準負担額減額認定証",
    "03": "標準負担額減額認定証",
}
# OQSCD012: A01–A06 = ア–オ(境) (under 70), B01–B10 (70 and over).
LIMIT_CLASSIFICATION_FLAG: Final[dict[str, str]] = {
    "A01": "ア",
    "A02": "イ",
    "A03": "ウ",
    "A04": "エ",
    "A05": "オ",
    "A06": "オ（境）",
    "B01": "現役並みⅢ",
    "B02": "現役並みⅡ",
    "B03": "現役並みⅠ",
    "B04": "一般",
    "B05": "低所得Ⅱ",
    "B06": "低所得Ⅰ",
    "B07": "低所得Ⅰ（老福）",
    "B08": "低所得Ⅰ（境）",
    "B09": "一般Ⅱ",
    "B10": "一般Ⅰ",
}
# The ONE table of how sure each 限度額 label is: "CONFIRMED" (online_qualification.md §2 names it), else
# "UNCONFIRMED" with the only source that gives it ([S8]: hangilc/myclinic-ts, onshi-result code table). Labels are
# shown either way (a raw code helps nobody); docs/eligibility-json.md lists this table.
LIMIT_CODE_STATUS: Final[dict[str, str]] = {
    **{f"OQSCD011:{code}": "CONFIRMED" for code in ("01", "02")},
    "OQSCD011:03": "UNCONFIRMED ([S8] only; issue 13 names 03 標準負担額減額認定証)",
    **{f"OQSCD012:A0{n}": "CONFIRMED" for n in range(1, 7)},
    "OQSCD012:B01": "CONFIRMED",
    **{f"OQSCD012:B0{n}": "UNCONFIRMED ([S8] only)" for n in range(2, 10)},
    "OQSCD012:B10": "CONFIRMED",
}
SPECIFIC_DISEASE_CATEGORY: Final[dict[str, str]] = {"1": "人工透析", "2": "血友病", "3": "HIV"}  # OQSCD013
SPECIFIC_DISEASES_CONSENT: Final[dict[str, str]] = {"0": "なし", "1": "あり", "2": "期限切れ"}
CONSENT_FLAG: Final[dict[str, str]] = {"0": "同意なし", "1": "同意あり"}


def label(table: dict[str, str], code: str | None) -> str:
    """The label for a code, or the code itself when it is not in the table (never hidden)."""
    if not code:
        return ""
    found = table.get(code)  # the usual case: a code without surrounding spaces
    if found is not None and code.strip() == code:
        return found
    found = table.get(code.strip())
    return found if found is not None else f"({code})"


# --------------------------------------------------------------------------------------------- status and warnings

STATUS_TEXT: Final[dict[str, tuple[str, str]]] = {
    "valid": ("有効", "valid"),
    "invalid": ("無効", "invalid"),
    "invalid_new_qualification": ("無効（新しい資格あり）", "invalid (a newer qualification exists)"),
    "not_found": ("該当資格なし", "no qualification found"),
    "multiple": ("複数該当", "several qualifications match"),
    "valid_unregistered": ("有効（未登録・医療扶助）", "valid (not yet registered, medical assistance)"),
    "error": ("エラー（結果を確定できません）", "error (no final result)"),
}

COPAY_BASIS_TEXT: Final[dict[str, tuple[str, str]]] = {
    "late_elderly": ("後期高齢者の一部負担割合", "後期高齢者 ratio from the result"),
    "elderly_recipient": ("高齢受給者証の負担割合", "高齢受給者証 ratio from the result"),
    "elderly_assumed": ("70〜74歳（高齢受給者証なし・2割と仮定）", "age 70–74 without 高齢受給者証 (2割 assumed)"),
    "preschool": ("未就学（2割）", "preschool child (2割)"),
    "working_age": ("義務教育就学後〜69歳（3割）", "school age to 69 (3割)"),
    "medical_assistance": ("医療扶助（本人支払額は医療券による）", "medical assistance (self-pay per 医療券)"),
    "unknown": ("判定不可（生年月日なし）", "cannot tell (no birth date)"),
}

# Why a number of the file cannot be read (digits.NumberProblem) → (Japanese, English), for "bad_number".
NUMBER_PROBLEM_TEXT: Final[dict[str, tuple[str, str]]] = {
    "empty": ("値がありません", "no value"),
    "not_digits": ("半角数字以外の文字があります", "characters other than the digits 0–9"),
    "too_long": ("桁数が多すぎます", "too many digits"),
}

# code → (Japanese, English). Messages with {fields} are filled by the merge.
WARNING_TEXT: Final[dict[str, tuple[str, str]]] = {
    "oqs_message": ("{message}", "{message}"),
    "not_final": (
        "結果が確定していません（処理区分 {segment}）。再照会してください",
        "The result is not final (SegmentOfResult {segment}); ask again",
    ),
    "oqs_error": ("オンライン資格確認エラー {code}: {message}", "OQS error {code}: {message}"),
    "processing_error": (
        "処理結果がエラーです {code}: {message}",
        "The qualification check ended with an error {code}: {message}",
    ),
    "validity_unknown": (
        "資格有効性の値がありません・不明です（{value}）",
        "QualificationValidity is missing or unknown ({value})",
    ),
    "multiple_results": (
        "資格情報が{count}件あります。すべて確認してください",
        "The result has {count} qualifications; check each one",
    ),
    "gaiji_in_name": (
        "氏名に外字（●）があります。カルテの表記を残し、カナと生年月日で本人確認してください",
        "The name contains ● (a character OQS cannot carry): keep the chart's spelling, "
        "identify by kana and birth date",
    ),
    "chart_name_differs": (
        "氏名がカルテと異なります（{oqs} / {chart}）",
        "The name differs from the chart ({oqs} / {chart})",
    ),
    "chart_kana_differs": (
        "カナ氏名がカルテと異なります（{oqs} / {chart}）",
        "The kana differs from the chart ({oqs} / {chart})",
    ),
    "chart_birth_date_differs": (
        "生年月日がカルテと異なります（{oqs} / {chart}）",
        "The birth date differs from the chart ({oqs} / {chart})",
    ),
    "chart_sex_differs": (
        "性別がカルテと異なります（{oqs} / {chart}）",
        "The sex differs from the chart ({oqs} / {chart})",
    ),
    "chart_address_differs": (
        "住所がカルテと異なります（保険者の登録住所です）",
        "The address differs from the chart (the result shows the insurer's address)",
    ),
    "chart_insurance_differs": (
        "保険者番号・記号・番号・枝番がカルテと異なります。保険の変更を確認してください",
        "The insurance numbers differ from the chart; check for a change of insurance",
    ),
    "bad_check_digit": (
        "{what}の検証番号が一致しません（{reason}）",
        "The {what_en} fails its check ({reason})",
    ),
    "bad_number": (
        "{element} の数値が読めません（{problem}）。紙の証を確認してください",
        "The number in {element} cannot be read ({problem_en}); check the paper certificate",
    ),
    "implausible_ratio": (
        "{element} の負担割合が 0・1・2・3割 のいずれでもありません。負担割合は判定していません。証を確認してください",
        "The copay ratio in {element} is not 0, 10, 20 or 30 %; no ratio is derived from it, check the card",
    ),
    "implausible_age": (
        "生年月日（{element}）から求めた年齢が 0〜130歳 の範囲外です。生年月日を確認してください",
        "The age from {element} is outside 0–130; check the birth date",
    ),
    "date_after_confirmation": (
        "{element} の日付が資格確認日より後になっています。日付を確認してください",
        "The date in {element} is after the confirmation date; check it",
    ),
    "valid_without_person": (
        "資格「有効」とされていますが、本人の情報（氏名・カナ・生年月日・番号）がありません。再照会してください",
        "The result says valid but holds no person (no name, kana, birth date or number); ask again",
    ),
    "implausible_subsidy_ratio": (
        "{element} の負担割合が 0〜100% の範囲外です。使用していません。紙の受給者証を確認してください",
        "The subsidy ratio in {element} is outside 0–100 %; it is not used, check the paper 受給者証",
    ),
    "encoding_differs_from_character_code": (
        "宣言された文字コード（{declared}）が CharacterCodeIdentifier（{character_code}）と異なります。"
        "氏名等の文字化けに注意してください",
        "The declared encoding ({declared}) differs from CharacterCodeIdentifier ({character_code}); names may be "
        "garbled",
    ),
    "bytes_look_like_utf8": (
        "{declared} として読みましたが、内容は UTF-8 のようです。氏名等が文字化けしている可能性があります",
        "The file was read as {declared} but its bytes look like UTF-8; names may be garbled",
    ),
    "elements_not_interpreted": (
        "結果ファイルに、読み取りましたが解釈していない要素が{count}件あります（{elements}）。"
        "画面にない情報が紙の証や資格確認端末に表示されている可能性があります",
        "The result has {count} element(s) kept but not interpreted ({elements}); the paper or the terminal may "
        "show more than this view",
    ),
    "recipient_number_too_long": (
        "受給者番号が30文字を超えています",
        "The recipient number is longer than 30 characters",
    ),
    "bad_date": ("{what}の日付が読めません（{value}）", "The date in {element} cannot be read ({value})"),
    "disqualified": (
        "資格喪失日 {date} 以降の受診です（{reason}）",
        "The visit is on or after the disqualification date {date} ({reason})",
    ),
    "insurance_not_yet_valid": (
        "資格取得日 {date} より前の受診です",
        "The visit is before the qualification date {date}",
    ),
    "card_expired": ("被保険者証等の有効期限 {date} を過ぎています", "The card's expiry date {date} has passed"),
    "item_expired": ("{what}の有効期限 {date} を過ぎています", "The {what_en} expired on {date}"),
    "item_not_yet_valid": ("{what}の有効開始日 {date} より前です", "The {what_en} starts on {date}"),
    "item_expiring": ("{what}の有効期限 {date} が近づいています", "The {what_en} expires soon ({date})"),
    "specific_diseases_consent_expired": (
        "特定疾病療養受療証の情報が期限切れです。紙の受療証を確認してください",
        "The 特定疾病 information has expired; check the paper certificate",
    ),
    "subsidy_not_active": (
        "{name}（{payer}）は受診日に有効期間外と表示されています。紙の受給者証を確認してください",
        "{name} ({payer}) is shown outside its validity on the visit date; check the paper 受給者証",
    ),
    "no_subsidy_data": (
        "医療費助成（PMH）の情報がありません。受給者証をお持ちの場合は紙の受給者証を確認してください",
        "No PMH subsidy data in the result; if the patient has a 受給者証, check the paper certificate",
    ),
    "municipality_not_in_pmh": (
        "住所の自治体（{municipality}）はPMH参加自治体一覧（{as_of}）にありません。紙の受給者証を確認してください",
        "The municipality of the address ({municipality}) is not in the PMH participation list ({as_of}); "
        "check the paper 受給者証",
    ),
    "subsidy_always_reimbursed": (
        "{name}は常に償還払いです（窓口では助成されません）",
        "{name} is always reimbursed later (no subsidy at the desk)",
    ),
    "subsidy_not_designated_here": (
        "{name}の指定医療機関に当院が含まれていません",
        "This clinic is not among the designated institutions of {name}",
    ),
    "elderly_ratio_missing": (
        "70〜74歳ですが高齢受給者証の情報がありません（2割と仮定）",
        "Age 70–74 but no 高齢受給者証 information (2割 assumed)",
    ),
    "preschool_flag_differs": (
        "未就学区分が生年月日からの判定と異なります",
        "The preschool flag differs from what the birth date implies",
    ),
    "medical_ticket_missing": (
        "医療扶助ですが医療券情報がありません。福祉事務所に確認してください",
        "Medical assistance without 医療券 information; check with the welfare office",
    ),
}


def warning_text(code: str, lang: str = "ja", /, **fields: object) -> str:
    ja, en = WARNING_TEXT.get(code, (code, code))
    template = ja if lang == "ja" else en
    try:
        return template.format(**fields)
    except (KeyError, IndexError):
        return template
