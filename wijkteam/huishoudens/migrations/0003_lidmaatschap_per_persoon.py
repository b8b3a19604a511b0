# Data migration: the memberships of the persons stored before 0002. Its own migration (own transaction on
# PostgreSQL), after the table, its indexes and its foreign keys are in place.

from django.db import migrations


def open_a_membership_per_person(apps, schema_editor):
    """One open membership per person in a household, since the person was recorded: all that is known (the
    earlier households of someone who moved are only in the audit trail's detail). One INSERT ... SELECT, so
    millions of persons take seconds."""
    persoon = apps.get_model("huishoudens", "Persoon")._meta
    lid = apps.get_model("huishoudens", "HuishoudenLidmaatschap")._meta
    quote = schema_editor.connection.ops.quote_name

    def column(opts, name):
        return quote(opts.get_field(name).column)

    # Only quoted table and column names from the models: no values enter the SQL.
    schema_editor.execute(
        f"INSERT INTO {quote(lid.db_table)} ({column(lid, 'persoon')}, {column(lid, 'huishouden')}, "
        f"{column(lid, 'vanaf')}, {column(lid, 'tot')}, {column(lid, 'door')}) "
        f"SELECT {column(persoon, 'id')}, {column(persoon, 'huishouden')}, {column(persoon, 'aangemaakt')}, NULL, NULL "
        f"FROM {quote(persoon.db_table)} WHERE {column(persoon, 'huishouden')} IS NOT NULL "
        f"ORDER BY {column(persoon, 'id')}")


class Migration(migrations.Migration):

    dependencies = [
        ('huishoudens', '0002_huishoudenlidmaatschap'),
    ]

    operations = [
        migrations.RunPython(open_a_membership_per_person, migrations.RunPython.noop, elidable=True),
    ]
