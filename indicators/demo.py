"""Demonstration data: about 40 candidate indicators on real migration-relevant SDG indicators, and a draft set.

Everything here is labelled as demonstration data. The SDG codes, titles and custodians are real (A/RES/71/313
and refinements); the candidate codes, wording, plans and choices are invented for the demonstration.
Idempotent: a second run finds the rows by code and name and creates nothing more.
"""

from typing import TextIO

from django.db import transaction

from accounts.models import User
from indicators import permissions, services
from indicators.choices import IndicatorState, Periodicity, Requirement, SdgRelation, Tier
from indicators.models import TRANSLATION_LANGUAGES, Indicator, LimitedSet
from indicators.reference import load_dimensions
from indicators.services import PlanLine, RevisionData
from mapping.models import GcmObjective, SdgIndicator

DEMO_SET_NAME = "Limited set of GCM indicators (demonstration)"
DEMO_LABEL = "Demonstration data. "

# code, title, primary objective, other objectives, SDG links, tier, custodians, plan (required; recommended),
# principles, state
T1, T2, T3 = Tier.TIER_1, Tier.TIER_2, Tier.TIER_3
CORE = ["sex", "age", "migratory_status"]
CANDIDATES: list[tuple] = [
    (
        "GCM-01-1",
        "Countries with national migration data disaggregated by migratory status",
        1,
        [23],
        [("17.18.1", "adapted")],
        T2,
        "UN DESA, IOM",
        (["migratory_status"], ["sex", "age"]),
        [9],
        "shortlisted",
    ),
    (
        "GCM-01-2",
        "International migrant stock as a share of the population, by sex and age",
        1,
        [],
        [],
        T1,
        "UN DESA Population Division",
        (CORE, ["country_of_birth", "citizenship"]),
        [1],
        "shortlisted",
    ),
    (
        "GCM-01-3",
        "Countries whose national statistical legislation covers migration statistics",
        1,
        [],
        [("17.18.2", "identical")],
        T1,
        "PARIS21",
        ([], []),
        [9],
        "candidate",
    ),
    (
        "GCM-02-1",
        "People internally displaced by disasters per 100,000 population",
        2,
        [7],
        [("1.5.1", "adapted"), ("13.1.1", "adapted")],
        T1,
        "UNDRR, IDMC",
        (["sex", "age"], ["geographic_location"]),
        [1],
        "candidate",
    ),
    (
        "GCM-02-2",
        "Proportion of the population below the international poverty line, by migratory status",
        2,
        [],
        [("1.1.1", "adapted")],
        T1,
        "World Bank",
        (CORE, ["geographic_location"]),
        [8],
        "candidate",
    ),
    (
        "GCM-03-1",
        "Countries providing pre-departure and post-arrival information to migrants",
        3,
        [],
        [("10.7.2", "complementary")],
        T2,
        "IOM, UN DESA",
        ([], []),
        [1],
        "candidate",
    ),
    (
        "GCM-04-1",
        "Proportion of children under 5 whose births have been registered, by migratory status",
        4,
        [],
        [("16.9.1", "adapted")],
        T1,
        "UNICEF, UN DESA Statistics Division",
        (CORE, ["citizenship"]),
        [4, 8],
        "shortlisted",
    ),
    (
        "GCM-05-1",
        "Countries with migration policies that facilitate orderly, safe, regular and responsible migration",
        5,
        [23],
        [("10.7.2", "identical")],
        T1,
        "UN DESA, IOM",
        ([], []),
        [2, 3],
        "shortlisted",
    ),
    (
        "GCM-05-2",
        "Number of regular admission pathways per country (family, labour, study, humanitarian)",
        5,
        [],
        [],
        T3,
        "IOM, OECD",
        ([], []),
        [3],
        "candidate",
    ),
    (
        "GCM-06-1",
        "Recruitment cost borne by employee as a proportion of monthly income in country of destination",
        6,
        [],
        [("10.7.1", "identical")],
        T2,
        "ILO, World Bank",
        (["sex", "migratory_status"], ["occupation"]),
        [1, 4],
        "shortlisted",
    ),
    (
        "GCM-06-2",
        "Frequency rates of fatal and non-fatal occupational injuries, by migrant status",
        6,
        [22],
        [("8.8.1", "identical")],
        T2,
        "ILO",
        (["sex", "migratory_status"], ["age", "occupation"]),
        [1, 7],
        "shortlisted",
    ),
    (
        "GCM-06-3",
        "Level of national compliance with labour rights, by migrant status",
        6,
        [17],
        [("8.8.2", "identical")],
        T2,
        "ILO",
        (["migratory_status"], ["sex"]),
        [4, 6],
        "candidate",
    ),
    (
        "GCM-06-4",
        "Average hourly earnings of employees, by migrant status",
        6,
        [16],
        [("8.5.1", "adapted")],
        T2,
        "ILO",
        (CORE, ["occupation", "disability"]),
        [7],
        "candidate",
    ),
    (
        "GCM-07-1",
        "Proportion of migrant children engaged in child labour",
        7,
        [10],
        [("8.7.1", "adapted")],
        T1,
        "ILO, UNICEF",
        (["sex", "age", "migratory_status"], []),
        [10],
        "candidate",
    ),
    (
        "GCM-07-2",
        "Proportion of unaccompanied and separated migrant children referred to child protection",
        7,
        [12],
        [],
        T3,
        "UNICEF, IOM",
        (["sex", "age"], ["citizenship"]),
        [10, 6],
        "candidate",
    ),
    (
        "GCM-08-1",
        "Number of people who died or disappeared in the process of migration",
        8,
        [],
        [("10.7.3", "identical")],
        T1,
        "IOM",
        (["sex", "age"], ["country_of_birth"]),
        [1, 6],
        "shortlisted",
    ),
    (
        "GCM-08-2",
        "Countries with a national search and rescue coordination mechanism covering migrants",
        8,
        [23],
        [],
        T3,
        "IOM",
        ([], []),
        [2],
        "candidate",
    ),
    (
        "GCM-09-1",
        "Number of migrant smuggling cases detected per 100,000 migrants",
        9,
        [10],
        [],
        T3,
        "UNODC",
        (["sex", "age"], ["citizenship"]),
        [4],
        "candidate",
    ),
    (
        "GCM-10-1",
        "Number of victims of human trafficking per 100,000 population, by sex, age and form of exploitation",
        10,
        [7],
        [("16.2.2", "identical")],
        T2,
        "UNODC",
        (["sex", "age"], ["citizenship"]),
        [1, 4, 10],
        "shortlisted",
    ),
    (
        "GCM-10-2",
        "Proportion of trafficking victims identified who were migrants",
        10,
        [],
        [("16.2.2", "adapted")],
        T2,
        "UNODC",
        (["sex", "age", "migratory_status"], []),
        [4],
        "candidate",
    ),
    (
        "GCM-11-1",
        "Countries with integrated border management respecting human rights",
        11,
        [],
        [],
        T3,
        "IOM, OHCHR",
        ([], []),
        [6],
        "withdrawn",
    ),
    (
        "GCM-12-1",
        "Countries with procedures to screen and refer migrants in vulnerable situations at borders",
        12,
        [7],
        [],
        T3,
        "IOM, UNHCR",
        ([], []),
        [6, 4],
        "candidate",
    ),
    (
        "GCM-13-1",
        "Number of migrant children in immigration detention",
        13,
        [7],
        [],
        T3,
        "UNICEF, OHCHR",
        (["sex", "age"], ["citizenship"]),
        [4, 6, 10],
        "candidate",
    ),
    (
        "GCM-13-2",
        "Countries with legal alternatives to immigration detention",
        13,
        [],
        [],
        T3,
        "OHCHR, IOM",
        ([], []),
        [4, 6],
        "candidate",
    ),
    (
        "GCM-14-1",
        "Consular protection services available to nationals abroad per 100,000 emigrants",
        14,
        [],
        [],
        T3,
        "IOM",
        ([], ["sex"]),
        [2],
        "candidate",
    ),
    (
        "GCM-15-1",
        "Coverage of essential health services, by migratory status",
        15,
        [],
        [("3.8.1", "adapted")],
        T1,
        "WHO",
        (["migratory_status"], ["sex", "age", "income"]),
        [1, 8],
        "shortlisted",
    ),
    (
        "GCM-15-2",
        "Proportion of migrant children achieving minimum proficiency in reading and mathematics",
        15,
        [16],
        [("4.1.1", "adapted")],
        T1,
        "UNESCO Institute for Statistics",
        (CORE, ["income"]),
        [10],
        "candidate",
    ),
    (
        "GCM-15-3",
        "Proportion of urban migrant population living in slums or inadequate housing",
        15,
        [],
        [("11.1.1", "adapted")],
        T1,
        "UN-Habitat",
        (["migratory_status"], ["sex", "geographic_location"]),
        [8],
        "candidate",
    ),
    (
        "GCM-16-1",
        "Unemployment rate, by sex, age, disability and migratory status",
        16,
        [6],
        [("8.5.2", "adapted")],
        T1,
        "ILO",
        (CORE, ["disability"]),
        [7, 1],
        "shortlisted",
    ),
    (
        "GCM-16-2",
        "Proportion of people living below 50 per cent of median income, by migratory status",
        16,
        [17],
        [("10.2.1", "adapted")],
        T2,
        "World Bank",
        (CORE, ["disability"]),
        [8],
        "candidate",
    ),
    (
        "GCM-17-1",
        "Proportion of the population reporting discrimination on grounds of migration status",
        17,
        [16],
        [("10.3.1", "adapted"), ("16.b.1", "complementary")],
        T2,
        "OHCHR",
        (["sex", "migratory_status"], ["race", "ethnicity"]),
        [6, 7],
        "shortlisted",
    ),
    (
        "GCM-18-1",
        "Volume of official development assistance flows for scholarships",
        18,
        [],
        [("4.b.1", "identical")],
        T1,
        "OECD",
        ([], []),
        [2],
        "candidate",
    ),
    (
        "GCM-18-2",
        "Number of bilateral or regional skills recognition agreements in force",
        18,
        [5],
        [],
        T3,
        "ILO, UNESCO",
        ([], []),
        [2],
        "candidate",
    ),
    (
        "GCM-19-1",
        "Countries with a diaspora engagement policy or institution",
        19,
        [],
        [("10.7.2", "complementary")],
        T2,
        "IOM",
        ([], []),
        [5],
        "candidate",
    ),
    (
        "GCM-20-1",
        "Remittance costs as a proportion of the amount remitted",
        20,
        [],
        [("10.c.1", "identical")],
        T1,
        "World Bank",
        ([], ["geographic_location"]),
        [2],
        "shortlisted",
    ),
    (
        "GCM-20-2",
        "Volume of remittances as a proportion of total GDP",
        20,
        [19],
        [("17.3.2", "identical")],
        T1,
        "World Bank",
        ([], []),
        [2],
        "candidate",
    ),
    (
        "GCM-21-1",
        "Proportion of returning migrants receiving reintegration assistance",
        21,
        [],
        [],
        T3,
        "IOM",
        (["sex", "age"], ["citizenship"]),
        [4, 6],
        "candidate",
    ),
    (
        "GCM-22-1",
        "Proportion of migrants covered by social protection floors or systems",
        22,
        [15],
        [("1.3.1", "adapted")],
        T1,
        "ILO",
        (CORE, ["disability"]),
        [1, 8],
        "shortlisted",
    ),
    (
        "GCM-22-2",
        "Number of bilateral social security agreements providing portability of benefits",
        22,
        [23],
        [],
        T3,
        "ILO",
        ([], []),
        [2],
        "candidate",
    ),
    (
        "GCM-23-1",
        "Countries participating in regional consultative processes on migration",
        23,
        [2],
        [("17.18.3", "complementary")],
        T2,
        "IOM",
        ([], []),
        [2, 9],
        "candidate",
    ),
    (
        "GCM-23-2",
        "Density of health workers and their international mobility",
        23,
        [18],
        [("3.c.1", "adapted")],
        T1,
        "WHO",
        (["sex"], ["country_of_birth"]),
        [2],
        "draft",
    ),
]

