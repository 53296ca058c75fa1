"""Answer building shared by the flows: procedure answer (with "next steps" for further
needs), choices, feedback question, contacts, and the failure replies (the first
failure asks again; `actions.gate` counts failures and builds the handoff).

Builds channel-neutral `Reply`s and `Response`s from catalogue objects; the
texts themselves come from `actions.texts`, the payloads from `replies.payloads`.
"""

from __future__ import annotations

from dataclasses import replace

from actions.common import (
    load_gemeinden,
    load_procedure,
    logger,
    named_gemeinde,
    residence_outside,
)
from actions.details import details_text, duration_text, fact_for
from actions.outside import names_case, with_outside_note
from actions.passage import answering_sentence
from actions.sdk import Response, SlotChanges, Turn
from actions.texts import (
    apply_line,
    login_line,
    say,
    short_answer_of,
    title_of,
)
from catalogue.clarify import clarification_for
from catalogue.db import BUERGERSERVICE_ID
from catalogue.errors import CatalogueError
from catalogue.gemeinden import find_gemeinde
from catalogue.models import Contact, Gemeinde, Procedure
from conversations.turn_record import Aspect, Candidate, Decision, Outcome
from replies import payloads
from replies.model import Choice, Link, Reply

MAX_CHOICES = 3
MAX_NEXT_STEPS = 3


def answer_slots(procedure: Procedure, *, gemeinde_needed: bool | None = None) -> SlotChanges:
    """Slots every answer about `procedure` sets: the context and a fresh failure count."""
    needed = (procedure.responsible_level == "gemeinde") if gemeinde_needed is None \
        else gemeinde_needed
    return (("procedure_id", procedure.id), ("gemeinde_needed", needed),
            ("search_failures", 0.0))


def answer_decision(procedure: Procedure) -> tuple[Decision, Outcome, str | None]:
    """answer (the Landratsamt handles it) or elsewhere (with the responsible level)."""
    if procedure.responsible_level == "landratsamt":
        return "answer", "link_given", None
    return "elsewhere", "sent_elsewhere", str(procedure.responsible_level)


def procedure_link(procedure: Procedure, language: str) -> Link:
    """The online form (or the info page when there is none)."""
    key = "button_online" if procedure.online_url else "button_info"
    return Link(say(key, language), procedure.link)


def feedback_question(language: str) -> Reply:
    """ "War das hilfreich?" with Ja / Nein."""
    return Reply(say("feedback_question", language),
                 choices=(Choice(say("feedback_yes_button", language),
                                 payloads.feedback_payload("yes")),
                          Choice(say("feedback_no_button", language),
                                 payloads.feedback_payload("no"))),
                 quick_reply=True, feedback_question=True)


def procedure_text(procedure: Procedure, language: str) -> str:
    """Title, who is responsible (if not the Landratsamt), short answer, link, and how to
    apply: the login for an online form, else the ways to apply without one."""
    lines = [title_of(procedure, language)]
    if procedure.responsible_level == "gemeinde":
        lines.append(say("responsible_gemeinde", language))
    elif procedure.responsible_level != "landratsamt":
        lines.append(say("responsible_other", language, responsible=procedure.responsible))
    lines.append(short_answer_of(procedure, language))
    key = "link_online" if procedure.online_url else "link_info"
    lines.append(say(key, language, link=procedure.link))
    how = apply_line(procedure, language)
    if how:
        lines.append(how)
    login = login_line(procedure, language)
    if login:
        lines.append(login)
    return "\n".join(lines)


def procedure_answer(procedure: Procedure, language: str,
                     candidates: tuple[Candidate, ...] = (), *,
                     next_steps: tuple[Procedure, ...] = (),
                     with_contact: bool = False, question: str | None = None) -> Response:
    """Answer with title, short answer and direct link (text and URL button); a checked
    fact that answers the citizen's `question` follows ("Ab 1,6 Promille …").

    `next_steps`: further procedures the message asked about, listed after the answer
    (buttons, not a choice). `with_contact`: add the responsible office's contact (the
    citizen wanted to talk to someone about it). If the Gemeinde is responsible, the
    feedback question waits: gemeinde_form asks for the place first (data/rules.yml).
    """
    replies = [Reply(procedure_text(procedure, language),
                     links=(procedure_link(procedure, language),))]
    if question and (fact := fact_for(question, procedure, language)) is not None:
        replies.append(Reply(say("fact", language, fact=fact)))
    if with_contact and procedure.responsible_level != "gemeinde":
        replies.append(Reply(contact_text(procedure, language)))
    if procedure.depends_on is not None and procedure.responsible_level != "gemeinde" \
            and not names_case(procedure.depends_on, question or ""):
        # Gemeindestraße or Kreisstraße, Grundschule or Gymnasium: ask, and let a named
        # place lead to the Rathaus (inform_gemeinde → action_gemeinde_contact); not when
        # the question says it ("… aufs Gymnasium", eighteenth probe).
        replies.append(Reply(say(f"depends_on_{procedure.depends_on}", language)))
    steps = tuple(p for p in next_steps if p.id != procedure.id)[:MAX_NEXT_STEPS]
    if steps:
        replies.append(Reply(say("next_steps", language),
                             choices=tuple(Choice(title_of(p, language),
                                                  payloads.choice_payload(p.id))
                                           for p in steps)))
    if procedure.responsible_level != "gemeinde":
        replies.append(feedback_question(language))
    decision, outcome, reason = answer_decision(procedure)
    return Response(tuple(replies), answer_slots(procedure), decision=decision,
                    outcome=outcome, reason=reason, candidates=candidates,
                    aspect="contact" if with_contact else None,
                    procedure_ids=(procedure.id, *(p.id for p in steps)))


