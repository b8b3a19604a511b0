# SPDX-License-Identifier: EUPL-1.2
"""Plain Django admin for the beheerder: correct or inspect sociale-kaart records by hand.

The everyday editing happens in the sociale-kaart screens; this is the fallback, so it stays
simple. Taxonomy links are HSDS attribute rows (no foreign key on Service), so they are shown
read-only on the service and edited through the Attribute admin.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wijkteam.core.readonly_admin import ReadOnlyAdmin

from . import history
from .models import (
    Accessibility,
    Address,
    Attribute,
    Contact,
    CostOption,
    Funding,
    HsdsModel,
    Language,
    Location,
    Metadata,
    Organization,
    OrganizationIdentifier,
    Phone,
    Program,
    RequiredDocument,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)
from .partner.services import location_version, schedules_version, service_version

# HSDS URLs are https in practice; also opts in to Django 6's default now (no deprecation warning).
URL_OVERRIDES: Mapping[type[models.Field[Any, Any]], Mapping[str, Any]] = {models.URLField: {"assume_scheme": "https"}}


class HistoryAdmin(admin.ModelAdmin):
    """Admin edits leave the same HSDS metadata and audit rows as edits in the sociale-kaart screens."""

    def save_model(self, request: Any, obj: Any, form: Any, change: bool) -> None:
        # The form has already written its values onto `obj`: take "before" from the database.
        before = history.snapshot(type(obj).objects.get(pk=obj.pk)) if change else None
        super().save_model(request, obj, form, change)
        history.record_save(obj, before, user=request.user, request=request)

    def delete_model(self, request: Any, obj: Any) -> None:
        # Recorded before the delete, while the record and its links still exist (its cascaded rows go with it).
        history.record_delete(obj, user=request.user, request=request)
        super().delete_model(request, obj)

    def delete_queryset(self, request: Any, queryset: Any) -> None:
        """The list's "delete selected" action: each record recorded as the single delete is."""
        for obj in queryset:
            history.record_delete(obj, user=request.user, request=request)
        super().delete_queryset(request, queryset)

    def save_formset(self, request: Any, form: Any, formset: Any, change: bool) -> None:
        """The inlines' rows (opening times, phones, addresses...) are recorded like the record
        itself: metadata per changed field, an audit row, and the services that show them reindexed.

        formset.save() would change and delete them without a trace, so before it runs the rows it
        will change are read back from the database (the forms already hold the new values) and the
        rows it will delete are recorded while they and their links still exist.
        """
        model = formset.model
        if not issubclass(model, HsdsModel):
            super().save_formset(request, form, formset, change)
            return
        deleted = [f.instance.pk for f in formset.deleted_forms if f.instance.pk is not None]
        # The same test formset.save() uses to decide which existing rows it saves.
        changed = [
            f.instance.pk
            for f in formset.initial_forms
            if f.instance.pk is not None and f.instance.pk not in deleted and f.has_changed()
        ]
        stored = model.objects.in_bulk([*deleted, *changed])
        for pk in deleted:
            if pk in stored:
                history.record_delete(stored[pk], user=request.user, request=request)
        before = {pk: history.snapshot(stored[pk]) for pk in changed if pk in stored}
        super().save_formset(request, form, formset, change)
        for obj in formset.new_objects:
            history.record_save(obj, None, user=request.user, request=request)
        for obj, _fields in formset.changed_objects:
            if obj.pk in before:
                history.record_save(obj, before[obj.pk], user=request.user, request=request)


class VersionedForm(forms.ModelForm):
    """Optimistic locking in the admin, with the partner forms' own versions (a digest of what those
    forms show). The admin's change view runs in one transaction: the row is locked, the version
    compared, and a stale form refused before anything is written, so a beheerder working from an old
    page never silently reverts a partner's change (issue 15 item 4)."""

    version_of: Callable[[Any], str]
    wt_versie = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["wt_versie"] = type(self).version_of(self.instance)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        posted = cleaned.get("wt_versie")
        if self.instance.pk and posted:
            current = type(self.instance).objects.select_for_update().get(pk=self.instance.pk)
            if type(self).version_of(current) != posted:
                raise ValidationError(
                    _("Iemand anders heeft dit intussen gewijzigd. Er is niets opgeslagen. Open de pagina "
                      "opnieuw om de huidige gegevens te zien en breng uw wijziging daarna opnieuw aan."),
                    code="stale",
                )
        return cleaned


def _service_and_schedules_version(service: Service) -> str:
    return service_version(service) + schedules_version(service)


class ServiceAdminForm(VersionedForm):
    # No Meta: ModelAdmin.get_form builds the model form on top of this one with its own fields.
    version_of = staticmethod(_service_and_schedules_version)


class LocationAdminForm(VersionedForm):
    version_of = staticmethod(location_version)


class _Inline(admin.StackedInline):
    extra = 0
    show_change_link = True
    formfield_overrides = URL_OVERRIDES


class OrganizationIdentifierInline(admin.TabularInline):
    model = OrganizationIdentifier
    extra = 0


