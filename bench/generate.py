"""Synthetic CPPCC work reports for scale and robustness tests, to any size.

Each report is built from the genre's own furniture and phrasing: a date line and the
``版面 / … 校对 / …`` credit, a title with a ``——…工作综述`` subtitle, a byline, numbered
headings (一、…) or headline pairs, paragraphs dense with figures (12次, 93.35万元,
办复率达100%, 近30条, 10余次), names with their posts, dates, organisations, meetings,
slogans, and photo captions (▲…). Variants reproduce what real files look like:

- ``simplified``: clean UTF-8;
- ``traditional``: OpenCC s2t, pinyin glosses after characters (``協(xié)``), doubled commas;
- ``ocr``: column breaks inside paragraphs, OCR spaces between characters, full-width
  digits (９３．３５％), the 人/入 confusion;
- any of these written as GB18030 (Simplified) or Big5 (Traditional) bytes.

Everything is a pure function of ``(seed, index)``, so a corpus can be rebuilt exactly
or produced in memory by the scale benchmark without touching the disk.

Usage: python -m bench.generate OUTDIR --reports N [--seed S]
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from pathlib import Path

VARIANTS = ("simplified", "traditional", "ocr")
# Rough shares of a team's intake: most files are clean, a fifth Traditional, a fifth noisy.
VARIANT_WEIGHTS = (0.6, 0.2, 0.2)

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢"
GIVEN = "建国伟华明丽军平强敏静海燕红霞志刚文杰晓东春梅秀英玉兰德胜永庆国庆立新振宇思远佳怡子涵雨桐浩然"
PLACES = (
    "城中区",
    "灵武市",
    "嘉峪关市",
    "陇南市",
    "大洼区",
    "陈仓区",
    "岳阳市",
    "沧州市",
    "河池市",
    "金川区",
    "武都区",
    "西峰区",
    "临夏市",
    "兴庆区",
    "海东市",
    "平凉市",
    "崆峒区",
    "榆中县",
    "永登县",
    "湟中区",
)
POSTS = ("政协主席", "政协副主席", "政协秘书长", "委员", "常委", "区委书记", "市长", "提案委主任")
ORGS = (
    "区委",
    "区政府",
    "区人民检察院",
    "区纪委监委",
    "民革",
    "民盟",
    "民建",
    "农工党",
    "工商联",
    "统战部",
    "提案委员会",
    "文史委员会",
    "社会法制委员会",
    "经济委员会",
)
MEETINGS = ("九届三次会议", "十届一次会议", "常委会议", "主席会议", "专题协商会", "双月协商座谈会", "党组会议")
SLOGANS = (
    "学思想、强党性、重实践、建新功",
    "懂政协、会协商、善议政",
    "有事好商量、众人的事情由众人商量",
    "建睿智之言、献务实之策",
    "六型一线",
    "十个一",
)
TOPICS = (
    "乡村振兴",
    "营商环境",
    "基层治理",
    "生态保护",
    "义务教育",
    "文旅融合",
    "民营经济",
    "养老服务",
    "城市更新",
    "法治政府",
    "数字经济",
    "医疗卫生",
)
HEADINGS = (
    ("强化政治引领", "把牢政治方向"),
    ("聚焦中心大局", "深度协商互动"),
    ("坚持团结民主", "广泛凝聚共识"),
    ("坚持履职初心", "增进民生福祉"),
    ("坚持守正创新", "加强自身建设"),
    ("发挥专门协商机构作用", "提升建言资政质量"),
    ("深化民主监督", "助推决策落实"),
    ("加强委员队伍建设", "激发履职活力"),
)
NUMERALS = "一二三四五六七八九十"
UNITS_COUNT = ("次", "件", "条", "篇", "期", "项", "个", "场", "人(次)", "家", "名")
VERBS = ("召开", "开展", "组织", "举办", "提出", "征集", "形成", "报送", "走访", "完成")
OBJECTS = (
    "专题协商会",
    "调研视察活动",
    "社情民意信息",
    "提案",
    "建议",
    "调研报告",
    "委员讲堂",
    "履职培训班",
    "民主评议",
    "界别活动",
)
APPROX_BEFORE = ("近", "约", "超过", "共", "累计")
APPROX_AFTER = ("余", "多")

# Pinyin for the characters a converter glossed most in real mirrored pages.
PINYIN = {
    "協": "xié",
    "會": "huì",
    "議": "yì",
    "員": "yuán",
    "調": "diào",
    "點": "diǎn",
    "專": "zhuān",
    "題": "tí",
    "動": "dòng",
    "項": "xiàng",
    "開": "kāi",
    "導": "dǎo",
    "組": "zǔ",
    "織": "zhī",
    "與": "yǔ",
    "發": "fā",
    "建": "jiàn",
    "設": "shè",
    "務": "wù",
    "辦": "bàn",
    "報": "bào",
    "說": "shuō",
    "們": "men",
    "黨": "dǎng",
    "興": "xīng",
    "環": "huán",
    "經": "jīng",
    "濟": "jì",
    "區": "qū",
    "縣": "xiàn",
}


@dataclass(frozen=True)
class GeneratedReport:
    """One synthetic report: its text and how it should be written to disk."""

    index: int
    variant: str
    encoding: str
    text: str

    def to_bytes(self) -> bytes:
        return encode(self.text, self.encoding)


def encode(text: str, encoding: str) -> bytes:
    """Bytes in ``encoding``; a character the legacy codec lacks falls back to UTF-8 whole.

    Big5 has no tone-marked Latin letters, so a glossed Traditional report cannot be Big5
    (nor was it in the wild: such pages were UTF-8 mirrors).
    """
    try:
        return text.encode(encoding)
    except UnicodeEncodeError:
        return text.encode("utf-8")


class _Writer:
    """Draws the parts of one report from its own random stream."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.place = rng.choice(PLACES)
        self.year = rng.randint(2012, 2024)

    def name(self) -> str:
        rng = self.rng
        given = "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        return rng.choice(SURNAMES) + given

    def count(self) -> str:
        """A counted figure: 12次, 近30条, 10余次, 124人(次)."""
        rng = self.rng
        number = rng.choice((rng.randint(2, 40), rng.randint(10, 400)))
        unit = rng.choice(UNITS_COUNT)
        hedge = rng.random()
        if hedge < 0.15:
            return f"{rng.choice(APPROX_BEFORE)}{number}{unit}"
        if hedge < 0.25:
            return f"{number}{rng.choice(APPROX_AFTER)}{unit}"
        return f"{number}{unit}"

    def money(self) -> str:
        rng = self.rng
        return f"{rng.randint(100, 99999) / 100:.2f}{rng.choice(('万元', '万元', '亿元', '元'))}"

    def rate(self) -> str:
        rng = self.rng
        value = rng.choice((100, 98, 97, 95.6, 99.2, rng.randint(60, 100)))
        return f"{rng.choice(('办复率达', '满意率达', '采纳率为'))}{value}%"

    def date(self) -> str:
        rng = self.rng
        return f"{self.year}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"

    def sentence(self) -> str:
        rng = self.rng
        pick = rng.random()
        if pick < 0.35:
            return (
                f"全年{rng.choice(VERBS)}{rng.choice(OBJECTS)}{self.count()},"
                f"{rng.choice(VERBS)}{rng.choice(OBJECTS)}{self.count()}。"
            )
        if pick < 0.5:
            return (
                f"{self.date()},{self.place}{rng.choice(POSTS)}{self.name()}带领调研组围绕{rng.choice(TOPICS)}"
                f"开展专题视察,提出意见建议{self.count()}。"
            )
        if pick < 0.62:
            return (
                f"对{self.place}政协{rng.choice(MEETINGS)}以来立案的{rng.randint(50, 400)}件提案实行清单式管理,"
                f"提案{self.rate()},{self.rate()}。"
            )
        if pick < 0.74:
            return (
                f"配合{rng.choice(ORGS)}、{rng.choice(ORGS)}开展{rng.choice(TOPICS)}民主监督,"
                f"{rng.randint(3, 40)}名政协委员参与,累计捐款捐物{self.money()}。"
            )
        if pick < 0.86:
            return (
                f"深入开展“{rng.choice(SLOGANS)}”主题活动,编纂完成第{rng.randint(1, 60)}辑《{self.place}文史资料》,"
                f"{rng.choice(VERBS)}{rng.choice(OBJECTS)}{self.count()}。"
            )
        return (
            f"召开{self.place}政协{rng.choice(MEETINGS)},{rng.choice(POSTS)}{self.name()}出席并讲话,"
            f"审议通过{rng.randint(2, 12)}项{rng.choice(OBJECTS)}。"
        )

    def paragraph(self) -> str:
        return "".join(self.sentence() for _ in range(self.rng.randint(3, 7)))

    def report(self) -> str:
        rng = self.rng
        org = f"{self.place}政协"
        title_main, title_sub = rng.choice(HEADINGS)
        lines = [
            f"{self.year + 1}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
            "",
            f"版面 / {self.name()} 校对 / {self.name()}",
            "",
            f"{title_main} {title_sub}",
            f"——{org}{self.year}年度工作综述",
            "",
            f"本报记者 {self.name()}",
            "",
            f"{self.year}年,{org}及其常委会坚持以习近平新时代中国特色社会主义思想为指导,"
            f"团结引领广大政协委员,{self.paragraph()}",
            "",
        ]
        numbered = rng.random() < 0.6
        for number, (first, second) in enumerate(rng.sample(HEADINGS, rng.randint(4, 6))):
            if numbered:
                lines += [f"{NUMERALS[number]}、{first},{second}", ""]
            else:
                lines += [first, "", second, ""]
            for _ in range(rng.randint(2, 4)):
                lines += [self.paragraph(), ""]
            if rng.random() < 0.5:
                lines += [f"▲{self.date()},{org}调研组在{rng.choice(TOPICS)}一线开展视察。{self.name()} 摄", ""]
        return "\n".join(lines) + "\n"


