"""Votes, audit events, publications and their files are append-only: PostgreSQL refuses UPDATE and DELETE.

TRUNCATE (used only to reset test databases) is a table-level statement and is not affected.
"""

from django.db import migrations

TABLES = ["approvals_approvalevent", "approvals_vote", "approvals_publication", "approvals_publicationfile"]

FUNCTION = """
CREATE OR REPLACE FUNCTION approvals_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% on % is refused: approval records are append-only', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;
"""

forward = [FUNCTION] + [
    f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
    f"FOR EACH ROW EXECUTE FUNCTION approvals_refuse_change();"
    for table in TABLES
]
backward = [f"DROP TRIGGER IF EXISTS {table}_append_only ON {table};" for table in TABLES] + [
    "DROP FUNCTION IF EXISTS approvals_refuse_change();"
]


class Migration(migrations.Migration):
    dependencies = [("approvals", "0001_initial")]

    operations = [migrations.RunSQL(sql=forward, reverse_sql=backward)]
