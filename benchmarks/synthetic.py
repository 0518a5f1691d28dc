"""Synthetic Chinese policy-like documents for benchmarks and extraction tests.

Seeded and deterministic: `generate_document(seed, index)` gives the same bytes on every run and
machine (Python's `random.Random` seeded with a string is hashed with SHA-512, independent of
`PYTHONHASHSEED`). Every document is labelled `synthetic: true` in its front matter and is written
only into a directory the caller gives — never into `seed_data/` (refused).

Names come from the gazetteers (`seed_data/gazetteers/`, drawn with Zipf-like weights, so a few
names are hubs and most are rare) plus invented ones with a long tail: provincial societies
(江苏省材料学会), branches (中国物理学会青年工作委员会), Party organisations (中国化学会党委) and policy
titles (《关于深化学会治理改革的实施意见》). Sentences follow the shapes the extractors look for:
issuing 《…》 policies (ISSUED), societies undertaking functions (UNDERTAKES), running programmes
(RUNS), supervision (SUPERVISED_BY), nested branch and Party-organisation names (BRANCH_OF,
PARTY_ORG_OF), recommendations (要/推动/建立健全/鼓励 …), reports of meetings, and background
sentences. Each document carries the facts it planted (`SyntheticDocument.planted`), so a test
can check that the extractors find them.

Sizes used by `kg bench`: 100, 1,000 and 10,000 documents of ~1,500 characters (one page), and
one 100-page document of ~150,000 characters.
"""
from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from extractors.gazetteer import load_gazetteer
from seed_data import resource

SEED_DATA = resource()  # the bundled seed_data folder: never written to
CHARS_PER_PAGE = 1500
ZIPF_S = 1.0  # weight of the k-th most frequent name ~ 1 / k**s

# --- vocabularies (invented parts; real names come from the gazetteers) ---------------------

# discipline nouns that jieba tags as nouns, so the name patterns find 江苏省<field>学会
FIELDS = ("材料", "物理", "化学", "海洋", "农业", "林业", "医学", "药学", "机械", "电子", "通信", "数学",
          "力学", "地质", "气象", "水利", "测绘", "生态", "环境", "能源", "纺织", "食品", "营养", "心理",
          "天文", "航空", "光学", "声学", "土木", "建筑", "交通", "园艺", "畜牧", "水产", "土壤", "遗传",
          "植物", "动物", "昆虫", "护理", "针灸", "地理", "档案", "信息", "计算机")  # not 科普: a place's 科普协会 is
# its 科协's forerunner, a body (docs/ANNOTATION.md; the gold marks it an Agency)
SOCIETY_SUFFIXES = ("学会", "学会", "学会", "协会", "研究会")
PROVINCES = ("北京市", "天津市", "河北省", "山西省", "辽宁省", "吉林省", "黑龙江省", "上海市", "江苏省", "浙江省",
             "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "海南省", "重庆市",
             "四川省", "贵州省", "云南省", "陕西省", "甘肃省", "青海省")
BRANCH_SUFFIXES = ("青年工作委员会", "科普工作委员会", "学术工作委员会", "标准化工作委员会", "继续教育工作委员会")
BRANCH_FIELD_SUFFIXES = ("专业委员会", "分会")
BRANCH_FIELDS = ("计算数学", "材料物理", "海洋生态", "农业信息", "智能制造", "青年科学家", "科技评价", "标准化",
                 "数据科学", "生物医学", "环境工程", "科学传播", "工程教育", "知识产权", "国际合作")
PARTY_SUFFIXES = ("党委", "党委", "党支部", "党总支", "理事会党委")
POLICY_TOPICS = ("深化科技社团改革", "加强学会党建工作", "推进学会治理现代化", "深化人才发展体制机制改革",
                 "推动学会有序承接政府转移职能", "加强科技期刊建设", "促进团体标准规范发展", "加强科研诚信建设",
                 "推进全国学会分支机构规范管理", "支持青年科技人才成长", "深化科技奖励制度改革", "加强科普工作",
                 "完善科技评价体系", "推动学会国际化发展", "建设世界一流学会", "加强基层科协组织建设",
                 "推进科技社团参与社会治理", "提升学会服务创新能力", "规范社会组织登记管理", "弘扬科学家精神")
