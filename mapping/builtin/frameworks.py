"""The measurement approaches of the mapping deliverable, as built-in reference data.

Element codes and names follow the official sources named in each framework's `source`. The crosswalk links
are the workbench's initial mapping to the GCM objectives: a starting point for the co-leads, who edit it in
the crosswalk editor. Each link says why, so that a reviewer can disagree with it.
"""

from typing import Any

SDG_FRAMEWORK_SLUG = "sdg-global-indicator-framework"

# Links from SDG indicators (elements of the SDG framework) to GCM objectives: (indicator, objective,
# relation, rationale).
SDG_INDICATOR_LINKS: list[tuple[str, int, str, str]] = [
    ("10.7.1", 6, "exact", "Recruitment costs paid by workers are what objective 6 asks to eliminate."),
    ("10.7.2", 23, "contributes_to", "Counts countries with well-managed migration policies across six domains."),
    ("10.7.3", 8, "exact", "Deaths and disappearances during migration are the subject of objective 8."),
    ("10.7.4", 2, "contributes_to", "Refugee populations reflect forced displacement, an adverse driver."),
    ("10.c.1", 20, "exact", "Remittance costs are the target of objective 20."),
    ("17.3.2", 20, "partial", "Volume of remittances; objective 20 is about their cost and financial inclusion."),
    ("17.3.2", 19, "contributes_to", "Remittances are one contribution of migrants and diasporas to development."),
    ("16.2.2", 10, "exact", "Detected victims of trafficking in persons."),
    ("8.7.1", 7, "contributes_to", "Child labour is one vulnerability migrant children face."),
    ("8.8.1", 6, "partial", "Occupational injuries disaggregated by migrant status measure decent work."),
    ("8.8.2", 6, "partial", "Compliance with labour rights, disaggregated by migrant status."),
    ("5.2.1", 7, "contributes_to", "Violence against women and girls, a vulnerability in migration."),
    ("16.2.1", 7, "contributes_to", "Violence against children, a vulnerability in migration."),
    ("4.b.1", 5, "contributes_to", "Scholarships open regular pathways for student mobility."),
    ("4.b.1", 18, "contributes_to", "Study abroad builds skills recognised across countries."),
    ("3.c.1", 18, "contributes_to", "Health worker density reflects mobility and retention of skilled workers."),
    ("16.9.1", 4, "proxy", "Birth registration is the first proof of legal identity."),
    ("17.18.1", 1, "partial", "Statistical capacity, including disaggregation by migratory status."),
    ("17.18.2", 1, "contributes_to", "National statistical legislation underpins migration data."),
    ("17.18.3", 1, "contributes_to", "A funded national statistical plan underpins migration data."),
    ("1.5.1", 2, "contributes_to", "Disaster deaths and displacement: disasters are an adverse driver."),
    ("11.5.1", 2, "contributes_to", "Repeats 1.5.1: disasters are an adverse driver."),
    ("13.1.1", 2, "contributes_to", "Repeats 1.5.1: disasters and climate change are adverse drivers."),
]

