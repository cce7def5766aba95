"""Who may do what, as small named predicates. Views, the API and services all ask these.

Every predicate takes the acting user (possibly anonymous) and answers True or False; it never raises.
"""

from django.contrib.auth.models import AnonymousUser

from accounts.choices import Role
from accounts.models import Organisation, User

AnyUser = User | AnonymousUser


def _has_role(user: AnyUser, role: Role) -> bool:
    return bool(user.is_authenticated and isinstance(user, User) and user.has_role(role))


def is_co_lead(user: AnyUser) -> bool:
    return _has_role(user, Role.CO_LEAD)


def is_secretariat(user: AnyUser) -> bool:
    return _has_role(user, Role.SECRETARIAT)


def is_stakeholder(user: AnyUser) -> bool:
    return _has_role(user, Role.STAKEHOLDER)


def is_excom_member(user: AnyUser) -> bool:
    return _has_role(user, Role.EXCOM_MEMBER)


def is_staff_of_workstream(user: AnyUser) -> bool:
    """Co-leads and the secretariat run the workstream."""
    return is_co_lead(user) or is_secretariat(user)


def belongs_to(user: AnyUser, organisation: Organisation | None) -> bool:
    return bool(
        organisation is not None
        and user.is_authenticated
        and isinstance(user, User)
        and user.organisation_id == organisation.pk
    )


def is_focal_point_of(user: AnyUser, organisation: Organisation | None) -> bool:
    return belongs_to(user, organisation) and isinstance(user, User) and user.is_focal_point


def can_manage_organisations(user: AnyUser) -> bool:
    return is_secretariat(user) or bool(user.is_authenticated and user.is_superuser)


def can_manage_api_token(actor: AnyUser, owner: User) -> bool:
    """Everyone signed in manages their own API token; co-leads manage everyone's."""
    return bool(actor.is_authenticated and (is_co_lead(actor) or actor.pk == owner.pk))