POLICY_KINDS = ("意见", "实施意见", "通知", "实施方案", "办法", "指导意见", "工作方案", "若干规定", "管理办法",
                "行动计划")
MEETINGS = ("全国会员代表大会", "理事会", "常务理事会", "学术年会", "党建工作会议", "改革工作推进会", "学术交流会",
            "分支机构工作会议", "青年科学家论坛", "科普工作座谈会")
CITIES = ("北京", "上海", "广州", "深圳", "杭州", "南京", "武汉", "成都", "西安", "长沙", "合肥", "天津", "重庆",
          "济南", "郑州", "昆明", "兰州", "沈阳", "哈尔滨", "厦门")
NUMERALS = "一二三四五六七八九十"
# what recommendations are about: terms of the four research directions (seed_data/lexicon)
REC_OBJECTS = (
    "学会党建工作，推动党的组织和党的工作两个全覆盖", "功能型党组织建设，发挥政治引领作用",
    "党风廉政建设，健全廉洁自律机制", "青年科技人才举荐机制，完善人才评价体系", "科技奖励制度，提高奖励的公信力",
    "会员服务体系，团结凝聚广大科技工作者", "学会治理结构，健全理事会和监事会制度", "分支机构管理，规范分支机构设立",
    "承接政府转移职能的能力，开展第三方评估", "团体标准研制，提升标准化工作水平", "科技期刊建设，提升学术影响力",
    "科普工作体系，提高公民科学素质", "学会国际化发展，深化国际科技交流合作", "决策咨询能力，建设高水平科技智库",
    "科研诚信建设，营造良好学术生态", "财务管理制度，提高资金使用效益", "信息公开制度，接受社会监督",
    "学会秘书处建设，推进专职化和职业化")
REC_SUBJECTS = ("各级科协", "全国学会", "各学会", "地方科协", "各有关单位", "学会党组织")
REC_ADVERBS = ("进一步", "切实", "大力", "积极", "持续", "认真")
REC_VERBS = ("加强", "完善", "推进", "健全", "深化", "规范")
OPENINGS = ("推动", "建立健全", "鼓励", "支持", "加快推进", "探索")
BACKGROUND = (
    "科技社团是党领导下团结联系广大科技工作者的重要组织，是国家创新体系的重要组成部分。",
    "近年来，学会改革稳步推进，治理结构不断完善，服务能力持续提升。",
    "当前，新一轮科技革命和产业变革深入发展，对科技社团提出新的更高要求。",
    "学会在学术交流、科学普及、人才举荐和决策咨询等方面发挥着重要作用。",
    "各地在实践中形成了一批可复制、可推广的经验做法。",
    "学会承接政府转移职能，是推进国家治理体系和治理能力现代化的重要举措。",
    "科技工作者是推动科技创新的主体力量，需要更好地团结和服务。",
    "部分学会仍存在治理不够规范、服务能力不强、国际影响力有待提升等问题。",
    "面向未来，科技社团需要在服务国家战略中找准定位、主动作为。",
    "学会党建与业务工作深度融合，党组织的政治核心作用更加凸显。",
)
HEADINGS = ("总体要求", "主要任务", "重点工作", "组织实施", "保障措施", "工作目标", "基本原则", "主要做法",
            "经验启示", "存在问题", "下一步工作", "工作进展")


# --- the output ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Planted:
    """A fact a document states in a shape the extractors look for.

    `type` is a relation type (ISSUED, UNDERTAKES, RUNS, SUPERVISED_BY, BRANCH_OF, PARTY_ORG_OF)
    with the canonical names of head and tail, or "Recommendation" with the sentence as `head`."""

    type: str
    head: str
    tail: str = ""


@dataclass(frozen=True)
class SyntheticDocument:
    name: str  # file name, e.g. syn-0-00042.md
    doc_id: str  # front-matter id
    title: str
    kind: str
    text: str  # the whole file: front matter + body
    planted: tuple[Planted, ...]

    @property
    def body(self) -> str:
        return self.text.split("\n---\n", 1)[1].strip()


# --- names ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Names:
    societies: tuple[str, ...]
    agencies: tuple[str, ...]
    programmes: tuple[str, ...]
    functions: tuple[str, ...]
    branches: tuple[str, ...]
    party_orgs: tuple[str, ...]


