"""A submitted submission and its comments can never change, whatever code path sends the SQL.

Two triggers: one refuses UPDATE and DELETE of a submitted submission; one refuses INSERT, UPDATE and DELETE of
a comment whose submission (before or after the change) is submitted. Corrections are new submissions.
"""

from django.db import migrations

SQL = """
CREATE OR REPLACE FUNCTION consultations_refuse_submitted_submission() RETURNS trigger AS $$
BEGIN
    IF OLD.state = 'submitted' THEN
        RAISE EXCEPTION 'Submission % is submitted and can never change; submit a correction instead.', OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER consultations_submission_immutable
    BEFORE UPDATE OR DELETE ON consultations_submission
    FOR EACH ROW EXECUTE FUNCTION consultations_refuse_submitted_submission();

CREATE OR REPLACE FUNCTION consultations_refuse_submitted_comment() RETURNS trigger AS $$
DECLARE
    locked boolean;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        SELECT state = 'submitted' INTO locked FROM consultations_submission WHERE id = OLD.submission_id;
        IF locked THEN
            RAISE EXCEPTION 'Comment % belongs to a submitted submission and can never change.', OLD.id
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        SELECT state = 'submitted' INTO locked FROM consultations_submission WHERE id = NEW.submission_id;
        IF locked THEN
            RAISE EXCEPTION 'Submission % is submitted; no comment can be added to it.', NEW.submission_id
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
    END IF;
    RETURN OLD;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER consultations_comment_immutable
    BEFORE INSERT OR UPDATE OR DELETE ON consultations_comment
    FOR EACH ROW EXECUTE FUNCTION consultations_refuse_submitted_comment();
"""

REVERSE_SQL = """
DROP TRIGGER IF EXISTS consultations_comment_immutable ON consultations_comment;
DROP FUNCTION IF EXISTS consultations_refuse_submitted_comment();
DROP TRIGGER IF EXISTS consultations_submission_immutable ON consultations_submission;
DROP FUNCTION IF EXISTS consultations_refuse_submitted_submission();
"""


class Migration(migrations.Migration):
    dependencies = [("consultations", "0001_initial")]

    operations = [migrations.RunSQL(SQL, REVERSE_SQL)]