DEMO_SET = [
    "GCM-01-2",
    "GCM-04-1",
    "GCM-05-1",
    "GCM-06-1",
    "GCM-06-2",
    "GCM-08-1",
    "GCM-10-1",
    "GCM-15-1",
    "GCM-16-1",
    "GCM-17-1",
    "GCM-20-1",
    "GCM-22-1",
]


def _translations(sdg_links: list[tuple[str, str]], sdg_translations: dict[str, dict[str, str]]) -> dict[str, str]:
    """The titles of the SDG indicator that the candidate follows identically, if any; otherwise none."""
    for code, relation in sdg_links:
        if relation == SdgRelation.IDENTICAL and sdg_translations.get(code):
            return {key: value for key, value in sdg_translations[code].items() if key in TRANSLATION_LANGUAGES}
    return {}


def _data(row: tuple, known_sdgs: dict[str, dict[str, str]]) -> RevisionData:
    code, title, primary, others, sdg_links, tier, custodians, (required, recommended), principles, _state = row
    sdg_codes = ", ".join(code for code, _relation in sdg_links)
    source = "household surveys, censuses and administrative records" if required else "administrative records"
    plan = [PlanLine(dim, Requirement.REQUIRED, source) for dim in required] + [
        PlanLine(dim, Requirement.RECOMMENDED, "") for dim in recommended
    ]
    return RevisionData(
        title=title,
        title_translations=_translations(sdg_links, known_sdgs),
        definition=f"{DEMO_LABEL}{title}.",
        rationale=(
            f"{DEMO_LABEL}Measures progress on GCM objective {primary}"
            + (f", building on SDG indicator {sdg_codes}" if sdg_codes else "")
            + "."
        ),
        primary_objective=primary,
        other_objectives=others,
        unit="Per cent" if title.lower().startswith("proportion") else "Number",
        computation_method=f"{DEMO_LABEL}As in the SDG metadata of {sdg_codes}." if sdg_codes else DEMO_LABEL,
        data_sources="Labour force surveys; population censuses; administrative records",
        custodians=custodians,
        periodicity=Periodicity.ANNUAL,
        tier=tier,
        is_proxy=any(relation == "proxy" for _code, relation in sdg_links),
        limitations=f"{DEMO_LABEL}Coverage of migrants in household surveys is uneven.",
        change_summary="First version (demonstration data)",
        sdg_links=[(c, r) for c, r in sdg_links if c in known_sdgs],
        principles=principles,
        plan=plan,
    )