@cache
def _gazetteer_names() -> _Names:
    """Non-generic gazetteer names by label (generic kinds make no planted relation)."""
    by_label: dict[str, list[str]] = {}
    for entry in load_gazetteer().entries:
        if not entry.generic:
            by_label.setdefault(entry.label, []).append(entry.canonical)
    agencies = [a for a in by_label.get("Agency", []) if not a.startswith(("中国科协", "中国科学技术协会"))
                or a in ("中国科协书记处", "中国科协办公厅")]
    return _Names(
        societies=tuple(by_label.get("Society", [])),
        agencies=tuple(["中国科学技术协会"] + [a for a in agencies if a != "中国科学技术协会"]),
        programmes=tuple(by_label.get("TalentProgram", [])),
        functions=tuple(f for f in by_label.get("GovernmentFunction", []) if f not in ("团体标准",)),
        branches=tuple(by_label.get("Branch", [])),
        party_orgs=tuple(by_label.get("PartyOrganization", [])),
    )


class _Zipf:
    """Draws from a fixed list with weights 1/k**s in an order shuffled by the seed."""

    def __init__(self, items: Sequence[str], seed: str, s: float = ZIPF_S) -> None:
        order = list(items)
        random.Random(f"order:{seed}").shuffle(order)
        self.items = order
        self.cum: list[float] = []
        total = 0.0
        for k in range(len(order)):
            total += 1.0 / (k + 1) ** s
            self.cum.append(total)

    def __call__(self, rng: random.Random) -> str:
        return rng.choices(self.items, cum_weights=self.cum)[0]


@cache
def _draws(seed: int) -> dict[str, _Zipf]:
    g = _gazetteer_names()
    local = [f"{p}{f}{s}" for p in PROVINCES for f in FIELDS for s in SOCIETY_SUFFIXES[2:]]
    return {
        "society": _Zipf(g.societies, f"{seed}:society"),
        "local_society": _Zipf(sorted(set(local)), f"{seed}:local", s=0.6),
        "agency": _Zipf(g.agencies, f"{seed}:agency", s=1.2),
        "programme": _Zipf(g.programmes, f"{seed}:programme"),
        "function": _Zipf(g.functions, f"{seed}:function"),
    }


# --- sentences ------------------------------------------------------------------------------

