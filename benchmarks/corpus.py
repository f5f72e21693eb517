"""Words and sentence templates for generated Korean and English records.

Paired (Korean, English) so that titles, positions and minutes read like the real
thing in both languages. Rare terms are drawn with a Zipf-like weight, so that searches
can ask for both common and rare words.
"""

from __future__ import annotations

import random

TOPICS: list[tuple[str, str]] = [
    ("반도체", "semiconductor"),
    ("첨단 패키징", "advanced packaging"),
    ("이차전지", "secondary battery"),
    ("수소", "hydrogen"),
    ("인공지능", "artificial intelligence"),
    ("바이오헬스", "bio-health"),
    ("탄소중립", "carbon neutrality"),
    ("디지털 전환", "digital transformation"),
    ("스마트 제조", "smart manufacturing"),
    ("우주항공", "aerospace"),
    ("양자기술", "quantum technology"),
    ("로봇", "robotics"),
    ("조선해양", "shipbuilding"),
    ("원자력", "nuclear energy"),
    ("미래차", "future vehicles"),
    ("디스플레이", "display"),
    ("소재부품", "materials and components"),
    ("공급망", "supply chain"),
    ("핵심광물", "critical minerals"),
    ("통상협력", "trade cooperation"),
    ("표준화", "standardisation"),
    ("재생에너지", "renewable energy"),
    ("전력망", "power grid"),
    ("사이버보안", "cybersecurity"),
    ("데이터센터", "data centre"),
    ("섬유패션", "textiles and fashion"),
    ("철강", "steel"),
    ("석유화학", "petrochemicals"),
    ("의료기기", "medical devices"),
    ("스마트시티", "smart city"),
]

FORMS: list[tuple[str, str]] = [
    ("기술개발 협력 협약", "Agreement on cooperation in {t} technology development"),
    ("업무협약", "MOU on {t}"),
    ("공동연구 협약", "Joint research agreement on {t}"),
    ("상생협력 협약", "Shared-growth agreement on {t}"),
    ("인력양성 협약", "Agreement on {t} workforce training"),
    ("투자 협력 양해각서", "Memorandum on {t} investment"),
    ("실증사업 협약", "Agreement on a {t} demonstration project"),
    ("국제협력 협정", "Intergovernmental agreement on {t}"),
]

REGIONS: list[tuple[str, str]] = [
    ("서울", "Seoul"),
    ("세종", "Sejong"),
    ("부산", "Busan"),
    ("대전", "Daejeon"),
    ("광주", "Gwangju"),
    ("울산", "Ulsan"),
    ("경기", "Gyeonggi"),
    ("충북", "Chungbuk"),
    ("전남", "Jeonnam"),
    ("경북", "Gyeongbuk"),
    ("창원", "Changwon"),
    ("인천", "Incheon"),
]

ORG_STEMS: list[tuple[str, str]] = [
    ("한빛", "Hanbit"),
    ("미래", "Mirae"),
    ("대한", "Daehan"),
    ("새솔", "Saesol"),
    ("누리", "Nuri"),
    ("가온", "Gaon"),
    ("온누리", "Onnuri"),
    ("세움", "Seum"),
    ("다온", "Daon"),
    ("하늘", "Haneul"),
    ("푸른", "Pureun"),
    ("으뜸", "Eutteum"),
    ("한결", "Hangyeol"),
    ("별빛", "Byeolbit"),
    ("늘봄", "Neulbom"),
    ("태양", "Taeyang"),
    ("동방", "Dongbang"),
    ("서진", "Seojin"),
    ("금강", "Geumgang"),
    ("백두", "Baekdu"),
]

ORG_SUFFIXES: list[tuple[str, str, str]] = [
    ("주식회사", "Co., Ltd.", "company"),
    ("테크", "Tech", "company"),
    ("산업", "Industries", "company"),
    ("연구원", "Research Institute", "research_institute"),
    ("협회", "Association", "association"),
    ("대학교", "University", "university"),
    ("진흥원", "Promotion Agency", "public_agency"),
    ("재단", "Foundation", "other"),
]

SURNAMES: list[tuple[str, str]] = [
    ("김", "Kim"),
    ("이", "Lee"),
    ("박", "Park"),
    ("최", "Choi"),
    ("정", "Jung"),
    ("강", "Kang"),
    ("조", "Cho"),
    ("윤", "Yoon"),
    ("장", "Jang"),
    ("임", "Lim"),
    ("한", "Han"),
    ("오", "Oh"),
    ("서", "Seo"),
    ("신", "Shin"),
    ("권", "Kwon"),
    ("황", "Hwang"),
]

GIVEN: list[tuple[str, str]] = [
    ("민", "min"),
    ("서", "seo"),
    ("지", "ji"),
    ("윤", "yun"),
    ("하", "ha"),
    ("준", "jun"),
    ("도", "do"),
    ("현", "hyun"),
    ("수", "su"),
    ("예", "ye"),
    ("은", "eun"),
    ("우", "woo"),
    ("태", "tae"),
    ("채", "chae"),
    ("유", "yu"),
    ("나", "na"),
    ("재", "jae"),
    ("아", "a"),
    ("연", "yeon"),
    ("호", "ho"),
]

