# SPDX-License-Identifier: EUPL-1.2
"""`core.forms.add_service_errors`: a write path's ValidationError lands on the form field it names, and
everything else (``__all__``, a name the form lacks, a message without a field) above the form; nothing of
the refusal is lost."""

from __future__ import annotations

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from wijkteam.core.forms import UtrechtFormMixin, add_service_errors


class ContactForm(UtrechtFormMixin, forms.Form):
    datum = forms.DateField()
    vraag = forms.CharField()


def _cleaned() -> ContactForm:
    form = ContactForm({"datum": "2026-11-25", "vraag": "Huurachterstand"})
    assert form.is_valid()
    return form


def test_a_field_error_lands_on_its_field_and_marks_it_invalid() -> None:
    form = _cleaned()
    add_service_errors(form, ValidationError({"datum": "Een contactmoment kan niet in de toekomst liggen."}))
    assert form.errors == {"datum": ["Een contactmoment kan niet in de toekomst liggen."]}
    assert "datum" not in form.cleaned_data
    # The input says so to a screen reader, and points at its error text; the other input does not.
    assert 'aria-invalid="true"' in str(form["datum"])
    assert 'aria-describedby="id_datum-error"' in str(form["datum"])
    assert "aria-invalid" not in str(form["vraag"])


def test_unknown_and_general_errors_go_above_the_form() -> None:
    form = _cleaned()
    add_service_errors(form, ValidationError({
        "regisseur": "Piet is geen medewerker van Team Zuid.",
        NON_FIELD_ERRORS: "Iemand anders heeft deze casus intussen gewijzigd.",
    }))
    assert form.non_field_errors() == ["Piet is geen medewerker van Team Zuid.",
                                       "Iemand anders heeft deze casus intussen gewijzigd."]
    assert list(form.errors) == [NON_FIELD_ERRORS]


def test_a_message_without_a_field_goes_above_the_form_with_its_params() -> None:
    form = _cleaned()
    add_service_errors(form, ValidationError("Nog %(n)s tekens nodig.", params={"n": 15}))
    assert form.non_field_errors() == ["Nog 15 tekens nodig."]
    form = _cleaned()
    add_service_errors(form, ValidationError(["Eerste.", "Tweede."]))
    assert form.non_field_errors() == ["Eerste.", "Tweede."]


def test_a_service_name_is_mapped_to_the_forms_field() -> None:
    form = _cleaned()
    add_service_errors(form, ValidationError({"omschrijving": "Schrijf uw vraag op."}),
                       fields={"omschrijving": "vraag"})
    assert form.errors == {"vraag": ["Schrijf uw vraag op."]}


def test_an_error_added_directly_after_cleaning_links_its_field_too() -> None:
    # As a formset rule or a view copying a refusal does: form.add_error, with a field or with a dict.
    form = _cleaned()
    form.add_error("datum", "Deze datum kan niet in de toekomst liggen.")
    assert 'aria-describedby="id_datum-error"' in str(form["datum"])
    form = _cleaned()
    form.add_error(None, {"vraag": ["Schrijf uw vraag op."]})
    assert 'aria-invalid="true"' in str(form["vraag"]) and "aria-invalid" not in str(form["datum"])
    form = _cleaned()
    form.add_error(None, "Iemand anders heeft deze casus intussen gewijzigd.")  # above the form: no input marked
    assert "aria-invalid" not in str(form["datum"]) + str(form["vraag"])
