"""Who may do what with documents and the consultation plan. Views, the API and services ask these."""

from accounts.permissions import AnyUser, is_excom_member, is_staff_of_workstream


def can_request_documents(user: AnyUser) -> bool:
    """Co-leads and the secretariat generate the documents of the workstream."""
    return is_staff_of_workstream(user)


def can_see_documents(user: AnyUser) -> bool:
    """Co-leads, the secretariat and ExCom members read and download them."""
    return is_staff_of_workstream(user) or is_excom_member(user)


def can_see_plan(user: AnyUser) -> bool:
    """Every signed-in user follows the consultation plan and may subscribe to its calendar."""
    return bool(user.is_authenticated and user.is_active)