def family_question(offered: list[Procedure], language: str,
                    candidates: tuple[Candidate, ...]) -> Response | None:
    """One short question when the choices belong to a known family (new / used /
    deregistered car …; catalogue/data/clarifications.yaml), else None."""
    try:
        found = clarification_for([p.id for p in offered])
    except CatalogueError:  # a broken families file must not break the conversation
        logger.exception("clarification families not usable: offering plain choices")
        return None
    if found is None:
        return None
    options = [(option.text(language), load_procedure(option.procedure_id))
               for option in found.options]
    buttons = [Choice(label, payloads.choice_payload(p.id)) for label, p in options if p]
    extra = [p for p in map(load_procedure, found.others) if p is not None]
    buttons += [Choice(title_of(p, language), payloads.choice_payload(p.id)) for p in extra]
    if len(buttons) < 2:
        return None
    ids = tuple(p.id for _, p in options if p) + tuple(p.id for p in extra)
    return Response((Reply(found.text(language), choices=tuple(buttons)),),
                    (("gemeinde_needed", False), ("search_failures", 0.0)),
                    decision="clarify", outcome="clarified", reason=f"family:{found.family}",
                    candidates=candidates, procedure_ids=ids)


def online_text(procedure: Procedure, language: str) -> str:
    """Can it be done online? The form and its login, else how to apply instead."""
    title = title_of(procedure, language)
    if not procedure.online_url:
        more = say("more_info", language, link=procedure.link)
        how = apply_line(procedure, language)
        if how is None:
            return say("online_no", language, title=title, more=more)
        if procedure.apply_channels:  # "Den Antrag stellen Sie persönlich oder per Post."
            no_form = say("online_no", language, title=title, more="").rstrip()
            return "\n".join([no_form, how, more])
        return "\n".join([how, more])  # already says that no online form is known
    lines = [say("online_yes", language, title=title, link=procedure.online_url)]
    login = login_line(procedure, language)
    if login:
        lines.append(login)
    return "\n".join(lines)


def _about_context(procedure: Procedure, language: str, text: str, aspect: Aspect) -> Response:
    """One aspect of the procedure in context, with its link and the feedback question."""
    decision, outcome, reason = answer_decision(procedure)
    return Response((Reply(text, links=(procedure_link(procedure, language),)),
                     feedback_question(language)),
                    answer_slots(procedure, gemeinde_needed=False), decision=decision,
                    outcome=outcome, reason=reason, aspect=aspect,
                    procedure_ids=(procedure.id,))


def deadline_answer(procedure: Procedure, language: str, sentence: str | None) -> Response:
    """"Bis wann?" answered with the sentence of the answer that states the time limit;
    without one, honestly so, and where to ask (seventeenth probe: "und bis wann muas i
    des beantragt ham" got a goodbye)."""
    title = title_of(procedure, language)
    text = say("deadline", language, title=title, sentence=sentence) if sentence else \
        say("deadline_unknown", language, title=title,
            more=say("more_info", language, link=procedure.link))
    return replace(_about_context(procedure, language, text, "processing_time"),
                   aspect=None, reason="deadline")


def same_office_for_place(procedure: Procedure, place: str, language: str) -> Response:
    """A place named after an answer whose office does not depend on it: the same office
    and its contact ("Ich wohne in Mettenheim" after the waste calendar)."""
    key = "same_office_landratsamt" if procedure.responsible_level == "landratsamt" \
        else "same_office_other"
    # The office's contact, not the whole answer again (the eighth blind probe read the
    # repeated answer as the bot not listening).
    lines = [say(key, language, place=place, office=procedure.responsible),
             *contact_lines(procedure.contact, language)]
    return replace(_about_context(procedure, language, "\n".join(lines), "contact"),
                   reason="same_office")


