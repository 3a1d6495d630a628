"""Build pizhu's place and surname tables (``extract/data/places.tsv``, ``surnames.tsv``) from PyPI wheels.

The tables are data the extractor ships; this script is how they were made, so anyone can
make them again from the same public sources and check them:

- places: JioNLP's ``dictionary/china_location.zip`` (every province, city, county and
  township of the PRC with its short name and adcode, 2025 data, Apache-2.0),
  ``china_location_change.txt`` (renamed and abolished divisions since 2000: reports of
  2015 still say 上饶县) and ``world_location.txt`` (country names);
- surnames: Faker's ``zh_CN`` and ``zh_TW`` person providers (the 400 and 200 most
  frequent surnames with their frequency, MIT) and JioNLP's 百家姓 with compound surnames
  and its list of surname characters that are rarely anything else.

Neither package is imported or installed: the wheels are read as zip files.

    pip download --no-deps -d /tmp/wheels jionlp==1.5.31 faker==40.63.0
    python tools/build_lexicons.py /tmp/wheels/jionlp-*.whl /tmp/wheels/faker-*.whl
"""

from __future__ import annotations

import argparse
import ast
import io
import re
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "extract" / "data"

# Townships: 镇, 乡 (民族乡 too), 街道, and the Inner Mongolian 苏木.
_TOWN_SUFFIXES = ("街道", "苏木", "镇", "乡")


def _places(jionlp: zipfile.ZipFile) -> list[tuple[str, str, str]]:
    """(name, kind, short name) rows: kind is province, city, county, town, former or country."""
    with zipfile.ZipFile(io.BytesIO(jionlp.read("jionlp/dictionary/china_location.zip"))) as inner:
        text = inner.read("china_location.txt").decode("utf-8")
    rows: dict[str, tuple[str, str, str]] = {}
    kinds = ("province", "city", "county", "town")

    def add(name: str, kind: str, alias: str) -> None:
        # One row per name; the higher level wins (吉林 is a province and a city).
        old = rows.get(name)
        if old is None or (old[1] in kinds and kind in kinds and kinds.index(kind) < kinds.index(old[1])):
            rows[name] = (name, kind, alias)

    for line in text.split("\n"):
        depth = len(line) - len(line.lstrip("\t"))
        fields = line.strip().split("\t")
        if not fields[0] or depth > 3:
            continue  # villages (depth 4) are found by their suffix, not listed
        name = fields[0]
        if depth == 3:
            suffix = next((s for s in _TOWN_SUFFIXES if name.endswith(s)), None)
            if suffix and len(name) - len(suffix) >= 2:
                add(name, "town", "")  # the short name is the name less its suffix
            continue
        # 市辖区 and county-level zones (经济技术开发区) are not names of places.
        if name in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划") or "开发区" in name:
            continue
        alias = fields[2].split("/")[0] if len(fields) > 2 else ""
        add(name, kinds[min(depth, 2)], alias if alias != name else "")
    change = jionlp.read("jionlp/dictionary/china_location_change.txt").decode("utf-8")
    for line in change.split("\n"):
        before = line.split("=>")[0].split("\t")[2:]
        # before: province, alias, [city, alias, [county, alias]]: the last pair is the one that changed.
        if len(before) >= 2 and before[-2] not in rows:
            rows[before[-2]] = (before[-2], "former", before[-1] if before[-1] != before[-2] else "")
    world = jionlp.read("jionlp/dictionary/world_location.txt").decode("utf-8")
    for line in world.split("\n"):
        fields = line.split("\t")
        if len(fields) >= 2 and fields[0] and not fields[0].endswith(":"):
            for name in {fields[0], fields[1]}:
                rows.setdefault(name, (name, "country", fields[0] if name != fields[0] else ""))
    order = ("province", "city", "county", "former", "country", "town")
    return sorted(rows.values(), key=lambda r: (order.index(r[1]), r[0]))


