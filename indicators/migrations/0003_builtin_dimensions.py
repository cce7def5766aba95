"""The built-in disaggregation dimensions, so that every installation can write disaggregation plans.

SDMX codes from the reference files are added later by `manage.py load_disaggregation_dimensions`.
"""

from django.db import migrations


def create_builtin_dimensions(apps, schema_editor):
    from indicators.reference import BUILT_IN

    Dimension = apps.get_model("indicators", "DisaggregationDimension")
    for order, (code, name, sdmx_dimension, codelist, codes) in enumerate(BUILT_IN, start=1):
        Dimension.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "order": order,
                "sdmx_dimension": sdmx_dimension,
                "sdmx_codelist": codelist,
                "sdmx_codes": codes,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("indicators", "0002_frozen_immutability")]

    operations = [migrations.RunPython(create_builtin_dimensions, migrations.RunPython.noop)]