def online_answer(procedure: Procedure, language: str) -> Response:
    """"Kann ich das per Mail schicken?" about the procedure in context."""
    return _about_context(procedure, language, online_text(procedure, language), "online")


def offline_answer(procedure: Procedure, language: str) -> Response:
    """"Geht das auch auf Papier? Ich habe keinen Computer": yes, and where (fifteenth
    probe: a pensioner without a computer was told it can be done online)."""
    text = "\n".join([say("offline_yes", language, title=title_of(procedure, language)),
                      contact_text(procedure, language)])
    return _about_context(procedure, language, text, "contact")


def duration(procedure: Procedure, language: str) -> Response:
    """How long the procedure in context takes ("Wie lange dauert das?")."""
    return _about_context(procedure, language, duration_text(procedure, language),
                          "processing_time")


def details_answer(procedure: Procedure, language: str, aspects: list[str]) -> Response:
    """Fees, documents or duration of the procedure in context, all that was asked."""
    kinds: dict[str, Aspect] = {"fees": "fees", "documents": "documents"}
    first = kinds.get(aspects[0], "processing_time")
    return _about_context(procedure, language, details_text(procedure, language, aspects),
                          first)


def contact_answer(procedure: Procedure, language: str) -> Response:
    """Who handles the procedure in context, and how to reach them."""
    return _about_context(procedure, language, contact_text(procedure, language), "contact")


def choices(procedures: list[Procedure], language: str,
            candidates: tuple[Candidate, ...] = ()) -> Response:
    """The family question, else up to MAX_CHOICES procedures to pick from."""
    offered = procedures[:MAX_CHOICES]
    # All of them: a family question offered again ("was kostet das?" while its 4
    # options wait) must find the same family.
    question = family_question(procedures, language, candidates)
    if question is not None:
        return question
    reply = Reply(say("choose", language),
                  choices=tuple(Choice(title_of(p, language), payloads.choice_payload(p.id))
                                for p in offered))
    return Response((reply,), (("gemeinde_needed", False), ("search_failures", 0.0)),
                    decision="choose", outcome="clarified", candidates=candidates,
                    procedure_ids=tuple(p.id for p in offered))


def contact_lines(contact: Contact, language: str, website: str | None = None, *,
                  with_name: bool = True) -> list[str]:
    """Name, address, phone, e-mail, opening hours, website – whatever is known."""
    lines = [contact.name] if contact.name and with_name else []
    for key, value in (("field_address", contact.address), ("field_phone", contact.phone),
                       ("field_email", contact.email),
                       ("field_hours", contact.opening_hours), ("field_website", website)):
        if value:
            lines.append(say(key, language, value=value))
    return lines


def contact_text(procedure: Procedure, language: str) -> str:
    """Who is responsible for `procedure` and how to reach them."""
    title = title_of(procedure, language)
    lines = [say("contact_intro", language, title=title, responsible=procedure.responsible)]
    contact = procedure.contact
    if procedure.responsible_level == "landratsamt" and not contact.address:
        # "und wo ist das Landratsamt?": the office's department lacks an address – the
        # Landratsamt's own (from the Bürgerservice entry).
        service = load_procedure(BUERGERSERVICE_ID)
        if service is not None and service.contact.address:
            contact = contact.model_copy(update={"address": service.contact.address})
    details = contact_lines(contact, language)
    lines += details or [say("contact_unknown", language, link=procedure.link)]
    if details and not contact.opening_hours:
        # "Öffnungszeiten Zulassungsstelle": the catalogue has no hours – say where they are.
        lines.append(say("hours_unknown", language, link=procedure.info_url or procedure.link))
    return "\n".join(lines)


PLACEHOLDER_WEBSITES = frozenset({"https://www.lra-mue.de", "http://www.lra-mue.de"})


def rathaus_text(gemeinde: Gemeinde, language: str, procedure: Procedure | None) -> str:
    """The Rathaus contact of `gemeinde`, introduced by the topic if there is one."""
    name = gemeinde.rathaus.name or gemeinde.name
    if procedure is not None and procedure.responsible_level == "gemeinde":
        intro = say("rathaus_intro_topic", language, title=title_of(procedure, language),
                    name=name)
    else:
        intro = say("rathaus_intro", language, name=name)
    # Where a Gemeinde's own website is not confirmed, the catalogue holds the
    # Landratsamt's home page: no "Website" line that sends people there.
    website = None if gemeinde.website.rstrip("/") in PLACEHOLDER_WEBSITES else gemeinde.website
    lines = contact_lines(gemeinde.rathaus, language, website, with_name=False)
    return "\n".join([intro, *lines])


