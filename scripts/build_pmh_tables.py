#!/usr/bin/env python3
"""Builds resources/tables/pmh_*.json from the seed documents (PMH programs and participating municipalities).

Sources (copies of public documents in /work/shared/seeds, named in the output):
- 001_…: 社会保障審議会医療保険部会 第189回 (令和6年12月12日) 資料3 「医療費助成のオンライン資格確認の積極的な導入に
  ついて」: participants of the 先行実施 (令和5・6年度) and the programs in scope.
- 003_…: 厚生労働省 事務連絡 (令和7年10月) 「医療費助成のオンライン資格確認の先行実施の状況（令和7年10月時点）」:
  prefectures and municipalities participating or planned by the end of 令和7年度.
Run: python scripts/build_pmh_tables.py [SEED_DIR]  (default /work/shared/seeds)
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from reception_app.eligibility.numbers import PREFECTURES as PREFECTURE_TABLE

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "resources" / "tables"
PREFECTURES = tuple(PREFECTURE_TABLE.values())
_PREF_RE = "|".join(sorted(PREFECTURES, key=len, reverse=True))
# Known typos in the seed text (the official spelling on the right).
CORRECTIONS = {"築北村": "筑北村", "荊田町": "苅田町"}


def _names(text: str) -> list[str]:
    names = []
    for part in re.split(r"[、,，]", text):
        name = part.strip().strip("。 ")
        if name:
            names.append(CORRECTIONS.get(name, name))
    return names


def planned_r7(seed: Path) -> dict[str, object]:
    """003: lines like "①北海道<TAB>帯広市、…" (the page numbering before the name is garbled in the PDF text)."""
    text = seed.read_text(encoding="utf-8")
    municipalities: dict[str, list[str]] = {}
    for line in text.splitlines():
        match = re.match(rf"^\W*?[^\t]*?({_PREF_RE})\t(.+)$", line)
        if (match and "、" in match.group(2)) or (match and re.search(r"[市町村区]$", match.group(2).strip())):
            municipalities.setdefault(match.group(1), []).extend(_names(match.group(2)))
    block = re.search(r"参加・参加予定\s*都道府県\s*\(累計\)\s*(.+?)\n", text)
    prefectures = [name for name in _names(block.group(1))] if block else []
    return {"prefectures": prefectures, "municipalities": municipalities}


def operating_r6(seed: Path) -> dict[str, object]:
    """001: lines like "①北海道：帯広市、… ／ ②青森県：…"."""
    text = unicodedata.normalize("NFC", seed.read_text(encoding="utf-8"))
    municipalities: dict[str, list[str]] = {}
    for match in re.finditer(rf"({_PREF_RE})：([^／\n]+)", text):
        municipalities.setdefault(match.group(1), []).extend(_names(match.group(2)))
    block = re.search(r"◎市町村の実施状況[^\n]*\n\s*\n(.+?)\n\s*\n参加", text, re.DOTALL)
    prefectures = _names(block.group(1).replace("\n", "")) if block else []
    return {"prefectures": prefectures, "municipalities": municipalities}


PROGRAMS = {
    # From seed 001 (資料3, 対象となる医療費助成) — the program groups PMH covers; 法別番号 where national.
    "source": "社会保障審議会医療保険部会 第189回 資料3 (令和6年12月12日), seed 001",
    "programs": [
        {"group": "障害者総合支援法", "name": "精神通院医療に係る自立支援医療費", "law_code": "21"},
        {"group": "障害者総合支援法", "name": "更生医療に係る自立支援医療費", "law_code": "15"},
        {"group": "障害者総合支援法", "name": "育成医療に係る自立支援医療費", "law_code": "16"},
        {"group": "障害者総合支援法", "name": "療養介護医療費", "law_code": "24"},
        {"group": "難病法", "name": "特定医療費", "law_code": "54"},
        {"group": "児童福祉法", "name": "小児慢性特定疾病医療費", "law_code": "52"},
        {"group": "児童福祉法", "name": "肢体不自由児通所医療費", "law_code": "79"},
        {"group": "児童福祉法", "name": "障害児入所医療費", "law_code": "79"},
        {"group": "母子保健法", "name": "養育医療", "law_code": "23"},
        {"group": "感染症法", "name": "結核患者の医療", "law_code": "10"},
        {"group": "感染症法", "name": "新型インフルエンザ等感染症外出自粛対象者の医療", "law_code": "28"},
        {"group": "感染症法", "name": "新感染症外出自粛対象者の医療", "law_code": "29"},
        {"group": "予算事業", "name": "肝炎治療特別促進事業による医療費助成", "law_code": "38"},
        {"group": "予算事業", "name": "肝がん・重度肝硬変治療研究促進事業による医療費助成", "law_code": "38"},
        {"group": "予算事業", "name": "特定疾患治療研究事業による医療費助成", "law_code": "51"},
        {"group": "地方単独医療費助成", "name": "こどもの医療費に係る地方単独医療費助成", "law_code": ""},
        {"group": "地方単独医療費助成", "name": "障害者の医療費に係る地方単独医療費助成", "law_code": ""},
        {"group": "地方単独医療費助成", "name": "ひとり親家庭の医療費に係る地方単独医療費助成", "law_code": ""},
        {"group": "地方単独医療費助成", "name": "その他の地方単独医療費助成", "law_code": ""},
    ],
    "note": "law_code is this app's mapping of each program to its usual 法別番号 (79 and 38 share codes; 28/29 are "
    "the infectious-disease codes); local programs use prefecture-assigned codes (usually 80s).",
}


def main(argv: list[str]) -> int:
    seeds = Path(argv[1]) if len(argv) > 1 else Path("/work/shared/seeds")
    r6_seed = next(seeds.glob("001_*.txt"))
    r7_seed = next(seeds.glob("003_*.txt"))
    r6, r7 = operating_r6(r6_seed), planned_r7(r7_seed)
    participation = {
        "lists": {
            "operating_r6": {
                "source": "社会保障審議会医療保険部会 第189回 資料3 (令和6年12月12日): 先行実施の実施状況 "
                f"(seed {r6_seed.name})",
                "as_of": "2024-12-12",
                **r6,
            },
            "planned_r7_end": {
                "source": "厚生労働省 事務連絡 「医療費助成のオンライン資格確認の先行実施の状況（令和7年10月時点）」 "
                f"(seed {r7_seed.name})",
                "as_of": "2025-10",
                **r7,
            },
        },
        "generated_by": "scripts/build_pmh_tables.py",
    }
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "pmh_participation.json").write_text(json.dumps(participation, ensure_ascii=False, indent=1) + "\n")
    (OUT / "pmh_programs.json").write_text(json.dumps(PROGRAMS, ensure_ascii=False, indent=1) + "\n")
    for key, value in participation["lists"].items():
        count = sum(len(v) for v in value["municipalities"].values())
        print(f"{key}: {len(value['prefectures'])} prefectures, {count} municipalities")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