# Positions: (Korean, English), the English as the glossary renders the Korean rank.
TITLES: list[tuple[str, str]] = [
    ("과장", "Director"),
    ("사무관", "Deputy Director"),
    ("주무관", "Officer"),
    ("팀장", "Team Leader"),
    ("부장", "General Manager"),
    ("상무", "Vice President"),
    ("이사", "Director"),
    ("책임연구원", "Principal Researcher"),
    ("선임연구원", "Senior Researcher"),
    ("교수", "Professor"),
    ("본부장", "Executive Director"),
    ("단장", "Executive Director"),
]
DEPARTMENTS: list[tuple[str, str]] = [
    ("반도체과", "Semiconductor Division"),
    ("산업정책과", "Industrial Policy Division"),
    ("기술개발팀", "Technology Development Team"),
    ("대외협력팀", "External Cooperation Team"),
    ("사업기획팀", "Business Planning Team"),
    ("연구기획실", "Research Planning Office"),
    ("국제협력과", "International Cooperation Division"),
    ("R&D전략팀", "R&D Strategy Team"),
]

# Meetings held abroad: (zone, Korean place, English place); the rest are in Seoul's zone.
ABROAD: list[tuple[str, str, str]] = [
    ("America/New_York", "미국 워싱턴", "Washington, D.C."),
    ("America/Los_Angeles", "미국 새너제이", "San Jose, California"),
    ("Europe/Brussels", "벨기에 브뤼셀", "Brussels"),
    ("Europe/Berlin", "독일 드레스덴", "Dresden"),
    ("Asia/Tokyo", "일본 도쿄", "Tokyo"),
    ("Asia/Singapore", "싱가포르", "Singapore"),
]

KO_SENTENCES = [
    "{org}은(는) {topic} 관련 {item} 추진 현황을 보고하였다.",
    "참석자들은 {topic} 분야 {item}의 일정과 예산을 검토하였다.",
    "{org}은(는) {rare} 도입에 따른 {item} 계획을 설명하였다.",
    "{topic} 공동연구 성과를 공유하고 다음 회의까지 보완하기로 하였다.",
    "{item} 관련 기업 의견을 수렴하여 {month}월 중 정부에 건의하기로 하였다.",
    "{org} 측은 {rare} 실증 결과가 예상보다 양호하다고 밝혔다.",
    "{topic} 표준화 로드맵 초안에 대해 의견을 교환하였다.",
    "후속 실무협의는 {region}에서 개최하기로 합의하였다.",
    "{item}의 지연 사유와 대응 방안을 논의하였다.",
    "참여기관 간 {rare} 데이터 공유 절차를 마련하기로 하였다.",
]

EN_SENTENCES = [
    "{org} reported progress on the {topic} {item}.",
    "Participants reviewed the schedule and budget of the {topic} {item}.",
    "{org} presented its plan for the {item} following the adoption of {rare}.",
    "The parties shared results of the joint {topic} research and agreed to follow up.",
    "Industry views on the {item} will be collected and submitted to the ministry in month {month}.",
    "{org} said the {rare} pilot performed better than expected.",
    "The draft {topic} standardisation roadmap was discussed.",
    "The next working-level meeting will be held in {region}.",
    "Reasons for the delay of the {item} and remedies were discussed.",
    "The parties will set up a procedure for sharing {rare} data.",
]

ITEMS: list[tuple[str, str]] = [
    ("시범사업", "pilot project"),
    ("인력양성 프로그램", "training programme"),
    ("공동 R&D 과제", "joint R&D project"),
    ("테스트베드 구축", "testbed"),
    ("수요조사", "demand survey"),
    ("기술로드맵", "technology roadmap"),
    ("인증체계", "certification scheme"),
    ("투자계획", "investment plan"),
    ("해외 공동연구", "overseas joint research"),
    ("장비 공동활용", "shared equipment programme"),
]

# Rare technical terms: (Korean, English), drawn with Zipf-like weights.
RARE: list[tuple[str, str]] = [
    (f"{a}{b}", f"{c}-{d}")
    for (a, c) in [
        ("하이브리드", "hybrid"),
        ("유리기판", "glass substrate"),
        ("칩렛", "chiplet"),
        ("고대역폭메모리", "HBM"),
        ("전고체", "solid-state"),
        ("그린수소", "green hydrogen"),
        ("엣지", "edge"),
        ("디지털트윈", "digital twin"),
        ("저궤도", "LEO"),
        ("초전도", "superconducting"),
    ]
    for (b, d) in [
        (" 본딩", "bonding"),
        (" 인터포저", "interposer"),
        (" 센서", "sensor"),
        (" 모듈", "module"),
        (" 플랫폼", "platform"),
        (" 셀", "cell"),
        (" 추진체", "propulsion"),
        (" 검사장비", "inspection"),
    ]
]
RARE_WEIGHTS = [1.0 / (i + 1) for i in range(len(RARE))]


def minutes_text(rng: random.Random, org_ko: str, org_en: str, language: str) -> tuple[str, str]:
    """(Korean, English) minutes of one meeting: a few sentences in Korean, English, or both."""
    ko = _paragraph(rng, KO_SENTENCES, org_ko, 0) if language in ("ko", "both") else ""
    en = _paragraph(rng, EN_SENTENCES, org_en, 1) if language in ("en", "both") else ""
    return ko, en


def _paragraph(rng: random.Random, sentences: list[str], org: str, lang: int) -> str:
    count = rng.randint(3, 8)
    out = []
    for template in rng.sample(sentences, count):
        out.append(
            template.format(
                org=org,
                topic=rng.choice(TOPICS)[lang],
                item=rng.choice(ITEMS)[lang],
                rare=rng.choices(RARE, RARE_WEIGHTS)[0][lang],
                region=rng.choice(REGIONS)[lang],
                month=rng.randint(1, 12),
            )
        )
    return " ".join(out)
