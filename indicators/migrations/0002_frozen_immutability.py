"""Immutability in the database: what a frozen set version lists can never change, whatever code path tries.

- A revision listed in a frozen set version refuses UPDATE and DELETE, and so do its links and its
  disaggregation plan.
- A frozen set version refuses changes to its items, to its number and set, and un-freezing; it cannot be
  deleted.
The errors use SQLSTATE 23514 (check_violation), so that Django raises IntegrityError with the message.
"""

from django.db import migrations

FORWARD = r"""
CREATE OR REPLACE FUNCTION indicators_revision_is_frozen(rev_id bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (
        SELECT 1 FROM indicators_setversionitem item
        JOIN indicators_setversion version ON version.id = item.version_id
        WHERE item.revision_id = rev_id AND version.frozen_at IS NOT NULL
    )
$$;

CREATE OR REPLACE FUNCTION indicators_refuse_frozen_revision() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    indicator_code text;
BEGIN
    IF indicators_revision_is_frozen(OLD.id) THEN
        SELECT code INTO indicator_code FROM indicators_indicator WHERE id = OLD.indicator_id;
        RAISE EXCEPTION 'Revision % of % is listed in a frozen set version and can never change. Edit the indicator to create a new revision instead.', OLD.number, indicator_code
            USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER indicators_revision_frozen
    BEFORE UPDATE OR DELETE ON indicators_indicatorrevision
    FOR EACH ROW EXECUTE FUNCTION indicators_refuse_frozen_revision();

CREATE OR REPLACE FUNCTION indicators_refuse_frozen_revision_part() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF (TG_OP IN ('UPDATE', 'DELETE') AND indicators_revision_is_frozen(OLD.revision_id))
       OR (TG_OP IN ('INSERT', 'UPDATE') AND indicators_revision_is_frozen(NEW.revision_id)) THEN
        RAISE EXCEPTION 'This indicator revision is listed in a frozen set version: its links and disaggregation plan can never change. Edit the indicator to create a new revision instead.'
            USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER indicators_sdglink_frozen BEFORE INSERT OR UPDATE OR DELETE ON indicators_revisionsdglink
    FOR EACH ROW EXECUTE FUNCTION indicators_refuse_frozen_revision_part();
CREATE TRIGGER indicators_objectivelink_frozen BEFORE INSERT OR UPDATE OR DELETE ON indicators_revisionobjectivelink
    FOR EACH ROW EXECUTE FUNCTION indicators_refuse_frozen_revision_part();
CREATE TRIGGER indicators_principle_frozen BEFORE INSERT OR UPDATE OR DELETE ON indicators_revisionprinciple
    FOR EACH ROW EXECUTE FUNCTION indicators_refuse_frozen_revision_part();
CREATE TRIGGER indicators_provenance_frozen BEFORE INSERT OR UPDATE OR DELETE ON indicators_revisionprovenance
    FOR EACH ROW EXECUTE FUNCTION indicators_refuse_frozen_revision_part();
CREATE TRIGGER indicators_plan_frozen BEFORE INSERT OR UPDATE OR DELETE ON indicators_disaggregationplanentry
    FOR EACH ROW EXECUTE FUNCTION indicators_refuse_frozen_revision_part();

CREATE OR REPLACE FUNCTION indicators_refuse_frozen_item() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF (TG_OP IN ('UPDATE', 'DELETE') AND EXISTS (
            SELECT 1 FROM indicators_setversion WHERE id = OLD.version_id AND frozen_at IS NOT NULL))
       OR (TG_OP IN ('INSERT', 'UPDATE') AND EXISTS (
            SELECT 1 FROM indicators_setversion WHERE id = NEW.version_id AND frozen_at IS NOT NULL)) THEN
        RAISE EXCEPTION 'This set version is frozen: its list of indicators can never change. Start a new version of the set instead.'
            USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER indicators_item_frozen BEFORE INSERT OR UPDATE OR DELETE ON indicators_setversionitem
    FOR EACH ROW EXECUTE FUNCTION indicators_refuse_frozen_item();

CREATE OR REPLACE FUNCTION indicators_refuse_frozen_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.frozen_at IS NOT NULL AND (
        TG_OP = 'DELETE'
        OR NEW.frozen_at IS DISTINCT FROM OLD.frozen_at
        OR NEW.number <> OLD.number
        OR NEW.limited_set_id <> OLD.limited_set_id) THEN
        RAISE EXCEPTION 'Version % of this set is frozen and can never change or be unfrozen. Start a new version of the set instead.', OLD.number
            USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER indicators_version_frozen BEFORE UPDATE OR DELETE ON indicators_setversion
    FOR EACH ROW EXECUTE FUNCTION indicators_refuse_frozen_version();
"""

BACKWARD = r"""
DROP TRIGGER IF EXISTS indicators_version_frozen ON indicators_setversion;
DROP FUNCTION IF EXISTS indicators_refuse_frozen_version();
DROP TRIGGER IF EXISTS indicators_item_frozen ON indicators_setversionitem;
DROP FUNCTION IF EXISTS indicators_refuse_frozen_item();
DROP TRIGGER IF EXISTS indicators_plan_frozen ON indicators_disaggregationplanentry;
DROP TRIGGER IF EXISTS indicators_provenance_frozen ON indicators_revisionprovenance;
DROP TRIGGER IF EXISTS indicators_principle_frozen ON indicators_revisionprinciple;
DROP TRIGGER IF EXISTS indicators_objectivelink_frozen ON indicators_revisionobjectivelink;
DROP TRIGGER IF EXISTS indicators_sdglink_frozen ON indicators_revisionsdglink;
DROP FUNCTION IF EXISTS indicators_refuse_frozen_revision_part();
DROP TRIGGER IF EXISTS indicators_revision_frozen ON indicators_indicatorrevision;
DROP FUNCTION IF EXISTS indicators_refuse_frozen_revision();
DROP FUNCTION IF EXISTS indicators_revision_is_frozen(bigint);
"""


class Migration(migrations.Migration):
    dependencies = [("indicators", "0001_initial")]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
