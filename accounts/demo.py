"""Demonstration organisations and one account per role, for `make run`. Never loaded by migrations."""

from typing import TextIO

from django.contrib.auth.models import Group
from django.db import transaction

from accounts.choices import OrganisationKind, Region, Role
from accounts.models import Organisation, User

DEMO_PASSWORD = "workbench-demo"

ORGANISATIONS = [
    # name, acronym, kind, country, region, champion
    ("International Organization for Migration", "IOM", OrganisationKind.UN_ENTITY, "", Region.GLOBAL, False),
    (
        "United Nations Department of Economic and Social Affairs",
        "UN DESA",
        OrganisationKind.UN_ENTITY,
        "",
        Region.GLOBAL,
        False,
    ),
    ("International Labour Organization", "ILO", OrganisationKind.UN_ENTITY, "", Region.GLOBAL, False),
    ("Mexico", "", OrganisationKind.MEMBER_STATE, "MEX", Region.AMERICAS, True),
    ("Morocco", "", OrganisationKind.MEMBER_STATE, "MAR", Region.AFRICA, True),
    ("Migrant Forum in Asia", "MFA", OrganisationKind.CIVIL_SOCIETY, "", Region.ASIA, False),
]

# email, first name, last name, organisation acronym or name, role, focal point
ACCOUNTS = [
    ("co-lead@example.org", "Amina", "Diallo", "IOM", Role.CO_LEAD, False),
    ("secretariat@example.org", "Lucas", "Moreau", "UN DESA", Role.SECRETARIAT, False),
    ("focal-point@example.org", "Sofía", "Hernández", "Mexico", Role.STAKEHOLDER, True),
    ("stakeholder@example.org", "Diego", "Ramírez", "Mexico", Role.STAKEHOLDER, False),
    ("excom@example.org", "Kwame", "Mensah", "ILO", Role.EXCOM_MEMBER, False),
]


@transaction.atomic
def load(stdout: TextIO) -> None:
    """Create the demo organisations and accounts; existing ones are kept as they are."""
    by_key: dict[str, Organisation] = {}
    for name, acronym, kind, country, region, champion in ORGANISATIONS:
        organisation, _ = Organisation.objects.get_or_create(
            name=name,
            defaults={
                "acronym": acronym,
                "kind": kind,
                "country": country,
                "region": region,
                "is_champion_country": champion,
            },
        )
        by_key[acronym or name] = organisation
    created = 0
    for email, first, last, organisation_key, role, focal_point in ACCOUNTS:
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            user = User.objects.create_user(
                email,
                DEMO_PASSWORD,
                first_name=first,
                last_name=last,
                organisation=by_key[organisation_key],
                is_focal_point=focal_point,
                is_staff=role == Role.CO_LEAD,
                is_superuser=role == Role.CO_LEAD,
            )
            created += 1
        user.groups.add(Group.objects.get_or_create(name=role)[0])
    stdout.write(f"Demo accounts: {created} created, {len(ACCOUNTS) - created} already present.\n")