def _traditional(text: str, rng: random.Random, glosses: bool) -> str:
    from opencc import OpenCC

    # Taiwan forms (為, 眾) for Big5 files, which lack the OpenCC standard forms (爲, 衆).
    converted = OpenCC("s2t" if glosses else "s2tw").convert(text)
    out = []
    for ch in converted:
        out.append(ch)
        if glosses and ch in PINYIN and rng.random() < 0.7:
            out.append(f"({PINYIN[ch]})")
        elif ch == "," and rng.random() < 0.3:
            out.append(",")  # the doubled punctuation of scraped mirrors
    return "".join(out)


_FULLWIDTH = str.maketrans("0123456789%.", "０１２３４５６７８９％．")


def _ocr(text: str, rng: random.Random) -> str:
    """Column breaks, stray spaces, full-width figures and 入 for 人, line by line."""
    out_lines = []
    for line in text.split("\n"):
        if len(line) < 60:
            out_lines.append(line)
            continue
        if rng.random() < 0.3:
            line = line.translate(_FULLWIDTH)
        chars = []
        for ch, following in zip(line, line[1:] + "\n", strict=True):
            chars.append("入" if ch == "人" and rng.random() < 0.2 else ch)
            # OCR spacing falls between characters, rarely inside a number.
            if rng.random() < (0.04 if not (ch.isdigit() and following.isdigit()) else 0.005):
                chars.append(" ")
        broken = "".join(chars)
        # A column break: the paragraph continues after a run of blank lines.
        cut = rng.randint(20, len(broken) - 10)
        out_lines.append(broken[:cut] + "\n" * rng.randint(1, 4) + broken[cut:])
    return "\n".join(out_lines)