class ProgramInline(admin.TabularInline):
    model = Program
    extra = 0
    fields = ["name", "alternate_name"]
    show_change_link = True


@admin.register(Organization)
class OrganizationAdmin(HistoryAdmin):
    formfield_overrides = URL_OVERRIDES
    list_display = ["name", "organisatie", "email", "modified"]
    search_fields = ["name", "alternate_name"]
    autocomplete_fields = ["parent_organization"]
    readonly_fields = ["id", "created", "modified"]
    inlines = [OrganizationIdentifierInline, ProgramInline]


@admin.register(Program)
class ProgramAdmin(HistoryAdmin):
    list_display = ["name", "organization"]
    search_fields = ["name"]
    autocomplete_fields = ["organization"]


class ScheduleInline(_Inline):
    model = Schedule
    fk_name = "service"
    exclude = ["location", "service_at_location"]


class PhoneInline(admin.TabularInline):
    model = Phone
    fk_name = "service"
    extra = 0
    fields = ["number", "type", "description"]


class ContactInline(admin.TabularInline):
    model = Contact
    fk_name = "service"
    extra = 0
    fields = ["name", "title", "email"]


class CostOptionInline(admin.TabularInline):
    model = CostOption
    extra = 0
    fields = ["option", "amount", "currency", "amount_description"]


class LanguageInline(admin.TabularInline):
    model = Language
    fk_name = "service"
    extra = 0
    fields = ["name", "code", "note"]


class RequiredDocumentInline(admin.TabularInline):
    formfield_overrides = URL_OVERRIDES
    model = RequiredDocument
    extra = 0
    fields = ["document", "uri"]


class ServiceAreaInline(admin.TabularInline):
    model = ServiceArea
    extra = 0
    fields = ["name", "extent_type", "uri"]


class ServiceAtLocationInline(admin.TabularInline):
    model = ServiceAtLocation
    extra = 0
    autocomplete_fields = ["location"]


@admin.register(Service)
class ServiceAdmin(HistoryAdmin):
    form = ServiceAdminForm
    formfield_overrides = URL_OVERRIDES
    list_display = ["name", "organization", "status", "assured_date", "modified"]
    list_filter = ["status"]
    search_fields = ["name", "alternate_name", "organization__name"]
    autocomplete_fields = ["organization", "program"]
    readonly_fields = ["id", "created", "modified", "term_list", "search_document"]
    date_hierarchy = "assured_date"
    inlines = [
        ServiceAtLocationInline,
        ScheduleInline,
        PhoneInline,
        ContactInline,
        CostOptionInline,
        LanguageInline,
        RequiredDocumentInline,
        ServiceAreaInline,
    ]

    @admin.display(description=_("taxonomietermen"))
    def term_list(self, obj: Service) -> str:
        return ", ".join(str(term) for term in obj.terms()) if obj.pk else ""


class AddressInline(admin.StackedInline):
    formfield_overrides = URL_OVERRIDES
    model = Address
    extra = 0


class AccessibilityInline(admin.TabularInline):
    formfield_overrides = URL_OVERRIDES
    model = Accessibility
    extra = 0
    fields = ["description", "details", "url"]


@admin.register(Location)
class LocationAdmin(HistoryAdmin):
    form = LocationAdminForm
    formfield_overrides = URL_OVERRIDES
    list_display = ["name", "location_type", "organization", "buurt"]
    list_filter = ["location_type"]
    search_fields = ["name", "alternate_name", "addresses__address_1", "addresses__postal_code"]
    autocomplete_fields = ["organization"]
    readonly_fields = ["id", "created", "modified"]
    inlines = [AddressInline, AccessibilityInline]


class TaxonomyTermInline(admin.TabularInline):
    model = TaxonomyTerm
    extra = 0
    fields = ["code", "name", "name_en"]
    show_change_link = True


@admin.register(Taxonomy)
class TaxonomyAdmin(HistoryAdmin):
    formfield_overrides = URL_OVERRIDES
    list_display = ["name", "slug", "version"]
    readonly_fields = ["id", "created", "modified"]
    inlines = [TaxonomyTermInline]


@admin.register(TaxonomyTerm)
class TaxonomyTermAdmin(HistoryAdmin):
    formfield_overrides = URL_OVERRIDES
    list_display = ["code", "name", "name_en", "taxonomy"]
    list_filter = ["taxonomy"]
    search_fields = ["code", "name", "name_en"]
    readonly_fields = ["id", "created", "modified"]


@admin.register(Attribute)
class AttributeAdmin(HistoryAdmin):
    list_display = ["link_entity", "link_id", "taxonomy_term", "link_type", "value"]
    list_filter = ["link_entity", "taxonomy_term__taxonomy"]
    search_fields = ["link_id", "taxonomy_term__code", "taxonomy_term__name"]
    autocomplete_fields = ["taxonomy_term"]


@admin.register(Metadata)
class MetadataAdmin(ReadOnlyAdmin):
    list_display = ["resource_type", "resource_id", "last_action_date", "last_action_type", "field_name"]
    list_filter = ["resource_type", "last_action_type"]


admin.site.register(Funding)
