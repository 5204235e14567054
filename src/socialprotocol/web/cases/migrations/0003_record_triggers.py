"""Database triggers: evidence and file entries are never updated, and deleted only while the
retention purge holds a PurgeLock row in its own transaction. This also stops raw SQL and
other programs, not only the ORM."""

from typing import Any

from django.db import migrations

TABLES = ("cases_evidence", "cases_dossierentry")

SQLITE = """
CREATE TRIGGER {t}_no_update BEFORE UPDATE ON {t}
BEGIN SELECT RAISE(ABORT, 'records are never altered'); END;
CREATE TRIGGER {t}_no_delete BEFORE DELETE ON {t}
WHEN (SELECT COUNT(*) FROM cases_purgelock) = 0
BEGIN SELECT RAISE(ABORT, 'records are only removed by the retention purge'); END;
"""
SQLITE_DROP = "DROP TRIGGER IF EXISTS {t}_no_update; DROP TRIGGER IF EXISTS {t}_no_delete;"

POSTGRES_FUNCTION = """
CREATE OR REPLACE FUNCTION cases_guard_record() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    RAISE EXCEPTION 'records are never altered';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM cases_purgelock) THEN
    RAISE EXCEPTION 'records are only removed by the retention purge';
  END IF;
  RETURN OLD;
END $$ LANGUAGE plpgsql;
"""
POSTGRES = """
CREATE TRIGGER {t}_guard BEFORE UPDATE OR DELETE ON {t}
FOR EACH ROW EXECUTE FUNCTION cases_guard_record();
"""
POSTGRES_DROP = "DROP TRIGGER IF EXISTS {t}_guard ON {t};"


def _run(schema_editor: Any, statements: list[str]) -> None:
    for sql in statements:
        schema_editor.execute(sql)


def forwards(apps: Any, schema_editor: Any) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        _run(schema_editor, [s.strip() + ";" for t in TABLES
                             for s in SQLITE.format(t=t).split(";\n") if s.strip()])
    elif vendor == "postgresql":
        _run(schema_editor, [POSTGRES_FUNCTION] + [POSTGRES.format(t=t) for t in TABLES])


def backwards(apps: Any, schema_editor: Any) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        _run(schema_editor, [s + ";" for t in TABLES for s in SQLITE_DROP.format(t=t).split(";")
                             if s.strip()])
    elif vendor == "postgresql":
        _run(schema_editor, [POSTGRES_DROP.format(t=t) for t in TABLES]
             + ["DROP FUNCTION IF EXISTS cases_guard_record();"])


class Migration(migrations.Migration):
    dependencies = [("cases", "0002_purge_lock")]
    operations = [migrations.RunPython(forwards, backwards)]
