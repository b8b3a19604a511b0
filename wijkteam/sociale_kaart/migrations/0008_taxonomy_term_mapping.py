# SPDX-License-Identifier: EUPL-1.2
"""Imported taxonomy terms mapped onto the shipped ones (issue 16 item 1)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('sociale_kaart', '0007_search_key'),
    ]

    operations = [
        migrations.CreateModel(
            name='TaxonomyTermMapping',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('method', models.CharField(choices=[('code', 'zelfde code'), ('name', 'zelfde naam'), ('beheerder', 'door de beheerder')], max_length=20, verbose_name='gekoppeld op')),
                ('modified', models.DateTimeField(auto_now=True, verbose_name='gewijzigd')),
                ('modified_by', models.CharField(blank=True, max_length=150, verbose_name='gewijzigd door')),
                ('target', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='mapped_from', to='sociale_kaart.taxonomyterm', verbose_name='term van de sociale kaart')),
                ('term', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='mapping', to='sociale_kaart.taxonomyterm', verbose_name='geïmporteerde term')),
            ],
            options={
                'verbose_name': 'koppeling van een taxonomieterm',
                'verbose_name_plural': 'koppelingen van taxonomietermen',
            },
        ),
    ]