class _Writer:
    """Builds one document's sentences and remembers what they plant."""

    def __init__(self, rng: random.Random, seed: int) -> None:
        self.rng = rng
        self.draw = _draws(seed)
        self.planted: list[Planted] = []
        self.issuer = self.draw["agency"](rng)
        self.year = rng.randint(2012, 2024)

    def society(self) -> str:
        # most societies named are national (gazetteer); a third are invented provincial ones
        if self.rng.random() < 0.33:
            return self.draw["local_society"](self.rng)
        return self.draw["society"](self.rng)

    def policy_title(self) -> str:
        r = self.rng
        year = r.randint(2012, 2024)
        topic = r.choice(POLICY_TOPICS)
        kind = r.choice(POLICY_KINDS)
        form = r.random()
        if form < 0.5:
            return f"关于{topic}的{kind}"
        if form < 0.8:
            return f"{year}—{year + r.randint(1, 5)}年{topic}{r.choice(('行动计划', '工作方案', '规划'))}"
        return f"{r.choice(('全国学会', '科技社团', '地方科协'))}{topic}{r.choice(('实施细则', '管理办法', '工作指南'))}"

    def date(self) -> str:
        r = self.rng
        return f"{self.year}年{r.randint(1, 12)}月{r.randint(1, 28)}日"

    # each sentence shape returns one sentence (with its closing punctuation)
    def issued(self) -> str:
        r = self.rng
        agency = self.draw["agency"](r)
        title = self.policy_title()
        self.planted.append(Planted("ISSUED", agency, title))
        form = r.random()
        if form < 0.4:
            return f"{agency}印发《{title}》，要求各地结合实际认真贯彻落实。"
        if form < 0.7:
            other = self.draw["agency"](r)
            if other != agency:
                self.planted.append(Planted("ISSUED", other, title))
                return f"{agency}、{other}联合印发《{title}》。"
            return f"{agency}印发《{title}》。"
        return f"{self.date()}，{agency}发布《{title}》。"

    def undertakes(self) -> str:
        r = self.rng
        society, function = self.society(), self.draw["function"](r)
        self.planted.append(Planted("UNDERTAKES", society, function))
        return r.choice((f"{society}承接{function}职能，服务政府决策和行业发展。",
                         f"{society}积极承担{function}等工作。",
                         f"在试点中，{society}承接{function}职能，形成了规范的工作流程。"))

    def runs(self) -> str:
        r = self.rng
        head = self.society() if r.random() < 0.6 else self.draw["agency"](r)
        programme = self.draw["programme"](r)
        self.planted.append(Planted("RUNS", head, programme))
        return r.choice((f"{head}组织实施{programme}，支持优秀科技人才成长。",
                         f"{head}牵头开展{programme}。",
                         f"{head}负责{programme}的推荐和评审工作。"))

    def supervised(self) -> str:
        r = self.rng
        society = self.draw["society"](r)
        self.planted.append(Planted("SUPERVISED_BY", society, "中国科学技术协会"))
        return r.choice((f"{society}的业务主管单位为中国科协。",
                         f"中国科协所属{society}深化改革，完善治理结构。"))

    def branch(self) -> str:
        r = self.rng
        society = self.draw["society"](r)
        if r.random() < 0.5:
            suffix = r.choice(BRANCH_SUFFIXES)
        else:
            suffix = r.choice(BRANCH_FIELDS) + r.choice(BRANCH_FIELD_SUFFIXES)
        branch = society + suffix
        self.planted.append(Planted("BRANCH_OF", branch, society))
        return r.choice((f"{branch}在{r.choice(CITIES)}召开{r.choice(MEETINGS)}。",
                         f"{self.date()}，{branch}换届，选举产生新一届委员会。"))

    def party(self) -> str:
        r = self.rng
        society = self.draw["society"](r)
        party = society + r.choice(PARTY_SUFFIXES)
        self.planted.append(Planted("PARTY_ORG_OF", party, society))
        return r.choice((f"{party}召开专题会议，部署学习教育工作。",
                         f"{self.date()}，{party}与分支机构党的工作小组开展联学共建。"))

    def recommendation(self) -> str:
        r = self.rng
        form = r.random()
        if form < 0.45:
            sentence = (f"{r.choice(REC_SUBJECTS)}要{r.choice(REC_ADVERBS)}{r.choice(REC_VERBS)}"
                        f"{r.choice(REC_OBJECTS)}。")
        elif form < 0.75:
            opening = r.choice(OPENINGS)
            if opening in ("推动", "鼓励", "支持"):
                society, function = self.society(), self.draw["function"](r)
                while any(cue in society for cue in ("应", "要", "须")):
                    # the extractor's subject rule reads 应 in 应用 as a mandate cue (see PERFORMANCE.md)
                    society = self.society()
                self.planted.append(Planted("UNDERTAKES", society, function))
                sentence = f"{opening}{society}承接{function}职能，提升服务国家治理的能力。"
            else:
                sentence = f"{opening}{r.choice(REC_OBJECTS)}。"
        else:
            sentence = f"{r.choice(REC_SUBJECTS)}应当{r.choice(REC_VERBS)}{r.choice(REC_OBJECTS)}。"
        self.planted.append(Planted("Recommendation", sentence))
        return sentence

    def meeting(self) -> str:
        r = self.rng
        return (f"{self.date()}，{self.society()}第{r.choice(NUMERALS)}次{r.choice(MEETINGS)}在"
                f"{r.choice(CITIES)}举行，{r.randint(80, 900)}名代表出席会议。")

    def background(self) -> str:
        return self.rng.choice(BACKGROUND)

    def sentence(self) -> str:
        shapes = (self.issued, self.undertakes, self.runs, self.supervised, self.branch, self.party,
                  self.recommendation, self.meeting, self.background)
        weights = (10, 10, 10, 5, 8, 7, 25, 10, 15)
        return self.rng.choices(shapes, weights=weights)[0]()


# --- documents ------------------------------------------------------------------------------

KINDS = ("policy", "policy", "report", "case", "news")


