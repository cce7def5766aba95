"""A finished document is never changed, whatever code path sends the UPDATE."""

from django.db import migrations

FORWARD = """
CREATE OR REPLACE FUNCTION documents_refuse_change_of_finished() RETURNS trigger AS $$
BEGIN
    IF OLD.state = 'done' THEN
        RAISE EXCEPTION 'document % is finished and cannot be changed; generate a new one', OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER documents_document_finished_immutable
    BEFORE UPDATE ON documents_document
    FOR EACH ROW EXECUTE FUNCTION documents_refuse_change_of_finished();
"""

BACKWARD = """
DROP TRIGGER IF EXISTS documents_document_finished_immutable ON documents_document;
DROP FUNCTION IF EXISTS documents_refuse_change_of_finished();
"""


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial")]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
