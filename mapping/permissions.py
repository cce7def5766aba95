"""Who may read and edit the mapping. Views, API and services ask these same predicates."""

from accounts.permissions import AnyUser, is_co_lead


def can_read_mapping(user: AnyUser) -> bool:
    """Everyone signed in reads the frameworks, the crosswalk and the heat map (the API is public)."""
    return bool(user and user.is_authenticated)


def can_edit_mapping(user: AnyUser) -> bool:
    """Co-leads map frameworks: they edit elements and crosswalk links and import mapping files."""
    return is_co_lead(user)
