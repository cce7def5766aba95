from functools import cached_property

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from accounts.choices import OrganisationKind, Region, Role


class Organisation(models.Model):
    """A body taking part in the workstream: a Member State, a UN entity, a civil-society organisation, ...

    Its focal point submits the organisation's official position in a consultation round.
    """

    name = models.CharField(_("name"), max_length=200, unique=True)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    kind = models.CharField(_("kind"), max_length=40, choices=OrganisationKind.choices)
    country = models.CharField(
        _("country"),
        max_length=3,
        blank=True,
        help_text=_("ISO 3166-1 alpha-3 code, required for Member States (e.g. MEX)."),
    )
    region = models.CharField(_("region"), max_length=3, choices=Region.choices, blank=True)
    is_champion_country = models.BooleanField(_("champion country"), default=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(country="") | models.Q(country__regex=r"^[A-Z]{3}$"),
                name="organisation_country_is_alpha3",
                violation_error_message=_("The country must be an ISO 3166 alpha-3 code such as MEX."),
            ),
            models.CheckConstraint(
                condition=~models.Q(kind=OrganisationKind.MEMBER_STATE) | ~models.Q(country=""),
                name="member_state_has_country",
                violation_error_message=_("A Member State needs its ISO 3166 alpha-3 country code."),
            ),
            models.CheckConstraint(
                condition=models.Q(kind=OrganisationKind.MEMBER_STATE) | models.Q(is_champion_country=False),
                name="only_member_states_are_champions",
                violation_error_message=_("Only a Member State can be a champion country."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


class UserManager(BaseUserManager):
    use_in_migrations = True

    def get_by_natural_key(self, username: str | None) -> "User":
        """Sign-in ignores the case of the e-mail address, as people type it."""
        return self.get(email__iexact=username)

    def _create(self, email: str, password: str | None, **fields: object) -> "User":
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **fields: object) -> "User":
        fields.setdefault("is_staff", False)
        fields.setdefault("is_superuser", False)
        return self._create(email, password, **fields)

    def create_superuser(self, email: str, password: str | None = None, **fields: object) -> "User":
        fields.update(is_staff=True, is_superuser=True)
        return self._create(email, password, **fields)


class User(AbstractUser):
    """A person who signs in with an e-mail address, member of at most one organisation.

    Roles are Django groups named after `Role`; `is_focal_point` marks the person who submits the
    organisation's official position.
    """

    username = None  # type: ignore[assignment]
    email = models.EmailField(_("e-mail address"), unique=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
    )
    is_focal_point = models.BooleanField(
        _("focal point"),
        default=False,
        help_text=_("Submits the organisation's official position in consultation rounds."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()  # type: ignore[misc]

    class Meta:
        ordering = ["email"]
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_unique_ignoring_case"),
            models.CheckConstraint(
                condition=models.Q(is_focal_point=False) | models.Q(organisation__isnull=False),
                name="focal_point_has_organisation",
                violation_error_message=_("A focal point must belong to an organisation."),
            ),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    @cached_property
    def roles(self) -> frozenset[str]:
        """The names of the user's role groups, read once per request."""
        if not self.is_active:
            return frozenset()
        return frozenset(self.groups.filter(name__in=Role.values).values_list("name", flat=True))

    def has_role(self, role: Role | str) -> bool:
        return str(role) in self.roles


class SentEmail(models.Model):
    """One e-mail the workbench has sent, under a key that names its purpose (e.g. `round-7-invite-org-3`).

    The unique key makes sending idempotent: a task delivered twice finds the row and sends nothing more.
    """

    key = models.CharField(max_length=200, unique=True)
    to = models.JSONField(default=list)
    subject = models.CharField(max_length=300)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("sent e-mail")
        verbose_name_plural = _("sent e-mails")

    def __str__(self) -> str:
        return f"{self.key}: {self.subject}"