def buergerservice(language: str) -> Reply:
    """The Bürgerservice contact with a link to the secure contact form."""
    service = load_procedure(BUERGERSERVICE_ID)
    if service is None:
        logger.error("catalogue entry %s is missing: handoff without contact details",
                     BUERGERSERVICE_ID)
        return Reply(say("handoff_fallback", language))
    lines = [say("handoff", language), *contact_lines(service.contact, language)]
    lines.append(say("handoff_form", language, link=service.link))
    return Reply("\n".join(lines), links=(Link(say("handoff_button", language), service.link),))


def failure(turn: Turn, message: str | None = None, *, reason: str,
            decision: Decision = "rephrase", outcome: Outcome = "rephrase",
            candidates: tuple[Candidate, ...] = ()) -> Response:
    """A message the bot could not use: say so and ask again (default: to rephrase).

    Only the reply: `actions.gate` counts the failure and turns the second one in a
    row into `second_failure`.
    """
    return Response((Reply(message or say("rephrase", turn.language)),),
                    (("gemeinde_needed", False),), decision=decision, outcome=outcome,
                    reason=reason, candidates=candidates)


def second_failure(turn: Turn, candidates: tuple[Candidate, ...] = ()) -> Response:
    """The second failed message in a row: the Bürgerservice takes over."""
    return Response((Reply(say("rephrase_failed", turn.language)),
                     buergerservice(turn.language)),
                    (("gemeinde_needed", False), ("search_failures", 0.0)),
                    decision="handoff", outcome="handoff", reason="second_failure",
                    candidates=candidates)


def ask_the_office(context: Procedure, language: str,
                   candidates: tuple[Candidate, ...] = (), *,
                   lead: str = "ask_the_office", gemeinde: str | None = None,
                   question: str | None = None) -> Response:
    """The office of the procedure in context can tell. A Gemeinde matter: its Rathaus
    when the Gemeinde is known (`gemeinde`: the slot), else the answer again, which asks
    for the Gemeinde. With the citizen's `question`, the sentence of the answer that
    speaks to it comes first ("muss ich zur Polizei?" → "… zuerst bei der Polizei an.")."""
    sentence = answering_sentence(question, context, language) if question else None
    if sentence is not None and lead == "ask_the_office":
        lead = "ask_the_office_more"
        passage = Reply(say("deadline", language, title=title_of(context, language),
                            sentence=sentence))
        found = _ask_the_office(context, language, candidates, lead=lead, gemeinde=gemeinde)
        return replace(found, replies=(passage, *found.replies), reason="passage")
    return _ask_the_office(context, language, candidates, lead=lead, gemeinde=gemeinde)


def _ask_the_office(context: Procedure, language: str, candidates: tuple[Candidate, ...],
                    *, lead: str, gemeinde: str | None) -> Response:
    if context.responsible_level == "gemeinde":
        known = find_gemeinde(load_gemeinden(), gemeinde) if gemeinde else None
        if known is None:
            return replace(procedure_answer(context, language), candidates=candidates,
                           reason="ask_the_office")
        return Response((Reply(say(lead, language)),
                         Reply(rathaus_text(known, language, context)),
                         feedback_question(language)),
                        (("gemeinde_needed", False),), decision="elsewhere",
                        outcome="sent_elsewhere", reason=lead, candidates=candidates,
                        procedure_ids=(context.id,), aspect="contact")
    office = contact_answer(context, language)
    return replace(office, replies=(Reply(say(lead, language)), *office.replies),
                   reason=lead, candidates=candidates)



def with_rathaus(response: Response, procedure: Procedure, text: str,
                 language: str) -> Response:
    """A Gemeinde matter answered together with the Rathaus of the Gemeinde the message
    already names ("ich wohne in Waldkraiburg und mein Reisepass läuft ab"): no question
    back for the place. Otherwise `response` unchanged."""
    if procedure.responsible_level in ("landratsamt", "gemeinde") and (
            place := residence_outside(text)) is not None:
        # "Ich wohne in Töging am Inn": another district's Landratsamt, or the Gemeinde
        # there, is responsible (sixteenth and eighteenth probes; `actions.outside`).
        return with_outside_note(response, procedure, place, language)
    gemeinde = named_gemeinde(text) if procedure.responsible_level == "gemeinde" else None
    if gemeinde is None:
        return response
    rathaus = Reply(rathaus_text(gemeinde, language, procedure))
    slots = tuple((k, v) for k, v in response.slots if k != "gemeinde_needed")
    return replace(response, replies=(*response.replies, rathaus, feedback_question(language)),
                   slots=(*slots, ("gemeinde_needed", False), ("gemeinde", gemeinde.id)),
                   links=(*response.links, *((gemeinde.website,) if gemeinde.website else ())))
