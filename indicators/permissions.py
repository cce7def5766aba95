"""Who may do what with candidate indicators and the limited set. Views, the API and services ask these."""

from accounts.permissions import AnyUser, is_co_lead, is_secretariat


def can_curate(user: AnyUser) -> bool:
    """Create and edit candidates, change their state, build the limited set: co-leads."""
    return is_co_lead(user)


def can_freeze(user: AnyUser) -> bool:
    """Freeze a set version: co-leads, and the secretariat when it opens a round on their behalf."""
    return is_co_lead(user) or is_secretariat(user)


def can_read_catalogue(user: AnyUser) -> bool:
    """Every signed-in participant reads the catalogue and the set."""
    return bool(user.is_authenticated)