def generate(index: int, seed: int = 0) -> GeneratedReport:
    """Report number ``index`` of the corpus ``seed``: always the same report."""
    rng = random.Random(seed * 1_000_003 + index)
    text = _Writer(rng).report()
    variant = rng.choices(VARIANTS, VARIANT_WEIGHTS)[0]
    legacy = rng.random() < 0.25
    if variant == "traditional":
        # Big5 cannot hold tone-marked pinyin: glossed pages were UTF-8 mirrors.
        text = _traditional(text, rng, glosses=not legacy)
    elif variant == "ocr":
        text = _ocr(text, rng)
    if variant == "traditional":
        encoding = "big5" if legacy else "utf-8"
    else:
        encoding = "gb18030" if legacy else "utf-8"
    return GeneratedReport(index=index, variant=variant, encoding=encoding, text=text)


def write_corpus(outdir: Path, reports: int, seed: int = 0) -> list[Path]:
    """Write ``reports`` files into ``outdir`` in subfolders of 1,000 (a folder of 10k is unwieldy)."""
    paths = []
    for index in range(reports):
        report = generate(index, seed)
        folder = outdir / f"batch_{index // 1000:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"report_{index:06d}_{report.variant}_{report.encoding}.txt"
        path.write_bytes(report.to_bytes())
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--reports", type=int, required=True)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    paths = write_corpus(args.outdir, args.reports, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} reports, {size / 1024 / 1024:.1f} MB, into {args.outdir}")


if __name__ == "__main__":
    main()