def _faker_surnames(faker: zipfile.ZipFile, locale: str) -> list[tuple[str, float]]:
    src = faker.read(f"faker/providers/person/{locale}/__init__.py").decode("utf-8")
    for node in ast.walk(ast.parse(src)):
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == "last_names":
            value = node.value
            if isinstance(value, ast.Call):  # OrderedDict(((name, weight), ...))
                return [(e.elts[0].value, float(e.elts[1].value)) for e in value.args[0].elts]  # type: ignore[attr-defined]
            return [(name, 0.0) for name in ast.literal_eval(value)]
    raise SystemExit(f"faker {locale}: no last_names")


def _jionlp_surnames(jionlp: zipfile.ZipFile) -> tuple[str, str, list[str]]:
    """(百家姓 characters, those rarely anything but a surname, compound surnames)."""
    src = jionlp.read("jionlp/rule/rule_pattern.py").decode("utf-8")
    blocks = re.findall(r"SINGLE_CHINESE_FAMILY_NAME = \\\n((?:\s+'[^']*' *\\?\n)+)", src)
    strings = ["".join(re.findall(r"'([^']*)'", b)) for b in blocks]
    two = re.search(r"TWO_CHAR_CHINESE_FAMILY_NAME = \\\n((?:\s+'[^']*' *\\?\n)+)", src)
    if len(strings) != 2 or two is None:
        raise SystemExit("jionlp: surname lists not found")
    return strings[0], strings[1], "".join(re.findall(r"'([^']*)'", two.group(1))).strip("|").split("|")


# Everyday forms that both sources list only as their variant (萧 → 肖, 傅 → 付, 阎 → 闫): a
# report writes the everyday one.
_EVERYDAY_FORMS = {"萧": "肖", "傅": "付", "阎": "闫"}


def _surnames(jionlp: zipfile.ZipFile, faker: zipfile.ZipFile) -> list[tuple[str, str, str]]:
    """(surname, frequency per cent or '', flags) rows; flags: ``u`` rarely anything but a surname."""
    from opencc import OpenCC

    t2s = OpenCC("t2s")
    freq: dict[str, float] = {}
    for name, weight in _faker_surnames(faker, "zh_CN"):
        freq[name] = max(freq.get(name, 0.0), weight)
    for name, _weight in _faker_surnames(faker, "zh_TW"):
        freq.setdefault(t2s.convert(name), 0.0)
    full, unambiguous, compound = _jionlp_surnames(jionlp)
    names = set(freq) | set(full) | set(compound)
    for variant, everyday in _EVERYDAY_FORMS.items():
        if variant in names:
            names.add(everyday)
            freq.setdefault(everyday, freq.get(variant, 0.0))
    rows = []
    for name in names:
        variant = next((v for v, e in _EVERYDAY_FORMS.items() if e == name), name)
        flags = "u" if variant in unambiguous or len(name) == 2 else ""
        f = freq.get(name)
        rows.append((name, f"{f:.3f}" if f else "", flags))
    return sorted(rows, key=lambda r: (-(float(r[1]) if r[1] else 0.0), r[0]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("jionlp", type=Path, help="jionlp wheel (1.5.31)")
    parser.add_argument("faker", type=Path, help="Faker wheel")
    args = parser.parse_args()
    with zipfile.ZipFile(args.jionlp) as jionlp, zipfile.ZipFile(args.faker) as faker:
        places = _places(jionlp)
        surnames = _surnames(jionlp, faker)
    header = (
        f"# pizhu place table, built by tools/build_lexicons.py from {args.jionlp.name} (JioNLP, Apache-2.0).\n"
        "# name<TAB>kind<TAB>short name; kind: province city county former (renamed or abolished) country town\n"
    )
    (OUT / "places.tsv").write_text(header + "".join("\t".join(r) + "\n" for r in places), "utf-8")
    header = (
        f"# pizhu surname table, built by tools/build_lexicons.py from {args.faker.name} (zh_CN, zh_TW; MIT)\n"
        f"# and {args.jionlp.name} (百家姓, compound surnames; Apache-2.0).\n"
        "# surname<TAB>frequency in per cent (Faker zh_CN) or empty<TAB>u if the character is rarely anything else\n"
    )
    (OUT / "surnames.tsv").write_text(header + "".join("\t".join(r) + "\n" for r in surnames), "utf-8")
    print(f"places.tsv: {len(places)} rows; surnames.tsv: {len(surnames)} rows")


if __name__ == "__main__":
    main()
