"""The fixed wording of the annex and the Hub pages in the six UN languages.

The annex is an official text: its headings must appear in the language requested even before the interface
catalogues are translated, so they are kept here, reviewed with the documents, rather than in locale/.
"""

from mapping.models import language_key

LABELS: dict[str, dict[str, str]] = {
    "title": {
        "en": "Annex: proposed indicators for the review of the Global Compact for Safe, Orderly and Regular "
        "Migration",
        "ar": "المرفق: المؤشرات المقترحة لاستعراض الاتفاق العالمي من أجل الهجرة الآمنة والمنظمة والنظامية",
        "zh": "附件：用于审查《安全、有序和正常移民全球契约》的拟议指标",
        "fr": "Annexe : indicateurs proposés pour l'examen du Pacte mondial pour des migrations sûres, "
        "ordonnées et régulières",
        "ru": "Приложение: предлагаемые показатели для обзора Глобального договора о безопасной, "
        "упорядоченной и легальной миграции",
        "es": "Anexo: indicadores propuestos para el examen del Pacto Mundial para la Migración Segura, "
        "Ordenada y Regular",
    },
    "objective": {
        "en": "Objective",
        "ar": "الهدف",
        "zh": "目标",
        "fr": "Objectif",
        "ru": "Цель",
        "es": "Objetivo",
    },
    "code": {"en": "Code", "ar": "الرمز", "zh": "代码", "fr": "Code", "ru": "Код", "es": "Código"},
    "indicator": {
        "en": "Indicator",
        "ar": "المؤشر",
        "zh": "指标",
        "fr": "Indicateur",
        "ru": "Показатель",
        "es": "Indicador",
    },
    "sdg": {
        "en": "SDG indicator (relation)",
        "ar": "مؤشر أهداف التنمية المستدامة (العلاقة)",
        "zh": "可持续发展目标指标（关系）",
        "fr": "Indicateur ODD (relation)",
        "ru": "Показатель ЦУР (связь)",
        "es": "Indicador ODS (relación)",
    },
    "custodian": {
        "en": "Custodian",
        "ar": "الجهة الراعية",
        "zh": "监管机构",
        "fr": "Organisme responsable",
        "ru": "Ответственное учреждение",
        "es": "Organismo custodio",
    },
    "tier": {"en": "Tier", "ar": "الفئة", "zh": "级别", "fr": "Catégorie", "ru": "Уровень", "es": "Nivel"},
    "disaggregation": {
        "en": "Required disaggregation",
        "ar": "التصنيف المطلوب",
        "zh": "必要分类",
        "fr": "Ventilation requise",
        "ru": "Обязательная дезагрегация",
        "es": "Desglose requerido",
    },
    "none": {
        "en": "No indicator is proposed under this objective.",
        "ar": "لا يُقترح أي مؤشر في إطار هذا الهدف.",
        "zh": "本目标下未提出指标。",
        "fr": "Aucun indicateur n'est proposé au titre de cet objectif.",
        "ru": "По этой цели показатели не предлагаются.",
        "es": "No se propone ningún indicador para este objetivo.",
    },
    "coverage": {
        "en": "Coverage of the GCM objectives",
        "ar": "تغطية أهداف الاتفاق العالمي",
        "zh": "全球契约目标的覆盖情况",
        "fr": "Couverture des objectifs du Pacte",
        "ru": "Охват целей Глобального договора",
        "es": "Cobertura de los objetivos del Pacto",
    },
    "primary": {
        "en": "Indicators (primary objective)",
        "ar": "المؤشرات (الهدف الرئيسي)",
        "zh": "指标（主要目标）",
        "fr": "Indicateurs (objectif principal)",
        "ru": "Показатели (основная цель)",
        "es": "Indicadores (objetivo principal)",
    },
    "linked": {
        "en": "Indicators (all links)",
        "ar": "المؤشرات (جميع الروابط)",
        "zh": "指标（所有关联）",
        "fr": "Indicateurs (tous liens)",
        "ru": "Показатели (все связи)",
        "es": "Indicadores (todos los vínculos)",
    },
    "also": {
        "en": "Also contributing",
        "ar": "مؤشرات مساهمة أيضاً",
        "zh": "其他相关指标",
        "fr": "Contribuent également",
        "ru": "Также относятся",
        "es": "También contribuyen",
    },
    "version": {"en": "Version", "ar": "الإصدار", "zh": "版本", "fr": "Version", "ru": "Версия", "es": "Versión"},
    "published": {
        "en": "Published",
        "ar": "تاريخ النشر",
        "zh": "发布日期",
        "fr": "Publié le",
        "ru": "Опубликовано",
        "es": "Publicado",
    },
    "date": {
        "en": "Document date",
        "ar": "تاريخ الوثيقة",
        "zh": "文件日期",
        "fr": "Date du document",
        "ru": "Дата документа",
        "es": "Fecha del documento",
    },
    "sha": {
        "en": "SHA-256 of the publication",
        "ar": "بصمة SHA-256 للمنشور",
        "zh": "发布版本的 SHA-256",
        "fr": "SHA-256 de la publication",
        "ru": "SHA-256 публикации",
        "es": "SHA-256 de la publicación",
    },
    "count": {
        "en": "Indicators",
        "ar": "عدد المؤشرات",
        "zh": "指标数",
        "fr": "Indicateurs",
        "ru": "Показатели",
        "es": "Indicadores",
    },
    "covered": {
        "en": "Objectives covered",
        "ar": "الأهداف المشمولة",
        "zh": "已覆盖目标",
        "fr": "Objectifs couverts",
        "ru": "Охваченные цели",
        "es": "Objetivos cubiertos",
    },
    "identical": {
        "en": "identical",
        "ar": "مطابق",
        "zh": "相同",
        "fr": "identique",
        "ru": "идентичный",
        "es": "idéntico",
    },
    "adapted": {
        "en": "adapted",
        "ar": "معدَّل",
        "zh": "改编",
        "fr": "adapté",
        "ru": "адаптированный",
        "es": "adaptado",
    },
    "proxy": {"en": "proxy", "ar": "بديل", "zh": "替代", "fr": "indirect", "ru": "косвенный", "es": "sustitutivo"},
    "complementary": {
        "en": "complementary",
        "ar": "مكمِّل",
        "zh": "补充",
        "fr": "complémentaire",
        "ru": "дополнительный",
        "es": "complementario",
    },
}

TIERS = {"tier_1": "I", "tier_2": "II", "tier_3": "III", "not_assessed": "—"}
RTL_LANGUAGES = {"ar"}


def label(key: str, language: str) -> str:
    """The wording of `key` in the language, English when a language lacks it."""
    texts = LABELS[key]
    return texts.get(language_key(language)) or texts["en"]


def labels_in(language: str) -> dict[str, str]:
    return {key: label(key, language) for key in LABELS}


def is_rtl(language: str) -> bool:
    return language_key(language) in RTL_LANGUAGES
