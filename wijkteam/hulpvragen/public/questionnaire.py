# SPDX-License-Identifier: EUPL-1.2
"""The anonymous self-help questionnaire "Wat speelt er?" as data, and reading answers back from a POST.

The questionnaire stores nothing: the answers travel with the resident, in the POST of each step
(hidden fields for the steps not on screen), never in the session, the database or a log line. So
everything here is pure: it turns posted fields into `Answers` and back, and says which
levensdomeinen (LD codes of the sociale kaart) the answers point to.

Questions are phrased so that "Ja" or "Soms" means: this plays a part for me. Every question can be
skipped; an answer that is not one of ours is ignored, never an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import QueryDict
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _

from wijkteam.gebieden.postcodes import try_normalise_postcode

JA, SOMS, NEE = "ja", "soms", "nee"
CHOICES: tuple[tuple[str, Any], ...] = ((JA, _("Ja")), (SOMS, _("Soms")), (NEE, _("Nee")))
PLAYS_A_PART = frozenset({JA, SOMS})

ANSWER_PREFIX = "v_"  # posted name of a question's answer: "v_geld_rekeningen"
POSTCODE_FIELD = "postcode"
STEP_FIELD = "ga"  # the button pressed says where to go: a step number or "uitkomst"
RESULTS = "uitkomst"


@dataclass(frozen=True)
class Question:
    key: str
    domain: str  # LD code of the sociale kaart's levensdomeinen
    text: Any  # lazy translated string

    @property
    def field(self) -> str:
        return f"{ANSWER_PREFIX}{self.key}"


@dataclass(frozen=True)
class Step:
    number: int
    title: Any
    intro: Any
    questions: tuple[Question, ...]
    safety: bool = False  # the step about safety at home: shows who to call, straight away


# The domains residents meet most, in their own words. Order is the order of the steps.
STEPS: tuple[Step, ...] = (
    Step(1, _("Geld"), _("Het gaat over geld en rekeningen."), (
        Question("geld_tekort", "LD01", _("Komt u geld tekort aan het eind van de maand?")),
        Question("geld_rekeningen", "LD01", _("Heeft u rekeningen die u niet op tijd kunt betalen?")),
        Question("geld_post", "LD01",
                 _("Vindt u post over geld moeilijk? Bijvoorbeeld brieven over belasting of toeslagen.")),
    )),
    Step(2, _("Wonen"), _("Het gaat over uw huis."), (
        Question("wonen_kwijt", "LD04",
                 _("Bent u bang dat u uw huis kwijtraakt? Bijvoorbeeld door een huurachterstand.")),
        Question("wonen_last", "LD04", _("Heeft u last van uw huis? Bijvoorbeeld vocht, kou of te weinig ruimte.")),
    )),
    Step(3, _("Werk en overdag"), _("Het gaat over werk, school en wat u overdag doet."), (
        Question("werk_zoeken", "LD02", _("Zoekt u werk, een opleiding of vrijwilligerswerk?")),
        Question("werk_overdag", "LD03", _("Heeft u overdag te weinig te doen?")),
    )),
    Step(4, _("Gezondheid"), _("Het gaat over hoe u zich voelt."), (
        Question("gezond_lichaam", "LD07", _("Heeft u last van uw gezondheid bij wat u elke dag doet?")),
        Question("gezond_somber", "LD06", _("Voelt u zich somber, gespannen of angstig?")),
        Question("gezond_middelen", "LD08",
                 _("Maakt u of iemand om u heen zich zorgen over alcohol, drugs of gokken?")),
    )),
    Step(5, _("Mensen om u heen"), _("Het gaat over contact met anderen."), (
        Question("contact_alleen", "LD11", _("Voelt u zich alleen?")),
        Question("contact_steun", "LD11", _("Mist u iemand die u kunt bellen als het tegenzit?")),
    )),
    Step(6, _("Gezin en zorgen voor een ander"), _("Het gaat over uw kinderen en de mensen thuis."), (
        Question("gezin_opvoeden", "LD05", _("Heeft u vragen over opvoeden, of over hoe het gaat met uw kind?")),
        Question("gezin_mantelzorg", "LD05",
                 _("Zorgt u veel voor iemand anders, zoals uw partner, ouder of kind? En is dat zwaar?")),
    )),
    Step(7, _("Regelen en meedoen"), _("Het gaat over dingen regelen en meedoen."), (
        Question("regelen_zaken", "LD10",
                 _("Vindt u het moeilijk om dingen te regelen? Bijvoorbeeld formulieren, DigiD of afspraken.")),
        Question("regelen_taal", "LD12", _("Vindt u lezen, schrijven of Nederlands spreken moeilijk?")),
    )),
    Step(8, _("Veilig thuis"), _("Het gaat over veiligheid thuis. Deze vraag stellen we aan iedereen."), (
        Question("veilig_thuis", "LD05",
                 _("Voelt u zich thuis wel eens onveilig? Of is iemand thuis bang voor een ander?")),
    ), safety=True),
)
PLACE_STEP = len(STEPS) + 1  # "Waar woont u?": the optional postcode, then the results
LAST_STEP = PLACE_STEP
QUESTIONS: dict[str, Question] = {q.key: q for step in STEPS for q in step.questions}
SAFETY_KEYS = frozenset(q.key for step in STEPS if step.safety for q in step.questions)


def step(number: int) -> Step | None:
    return STEPS[number - 1] if 1 <= number <= len(STEPS) else None


@dataclass(frozen=True)
class Answers:
    """What the resident answered so far, read from the POST; skipped questions are absent."""

    given: dict[str, str]  # question key → JA / SOMS / NEE
    postcode: str = ""  # normalised PC6 or PC4, or ""
    postcode_typed: str = ""  # as typed, to show back when it was not a postcode
    postcode_invalid: bool = False

    @classmethod
    def from_post(cls, data: QueryDict) -> Answers:
        given: dict[str, str] = {}
        for key, question in QUESTIONS.items():
            value = data.get(question.field, "")
            if value in (JA, SOMS, NEE):
                given[key] = value
        typed = (data.get(POSTCODE_FIELD) or "").strip()[:10]
        # A resident who knows only the four digits still sees what is near: PC4 is enough.
        postcode = try_normalise_postcode(typed, allow_pc4=True) if typed else None
        return cls(given=given, postcode=postcode or "", postcode_typed=typed,
                   postcode_invalid=bool(typed) and postcode is None)

    def hidden_fields(self, *, except_step: int | None = None) -> list[tuple[str, str]]:
        """(name, value) of every answer not asked on `except_step`, to carry it through the next POST."""
        on_screen = step(except_step) if except_step else None
        shown = {q.key for q in on_screen.questions} if on_screen is not None else set()
        fields = [(QUESTIONS[key].field, value) for key, value in self.given.items() if key not in shown]
        if self.postcode and except_step != PLACE_STEP:
            fields.append((POSTCODE_FIELD, self.postcode))
        return fields

    def domains(self) -> list[str]:
        """LD codes where an answer was "Ja" or "Soms", in the order of the steps."""
        found: dict[str, None] = {}
        for step_ in STEPS:
            for question in step_.questions:
                if self.given.get(question.key) in PLAYS_A_PART:
                    found[question.domain] = None
        return list(found)

    def questions_for(self, domain: str) -> list[tuple[Question, str]]:
        """The questions of `domain` answered "Ja" or "Soms", with the answer."""
        return [(q, self.given[q.key]) for q in QUESTIONS.values()
                if q.domain == domain and self.given.get(q.key) in PLAYS_A_PART]

    @property
    def safety_concern(self) -> bool:
        return any(self.given.get(key) in PLAYS_A_PART for key in SAFETY_KEYS)

    def summary(self) -> str:
        """The answers that play a part, as lines the resident can read and change in the request form."""
        labels = dict(CHOICES)
        lines = [_gettext("Mijn antwoorden bij 'Wat speelt er?':")]
        for step_ in STEPS:
            for question in step_.questions:
                answer = self.given.get(question.key)
                if answer in PLAYS_A_PART:
                    lines.append(f"- {question.text} {labels[answer]}")
        return "\n".join(lines) if len(lines) > 1 else ""


def target_step(data: QueryDict) -> int | str:
    """Where the pressed button goes: a step number (clamped to the questionnaire) or RESULTS."""
    value = (data.get(STEP_FIELD) or "").strip()
    if value == RESULTS:
        return RESULTS
    try:
        number = int(value)
    except ValueError:
        return 1
    return min(max(number, 1), LAST_STEP)
