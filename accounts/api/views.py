from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.api.serializers import MeSerializer

ME = OpenApiExample(
    "The demonstration co-lead",
    value={
        "id": 1,
        "email": "co-lead@example.org",
        "first_name": "Amina",
        "last_name": "Diallo",
        "organisation": {
            "id": 1,
            "name": "International Organization for Migration",
            "acronym": "IOM",
            "kind": "un_entity",
            "country": "",
            "region": "001",
            "is_champion_country": False,
        },
        "is_focal_point": False,
        "roles": ["co_lead"],
    },
)


class MeView(APIView):
    @extend_schema(
        summary="The signed-in user, with organisation and roles", responses=MeSerializer, examples=[ME]
    )
    def get(self, request: Request) -> Response:
        return Response(MeSerializer(request.user).data)
