# Data migration: norm and buurt of the referrals made before 0002. Its own migration (own transaction on
# PostgreSQL): in 0002's transaction the UPDATE's pending foreign-key checks would stop 0002's deferred
# CREATE INDEX ("cannot CREATE INDEX ... because it has pending trigger events").

from django.db import migrations
from django.db.models import OuterRef, Subquery

# The Treeknorm (wachttijd.DEFAULT_NORM when this was written): a domain without a Wachtnorm row had it.
TREEKNORM = (28, 70)


def keep_norm_and_buurt(apps, schema_editor):
    """Referrals made before these fields existed get what is known now: the domain's current norm (second line
    only; a collective referral has no norm) and the buurt of their household's address."""
    Verwijzing = apps.get_model("verwijzingen", "Verwijzing")
    Wachtnorm = apps.get_model("verwijzingen", "Wachtnorm")
    Huishouden = apps.get_model("huishoudens", "Huishouden")
    current = {row.domein: (row.dagen_tot_intake, row.dagen_tot_start) for row in Wachtnorm.objects.all()}
    second_line = Verwijzing.objects.filter(soort="tweede_lijn", norm_dagen_tot_intake__isnull=True,
                                            norm_dagen_tot_start__isnull=True)
    for domein in list(second_line.order_by().values_list("domein", flat=True).distinct()):
        intake, start = current.get(domein, TREEKNORM)
        second_line.filter(domein=domein).update(norm_dagen_tot_intake=intake, norm_dagen_tot_start=start)
    Verwijzing.objects.filter(buurt__isnull=True).update(buurt_id=Subquery(
        Huishouden.objects.filter(pk=OuterRef("huishouden_id")).values("adres__buurt_id")[:1]))


class Migration(migrations.Migration):

    dependencies = [
        ('huishoudens', '0001_initial'),
        ('verwijzingen', '0002_norm_en_buurt_bij_verwijzen'),
    ]

    operations = [
        migrations.RunPython(keep_norm_and_buurt, migrations.RunPython.noop, elidable=True),
    ]