def generate_document(seed: int, index: int, chars: int | None = None, *, pages: int | None = None
                      ) -> SyntheticDocument:
    """One document. `chars` is the body length aimed at (default: 800–2,500, mean ~1,500);
    `pages` asks for a long document of `pages` × 1,500 characters with chapter headings."""
    rng = random.Random(f"kg-synthetic:{seed}:{index}")
    w = _Writer(rng, seed)
    kind = rng.choice(KINDS)
    if pages:
        chars = pages * CHARS_PER_PAGE
    elif chars is None:
        chars = rng.randint(800, 2500)
    if kind == "policy":
        title = f"{w.issuer}{w.policy_title()}"
    elif kind == "case":
        title = f"{w.society()}{rng.choice(POLICY_TOPICS)}案例"
    elif kind == "news":
        title = f"{w.society()}召开{rng.choice(MEETINGS)}"
    else:
        title = f"关于{rng.choice(POLICY_TOPICS)}的调研报告"
    lines: list[str] = []
    size = 0
    heading = 0
    while size < chars:
        if pages and (not lines or size // CHARS_PER_PAGE > (size - len(lines[-1])) // CHARS_PER_PAGE):
            heading += 1
            line = f"第{_chinese_number(heading)}部分　{rng.choice(HEADINGS)}"
        elif not pages and rng.random() < 0.15:
            heading += 1
            line = f"{_chinese_number(heading)}、{rng.choice(HEADINGS)}"
        else:
            line = "".join(w.sentence() for _ in range(rng.randint(2, 6)))
        lines.append(line)
        size += len(line) + 1
    doc_id = f"syn-{seed}-{index:05d}" if not pages else f"syn-{seed}-long-{index}-{pages}p"
    number = f"科协发学字〔{w.year}〕{rng.randint(1, 120)}号" if kind == "policy" else ""
    date = f"{w.year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    front = (f'---\nid: "{doc_id}"\ntitle: "{title}"\nkind: {kind}\nissuer: "{w.issuer}"\n'
             f'date: "{date}"\ndoc_number: "{number}"\nsynthetic: true\n'
             f'note: 基准测试用合成文本，非真实文件 (synthetic benchmark text, not a real document)\n---\n')
    return SyntheticDocument(name=f"{doc_id}.md", doc_id=doc_id, title=title, kind=kind,
                             text=front + "\n\n".join(lines) + "\n", planted=tuple(w.planted))


def _chinese_number(n: int) -> str:
    if n <= 10:
        return NUMERALS[n - 1]
    if n < 20:
        return "十" + (NUMERALS[n % 10 - 1] if n % 10 else "")
    if n < 100:
        return NUMERALS[n // 10 - 1] + "十" + (NUMERALS[n % 10 - 1] if n % 10 else "")
    return str(n)


def iter_documents(count: int, seed: int = 0, start: int = 0) -> Iterator[SyntheticDocument]:
    for index in range(start, start + count):
        yield generate_document(seed, index)


# --- writing --------------------------------------------------------------------------------

def _target_dir(out_dir: str | Path) -> Path:
    """The caller's directory, created if needed; never inside seed_data/."""
    path = Path(out_dir).resolve()
    seed = SEED_DATA.resolve()
    if path == seed or seed in path.parents:
        raise ValueError(f"refusing to write synthetic documents into {path}: seed_data/ holds real sources only")
    path.mkdir(parents=True, exist_ok=True)
    return path


def write_corpus(out_dir: str | Path, count: int, seed: int = 0) -> list[Path]:
    """Write `count` documents (syn-SEED-00000.md …) into out_dir; return their paths in order."""
    target = _target_dir(out_dir)
    paths = []
    for doc in iter_documents(count, seed):
        path = target / doc.name
        path.write_text(doc.text, encoding="utf-8")
        paths.append(path)
    return paths


def write_long_document(out_dir: str | Path, pages: int = 100, seed: int = 0) -> Path:
    """Write one document of `pages` pages (~1,500 characters each) into out_dir."""
    target = _target_dir(out_dir)
    doc = generate_document(seed, 0, pages=pages)
    path = target / doc.name
    path.write_text(doc.text, encoding="utf-8")
    return path
