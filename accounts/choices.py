from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """The workstream roles. Each is a Django group of the same name, created by a data migration."""

    CO_LEAD = "co_lead", _("Co-lead")
    SECRETARIAT = "secretariat", _("Secretariat")
    STAKEHOLDER = "stakeholder", _("Stakeholder")
    EXCOM_MEMBER = "excom_member", _("ExCom member")


class OrganisationKind(models.TextChoices):
    MEMBER_STATE = "member_state", _("Member State")
    UN_ENTITY = "un_entity", _("UN entity")
    CIVIL_SOCIETY = "civil_society", _("Civil society")
    ACADEMIA = "academia", _("Academia")
    PRIVATE_SECTOR = "private_sector", _("Private sector")
    MIGRANT_OR_DIASPORA_ORGANISATION = "migrant_or_diaspora_organisation", _("Migrant or diaspora organisation")
    TRADE_UNION = "trade_union", _("Trade union")
    LOCAL_AUTHORITY = "local_authority", _("Local authority")
    NHRI = "nhri", _("National human rights institution")
    REGIONAL_BODY = "regional_body", _("Regional body")
    OTHER = "other", _("Other")


class Region(models.TextChoices):
    """UN M49 regions, keyed by their M49 code."""

    AFRICA = "002", _("Africa")
    AMERICAS = "019", _("Americas")
    ASIA = "142", _("Asia")
    EUROPE = "150", _("Europe")
    OCEANIA = "009", _("Oceania")
    GLOBAL = "001", _("World")