TRANSITIONS = {
    IndicatorState.CANDIDATE: ["propose"],
    IndicatorState.SHORTLISTED: ["propose", "shortlist"],
    IndicatorState.WITHDRAWN: ["withdraw"],
    IndicatorState.DRAFT: [],
}


@transaction.atomic
def load(stdout: TextIO) -> None:
    """Create the demonstration candidates and a draft set; a second run changes nothing."""
    load_dimensions()
    if GcmObjective.objects.count() < 23:
        stdout.write("indicators: GCM objectives are missing; load the reference data first.\n")
        return
    co_lead = User.objects.filter(email="co-lead@example.org").first()
    author = co_lead if co_lead is not None and permissions.can_curate(co_lead) else None
    rows = SdgIndicator.objects.values_list("code", "translations")
    known_sdgs = {code: translations or {} for code, translations in rows}
    created = 0
    for row in CANDIDATES:
        if Indicator.objects.filter(code=row[0]).exists():
            continue
        indicator = services.create_indicator(code=row[0], data=_data(row, known_sdgs), by=author)
        for action in TRANSITIONS[IndicatorState(row[-1])]:
            indicator = Indicator.objects.get(pk=indicator.pk)
            getattr(indicator, action)()
            indicator.save()
        created += 1
    limited_set = LimitedSet.objects.filter(name=DEMO_SET_NAME).first()
    if limited_set is None:
        limited_set = services.create_limited_set(
            name=DEMO_SET_NAME,
            description="Demonstration data: a first draft of the limited set, to try the builder.",
            by=None,
        )
        version = limited_set.versions.get()
        for indicator in Indicator.objects.filter(code__in=DEMO_SET).order_by("code"):
            services.add_to_set_version(version=version, indicator=indicator, by=None)
    stdout.write(f"indicators: {created} demonstration candidates created, draft set ready.\n")
