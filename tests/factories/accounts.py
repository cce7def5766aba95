import factory
from django.contrib.auth.models import Group

from accounts.choices import OrganisationKind, Region, Role
from accounts.models import Organisation, User

PASSWORD = "correct horse battery staple"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Organisation {n}")
    acronym = factory.Sequence(lambda n: f"ORG{n}")
    kind = OrganisationKind.UN_ENTITY
    region = Region.GLOBAL


class MemberStateFactory(OrganisationFactory):
    name = factory.Sequence(lambda n: f"Member State {n}")
    acronym = ""
    kind = OrganisationKind.MEMBER_STATE
    country = factory.Sequence(lambda n: "X" + chr(65 + (n // 26) % 26) + chr(65 + n % 26))
    region = Region.AFRICA


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    organisation = factory.SubFactory(OrganisationFactory)
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def roles(self, create: bool, extracted: list[Role] | None, **kwargs: object) -> None:
        if create and extracted:
            for role in extracted:
                group, _ = Group.objects.get_or_create(name=role)
                self.groups.add(group)
