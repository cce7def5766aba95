# ruff: noqa: E501 - example values are quoted as the API returns them
"""Examples of the reference API's responses, taken from the built-in reference data."""

from drf_spectacular.utils import OpenApiExample

GCM_OBJECTIVE = OpenApiExample(
    "One GCM objective",
    response_only=True,
    value={
        "number": 7,
        "code": "GCM-O07",
        "title": "Address and reduce vulnerabilities in migration",
        "short_title": "Reduce vulnerabilities",
        "commitment_paragraph": 23,
        "translations": {},
    },
)

GUIDING_PRINCIPLE = OpenApiExample(
    "One guiding principle",
    response_only=True,
    value={
        "number": 1,
        "letter": "a",
        "title": "People-centred",
        "text": "The Global Compact carries a strong human dimension, inherent to the migration experience itself. It promotes the well-being of migrants and the members of communities in countries of origin, transit and destination. As a result, the Global Compact places individuals at its core",
        "translations": {},
    },
)

SDG_GOAL = OpenApiExample(
    "One SDG goal",
    response_only=True,
    value={
        "number": 10,
        "title": "Reduce inequality within and among countries",
        "short_title": "Reduced inequalities",
        "translations": {
            "ar": "انخفاض عدم المساواة داخل وبين البلدان",
            "es": "Reducir la desigualdad en los países y entre ellos",
            "fr": "Réduire les inégalités dans les pays et d’un pays à l’autre",
            "ru": "Сокращение неравенства внутри стран и между ними",
            "zh": "减少国家内部和国家之间的不平等",
        },
        "short_title_translations": {
            "ar": "انخفاض عدم المساواة",
            "es": "Reducción de las Desigualdades",
            "fr": "Inégalités réduites",
            "ru": "Уменьшение неравенства",
            "zh": "减少不平等",
        },
    },
)

SDG_TARGET = OpenApiExample(
    "One SDG target",
    response_only=True,
    value={
        "code": "10.7",
        "goal": 10,
        "title": "Facilitate orderly, safe, regular and responsible migration and mobility of people, including through the implementation of planned and well-managed migration policies",
        "target_type": "outcome",
        "translations": {
            "ar": "تيسـير الهجرة وتنقل الأشـخاص على نحو منظم وآمن ومنتظم ومتسم بالمسـؤولية، بطرق منها تنفيذ سـياسات الهجرة المخطط لها والتي تتسم بحسن الإدارة",
            "es": "Facilitar la migración y la movilidad ordenadas, seguras, regulares y responsables de las personas, incluso mediante la aplicación de políticas migratorias planificadas y bien gestionadas",
            "fr": "Faciliter la migration et la mobilité de façon ordonnée, sûre, régulière et responsable, notamment par la mise en œuvre de politiques migratoires planifiées et bien gérées",
            "ru": "Содействовать упорядоченной, безопасной, законной и ответственной миграции и мобильности людей, в том числе с помощью проведения спланированной и хорошо продуманной миграционной политики",
            "zh": "促进有序、安全、正常和负责的移民和人口流动,包括执行合理规划和管理完善的移民政策",
        },
    },
)

SDG_INDICATOR = OpenApiExample(
    "One SDG indicator",
    response_only=True,
    value={
        "code": "10.7.2",
        "goal": 10,
        "target": "10.7",
        "targets": ["10.7"],
        "title": "Number of countries with migration policies that facilitate orderly, safe, regular and responsible migration and mobility of people",
        "tier": "II",
        "tier_note": "Tier I",
        "custodians": [
            "United Nations Department of Economic and Social Affairs (DESA)",
            "International Organization for Migration (IOM)",
        ],
        "series_codes": ["SG_CPA_MIGRP", "SG_CPA_MIGRS"],
        "repeats_as": [],
        "is_active": True,
        "uri": "",
        "translations": {
            "ar": "عدد البلدان التي اعتمدت سياسات للهجرة تيسّر الهجرة وتنقل الأشخاص على نحو منظم وآمن ومنتظم ومتسم بالمسؤولية",
            "es": "Número de países que han aplicado políticas migratorias bien gestionadas que facilitan la migración y la movilidad ordenadas, seguras, regulares y responsables de las personas",
            "fr": "Nombre de pays dotés de politiques migratoires qui facilitent la migration et la mobilité de façon ordonnée, sûre, régulière et responsible",
            "ru": "Число стран, проводящих миграционную политику, способствующую упорядоченной, безопасной, законной и ответственной миграции и мобильности людей",
            "zh": "实行有利于有序、安全、正常和负责任的移徙和人口流动的移民政策的国家数目",
        },
    },
)

CROSSWALK = OpenApiExample(
    "One crosswalk link",
    response_only=True,
    value={
        "id": 40,
        "framework": "sdg-global-indicator-framework",
        "element": "1.1.1",
        "objective": None,
        "sdg_indicator": "1.1.1",
        "relation": "exact",
        "rationale": "",
        "source": "A/RES/71/313",
    },
)

FRAMEWORK = OpenApiExample(
    "One framework (two of its elements shown)",
    response_only=True,
    value={
        "slug": "sdg-global-indicator-framework",
        "name": "SDG global indicator framework",
        "short_name": "SDG framework",
        "owner": "UN Statistical Commission, through the IAEG-SDGs",
        "kind": "indicator_framework",
        "year": 2017,
        "url": "https://unstats.un.org/sdgs/indicators/indicators-list/",
        "description": "The global indicator framework for the Sustainable Development Goals and targets of the 2030 Agenda, with its annual refinements and comprehensive reviews. Elements: goals, targets and indicators.",
        "endorsed_by": "UN General Assembly (A/RES/71/313), on the recommendation of the UN Statistical Commission",
        "endorsed_by_intergovernmental": True,
        "priority": 1,
        "source": "A/RES/71/313; UNSD SDG API /v1/sdg/Indicator/List",
        "elements": [
            {
                "code": "Goal 1",
                "parent": None,
                "level": "domain",
                "name": "End poverty in all its forms everywhere",
                "description": "",
                "crosswalks": [],
            },
            {
                "code": "1.1.1",
                "parent": "1.1",
                "level": "measure",
                "name": "Proportion of the population living below the international poverty line by sex, age, employment status and geographic location (urban/rural)",
                "description": "",
                "crosswalks": [
                    {
                        "objective": None,
                        "sdg_indicator": "1.1.1",
                        "relation": "exact",
                        "rationale": "",
                        "source": "A/RES/71/313",
                    }
                ],
            },
        ],
    },
)
