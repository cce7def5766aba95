from django.http import HttpRequest

from accounts import permissions
from accounts.choices import Role


def roles(request: HttpRequest) -> dict[str, object]:
    """Expose the signed-in user's roles to templates, for navigation by role."""
    user = request.user
    names = getattr(user, "roles", frozenset())
    return {
        "role_labels": [role.label for role in Role if role.value in names],
        "roles": {
            "co_lead": permissions.is_co_lead(user),
            "secretariat": permissions.is_secretariat(user),
            "stakeholder": permissions.is_stakeholder(user),
            "excom_member": permissions.is_excom_member(user),
            "focal_point": bool(user.is_authenticated and getattr(user, "is_focal_point", False)),
        },
    }