FRAMEWORKS: list[dict[str, Any]] = [
    {
        "slug": "sdg-10-7-2",
        "name": "SDG indicator 10.7.2: migration policies",
        "short_name": "SDG 10.7.2",
        "owner": "UN DESA and IOM (custodians), with OECD",
        "kind": "policy_indicator",
        "year": 2019,
        "url": "https://unstats.un.org/sdgs/metadata/?Text=&Goal=10&Target=10.7",
        "endorsed_by": "UN Statistical Commission; UN General Assembly (A/RES/71/313)",
        "endorsed_by_intergovernmental": True,
        "priority": 10,
        "description": (
            "Number of countries with migration policies that facilitate orderly, safe, regular and responsible "
            "migration and mobility of people. Six policy domains of five sub-categories each, collected through "
            "the UN Inquiry among Governments on Population and Development; domain scores 1-4."
        ),
        "source": "IAEG-SDGs SDG DSD 1.4, codelist CL_COMP_BREAKDOWN (PD_1..PD_6); UN SDG metadata 10.7.2",
        "elements": [
            ("PD_1", "Migrant rights"),
            ("PD_2", "Whole-of-government/ Evidence-based policies"),
            ("PD_3", "Cooperation and partnerships"),
            ("PD_4", "Socioeconomic well-being"),
            ("PD_5", "Mobility dimensions of crises"),
            ("PD_6", "Safe, orderly and regular migration"),
        ],
        "links": [
            ("PD_1", 15, "partial", "Equity in migrants' access to health care, education and social services."),
            ("PD_1", 6, "partial", "Access to decent work is part of the migrant rights domain."),
            ("PD_1", 22, "contributes_to", "Access to social security is one of its sub-categories."),
            ("PD_2", 1, "partial", "Use of migration data for policy is one of its sub-categories."),
            ("PD_3", 23, "proxy", "Bilateral and regional cooperation on migration."),
            ("PD_4", 18, "partial", "Recognition of skills and qualifications of migrants."),
            ("PD_4", 20, "contributes_to", "Measures on the cost of remittances."),
            ("PD_5", 2, "partial", "Preparedness for displacement caused by disasters and crises."),
            ("PD_5", 7, "contributes_to", "Assistance to migrants caught in crises."),
            ("PD_6", 5, "partial", "Regular pathways and safe migration policies."),
            ("PD_6", 10, "contributes_to", "Measures to combat trafficking in persons."),
            ("PD_6", 21, "contributes_to", "Return and reintegration arrangements."),
        ],
    },
    {
        "slug": "iom-mgi",
        "name": "IOM Migration Governance Indicators (MGI)",
        "short_name": "IOM MGI",
        "owner": "International Organization for Migration (IOM)",
        "kind": "governance_assessment",
        "year": 2016,
        "url": "https://www.migrationdataportal.org/overviews/mgi",
        "endorsed_by": "",
        "endorsed_by_intergovernmental": False,
        "priority": 20,
        "description": (
            "A country-led assessment of migration governance in six dimensions drawn from IOM's Migration "
            "Governance Framework (MiGOF); each dimension corresponds to a policy domain of SDG 10.7.2."
        ),
        "source": "https://migrationdataportal.org/snapshots/mgi ; https://www.migrationdataportal.org/overviews/mgi",
        "elements": [
            ("MGI-1", "Migrants' rights"),
            ("MGI-2", "Whole-of-government approach"),
            ("MGI-3", "Partnerships"),
            ("MGI-4", "Well-being of migrants"),
            ("MGI-5", "Mobility dimensions of crises"),
            ("MGI-6", "Safe, orderly and regular migration"),
        ],
        "links": [
            ("MGI-1", 15, "partial", "Migrants' access to basic social services and social security."),
            ("MGI-1", 16, "partial", "Long-term residency, path to citizenship and civic participation."),
            ("MGI-1", 22, "contributes_to", "Access to social security."),
            ("MGI-2", 1, "partial", "Migration data is one of its areas."),
            ("MGI-2", 3, "contributes_to", "Institutional transparency includes information to migrants."),
            ("MGI-3", 23, "proxy", "Regional and global cooperation on migration."),
            ("MGI-4", 18, "partial", "Skills and qualification recognition for migrants."),
            ("MGI-4", 6, "partial", "Labour market integration and ethical recruitment."),
            ("MGI-4", 19, "contributes_to", "Diaspora engagement and migrants' contribution to development."),
            ("MGI-5", 2, "partial", "Crisis and disaster displacement policies."),
            ("MGI-5", 7, "contributes_to", "Protection of migrants in crises."),
            ("MGI-6", 11, "partial", "Border management."),
            ("MGI-6", 10, "partial", "Counter-trafficking measures."),
            ("MGI-6", 9, "contributes_to", "Measures against migrant smuggling."),
            ("MGI-6", 21, "partial", "Return and reintegration policies."),
            ("MGI-6", 5, "contributes_to", "Regular migration channels."),
        ],
    },
    {
        "slug": "mipex",
        "name": "Migrant Integration Policy Index (MIPEX)",
        "short_name": "MIPEX",
        "owner": "Migration Policy Group (MPG) and Barcelona Centre for International Affairs (CIDOB)",
        "kind": "policy_index",
        "year": 2020,
        "url": "https://www.mipex.eu",
        "endorsed_by": "",
        "endorsed_by_intergovernmental": False,
        "priority": 30,
        "description": (
            "Measures integration policies for migrants in eight policy areas across 56 countries (MIPEX 2020)."
        ),
        "source": "https://www.mipex.eu/methodology",
        "elements": [
            ("LMM", "Labour market mobility"),
            ("FR", "Family reunion"),
            ("EDU", "Education"),
            ("HEA", "Health"),
            ("PP", "Political participation"),
            ("PR", "Permanent residence"),
            ("AN", "Access to nationality"),
            ("AD", "Anti-discrimination"),
        ],
        "links": [
            ("LMM", 6, "partial", "Migrants' access to employment and decent work."),
            ("LMM", 18, "partial", "Recognition of foreign qualifications and skills."),
            ("FR", 5, "partial", "Family reunification is a regular pathway."),
            ("EDU", 15, "partial", "Access to education for migrant children."),
            ("EDU", 16, "contributes_to", "Intercultural education supports inclusion."),
            ("HEA", 15, "partial", "Migrants' entitlement and access to health services."),
            ("PP", 16, "partial", "Political participation is part of full inclusion."),
            ("PR", 16, "contributes_to", "Secure long-term residence supports inclusion."),
            ("AN", 16, "contributes_to", "Access to nationality supports full inclusion."),
            ("AN", 4, "contributes_to", "Naturalisation gives a durable legal identity."),
            ("AD", 17, "proxy", "Anti-discrimination law and equality bodies."),
        ],
    },
]

SDG_FRAMEWORK: dict[str, Any] = {
    "slug": SDG_FRAMEWORK_SLUG,
    "name": "SDG global indicator framework",
    "short_name": "SDG framework",
    "owner": "UN Statistical Commission, through the IAEG-SDGs",
    "kind": "indicator_framework",
    "year": 2017,
    "url": "https://unstats.un.org/sdgs/indicators/indicators-list/",
    "endorsed_by": "UN General Assembly (A/RES/71/313), on the recommendation of the UN Statistical Commission",
    "endorsed_by_intergovernmental": True,
    "priority": 1,
    "description": (
        "The global indicator framework for the Sustainable Development Goals and targets of the 2030 Agenda, "
        "with its annual refinements and comprehensive reviews. Elements: goals, targets and indicators."
    ),
    "source": "A/RES/71/313; UNSD SDG API /v1/sdg/Indicator/List",
}
