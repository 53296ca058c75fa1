"""Everything the citizen reads, in German (Sie-form) and English: the one place for texts.

Texts live here, not in domain.yml, because the language is detected per
message inside the actions and the content comes from the catalogue.
Keep them short and plain: one idea per sentence, no office jargon.
Other modules compose these texts (`actions.answers`) but never spell out their own.
"""

from __future__ import annotations

import re
from typing import Any

from actions.texts_crisis import CRISIS_TEXTS
from actions.texts_details import DETAIL_TEXTS
from catalogue.models import Procedure

TEXTS: dict[str, dict[str, str]] = {
    # -- answers -------------------------------------------------------------------
    "link_online": {"de": "Hier geht es direkt zum Online-Antrag: {link}",
                    "en": "Apply online here: {link}"},
    "link_info": {"de": "Alle Infos finden Sie hier: {link}",
                  "en": "You can find all details here: {link}"},
    "button_online": {"de": "Zum Online-Antrag", "en": "Go to the online application"},
    # No known online form: say how to apply instead of implying one (issue #15).
    "apply_channels": {"de": "Den Antrag stellen Sie {channels}.", "en": "You apply {channels}."},
    "apply_without_form": {"de": "Ein Online-Formular dafür kennen wir nicht. Sie können sich "
                                 "persönlich, per Post oder über das sichere Kontaktformular "
                                 "an das Landratsamt wenden.",
                           "en": "We know of no online form for this. You can contact the "
                                 "district office in person, by post or via its secure "
                                 "contact form."},
    # The entry says an online way exists, but its address is not verified yet: the info
    # page leads there. (The fifth blind probe read "Einen geprüften direkten Link …
    # haben wir noch nicht" as an internal note.)
    # "geht das online?" wants a yes first (twelfth probe).
    "apply_online_unlinked": {"de": "Das geht auch online: Den Weg zum Online-Angebot finden "
                                    "Sie auf der Infoseite (Link unten). Sie können sich auch "
                                    "persönlich, per Post oder über das sichere "
                                    "Kontaktformular an das Landratsamt wenden.",
                              "en": "This can also be done online: the information page (link "
                                    "below) shows the way to the online service. You can also "
                                    "contact the district office in person, by post or via its "
                                    "secure contact form."},
    "channel_in_person": {"de": "persönlich", "en": "in person"},
    "channel_post": {"de": "per Post", "en": "by post"},
    "channel_secure_contact_form": {"de": "über das sichere Kontaktformular des Landratsamts",
                                    "en": "via the district office's secure contact form"},
    "channel_online": {"de": "online", "en": "online"},
    "channel_or": {"de": "oder", "en": "or"},
    "button_info": {"de": "Mehr Informationen", "en": "More information"},
    "login_bayernid": {"de": "Für den Online-Antrag brauchen Sie eine BayernID "
                             "(z. B. mit dem Online-Ausweis).",
                       "en": "For the online application you need a BayernID account "
                             "(e.g. with your online ID card)."},
    "login_elster": {"de": "Sie melden sich mit Ihrem ELSTER-Zertifikat an.",
                     "en": "You log in with your ELSTER certificate."},
    "login_none": {"de": "Eine BayernID brauchen Sie dafür nicht.",
                   "en": "You do not need a BayernID account for this."},
    "only_german": {"de": "", "en": "(Details are only available in German.)"},
    "responsible_gemeinde": {
        "de": "Dafür ist nicht das Landratsamt zuständig, sondern Ihre Gemeinde "
              "(Rathaus bzw. Bürgerbüro).",
        "en": "This is not handled by the district office but by your municipality "
              "(town hall / citizens' office)."},
    "responsible_other": {
        "de": "Dafür ist nicht das Landratsamt zuständig, sondern: {responsible}.",
        "en": "This is not handled by the district office but by: {responsible}."},
    "feedback_question": {"de": "War das hilfreich?", "en": "Was this helpful?"},
    "feedback_yes_button": {"de": "Ja", "en": "Yes"},
    "feedback_no_button": {"de": "Nein", "en": "No"},
    # -- search --------------------------------------------------------------------
    "choose": {"de": "Dazu habe ich mehrere Möglichkeiten gefunden. Was meinen Sie?",
               "en": "I found several options. Which one do you mean?"},
    "correction_sorry": {"de": "Entschuldigung, dann habe ich Sie falsch verstanden. Beschreiben "
                               "Sie Ihr Anliegen bitte mit anderen Worten – oder fragen Sie "
                               "den Bürgerservice:",
                         "en": "Sorry, then I misunderstood you. Please describe your request "
                               "in other words – or ask the citizens' service:"},
    "rephrase": {"de": "Das habe ich leider nicht genau verstanden. Können Sie Ihr Anliegen "
                       "mit anderen Worten beschreiben? Zum Beispiel: „Auto abmelden“ oder "
                       "„Aufenthaltstitel verlängern“.",
                 "en": "Sorry, I did not quite understand. Could you describe your request "
                       "in other words? For example: “deregister my car” or “renew my "
                       "residence permit”."},
    "rephrase_failed": {"de": "Das habe ich leider wieder nicht gefunden. Am besten hilft "
                              "Ihnen der Bürgerservice persönlich weiter.",
                        "en": "Sorry, I still could not find it. The citizens' service "
                              "can help you in person."},
    "out_of_scope": {"de": "Dabei kann ich leider nicht helfen. Ich beantworte Fragen zu den "
                           "Anliegen beim Landratsamt Mühldorf a. Inn, z. B. Kfz-Zulassung, "
                           "Führerschein, Aufenthaltstitel oder Bauantrag.",
                     "en": "Sorry, I cannot help with that. I answer questions about services "
                           "of the district office Mühldorf a. Inn, e.g. vehicle registration, "
                           "driving licences, residence permits or building permits."},
    "search_unavailable": {"de": "Die Suche ist gerade leider nicht erreichbar.",
                           "en": "The search is unavailable at the moment, sorry."},
    "choice_unknown": {"de": "Diese Auswahl kenne ich leider nicht. Worum geht es Ihnen?",
                       "en": "Sorry, I do not know that option. What is your request about?"},
    "next_steps": {"de": "Außerdem wichtig für Sie:", "en": "Also relevant for you:"},
    "payload_unknown": {"de": "Diese Eingabe kann ich leider nicht verarbeiten. Beschreiben "
                              "Sie Ihr Anliegen bitte in eigenen Worten, z. B. „Auto "
                              "abmelden“.",
                        "en": "Sorry, I cannot process that input. Please describe your "
                              "request in your own words, e.g. “deregister my car”."},
    # -- contact fields ------------------------------------------------------------
    "field_phone": {"de": "Telefon: {value}", "en": "Phone: {value}"},
    "field_email": {"de": "E-Mail: {value}", "en": "E-mail: {value}"},
    "other_language": {"de": "Ich kann leider nur Deutsch und Englisch. Bitte schreiben Sie "
                             "mir auf Deutsch oder Englisch – gern auch in einfachen Worten.\n"
                             "Sorry, I can only answer in German or English. Please write to "
                             "me in German or English – simple words are fine."},
    "language_switched": {"de": "Gern, ich antworte auf Deutsch. Wobei kann ich helfen?",
                          "en": "Sure, I will answer in English. How can I help?"},
    "hours_unknown": {"de": "Die aktuellen Öffnungszeiten stehen auf der Infoseite; viele "
                            "Stellen arbeiten mit Termin: {link}",
                      "en": "Current opening hours are on the information page; many offices "
                            "work by appointment: {link}"},
    "field_hours": {"de": "Öffnungszeiten: {value}", "en": "Opening hours (German): {value}"},
    "field_address": {"de": "Adresse: {value}", "en": "Address: {value}"},
    "field_website": {"de": "Website: {value}", "en": "Website: {value}"},
    # -- consultation --------------------------------------------------------------
    "consultation_yes": {"de": "Für „{title}“ können Sie eine Online-Sprechstunde (Video) "
                               "buchen: {link}",
                         "en": "For “{title}” you can book an online video consultation: "
                               "{link}"},
    "consultation_button": {"de": "Sprechstunde buchen", "en": "Book a consultation"},
    "consultation_no": {"de": "Für „{title}“ gibt es leider keine Online-Sprechstunde.",
                        "en": "There is no online consultation for “{title}”."},
    "consultation_reach": {"de": "So erreichen Sie die zuständige Stelle:",
                           "en": "You can reach the responsible office like this:"},
    "consultation_ask": {"de": "Gern! Zu welchem Anliegen möchten Sie eine Sprechstunde? "
                               "Zum Beispiel: „Einbürgerung“.",
                         "en": "Sure! Which service would you like a consultation about? "
                               "For example: “naturalisation”."},
    # -- Gemeinde ------------------------------------------------------------------
    "ask_gemeinde": {"de": "In welcher Gemeinde wohnen Sie? Dann nenne ich Ihnen das "
                           "zuständige Rathaus.",
                     "en": "Which municipality do you live in? Then I can tell you the "
                           "responsible town hall."},
    # Where the event happened decides, not where the citizen lives.
    "ask_gemeinde_sterbefall": {"de": "In welcher Gemeinde ist der Todesfall eingetreten? "
                                      "Das Standesamt dort ist zuständig.",
                                "en": "In which municipality did the death occur? The "
                                      "registry office there is responsible."},
    "ask_gemeinde_geburtsurkunde": {"de": "In welcher Gemeinde wurde das Kind geboren? Das "
                                          "Standesamt dort ist zuständig.",
                                    "en": "In which municipality was the child born? The "
                                          "registry office there is responsible."},
    "ask_gemeinde_fundbuero": {"de": "In welcher Gemeinde haben Sie es verloren (oder "
                                     "gefunden)? Das Fundbüro dort ist zuständig.",
                               "en": "In which municipality did you lose (or find) it? The "
                                     "lost-and-found office there is responsible."},
    "depends_on_road": {"de": "Um welche Straße geht es? Bei einer Gemeindestraße ist Ihre "
                              "Gemeinde zuständig – nennen Sie mir den Ort, dann gebe ich Ihnen "
                              "das Rathaus. Bei Kreis-, Staats- und Bundesstraßen hilft Ihnen "
                              "das Landratsamt (Link oben).",
                        "en": "Which road is it? On a municipal road your municipality is "
                              "responsible – tell me the town and I will give you its town hall. "
                              "On district, state and federal roads the district office helps "
                              "(link above)."},
    "depends_on_school_type": {"de": "Welche Schule besucht Ihr Kind? Bei Grund- und "
                                     "Mittelschulen ist die Gemeinde zuständig – nennen Sie mir "
                                     "den Ort, dann gebe ich Ihnen das Rathaus. Bei "
                                     "weiterführenden Schulen hilft Ihnen das Landratsamt "
                                     "(Link oben).",
                               "en": "Which school does your child attend? For primary and "
                                     "middle schools the municipality is responsible – tell me "
                                     "the town and I will give you its town hall. For secondary "
                                     "schools the district office helps (link above)."},
    "complaint": {"de": "Das tut mir leid. Ihre Beschwerde nimmt der Bürgerservice gern "
                        "persönlich auf:",
                  "en": "I am sorry to hear that. The citizens' service will take your "
                        "complaint in person:"},
    "deadline": {"de": "Zu „{title}“: {sentence}", "en": "On “{title}”: {sentence}"},
    "complaint_office": {"de": "Das tut mir leid – das ist ärgerlich. Am schnellsten hilft "
                               "Ihnen die zuständige Stelle direkt:",
                         "en": "I am sorry – that is frustrating. The office in charge can "
                               "help you fastest:"},
    "complaint_also": {"de": "Ihre Beschwerde nimmt auch der Bürgerservice auf.",
                       "en": "The citizens' service also takes complaints."},
    "same_office_landratsamt": {
        "de": "Auch für {place} ist dafür das Landratsamt zuständig – nicht das Rathaus:",
        "en": "For {place}, too, the district office (Landratsamt) handles this – not the "
              "town hall:"},
    "same_office_other": {
        "de": "Auch für {place} bleibt dafür zuständig: {office}.",
        "en": "For {place}, too, this stays with: {office}."},
    "ask_status": {"de": "Den Bearbeitungsstand Ihres Antrags kann ich nicht einsehen, und über "
                         "diesen Chat gehen keine Anträge ein. Fragen Sie bei der zuständigen "
                         "Stelle nach, am besten mit Ihrem Aktenzeichen:",
                   "en": "I cannot see how far your application is, and no applications are "
                         "received through this chat. Please ask the responsible office, ideally "
                         "with your file number:"},
    "privacy_chat": {"de": "Personenangaben (Namen, Adressen, Telefon- und Aktenzeichen-Nummern) "
                           "werden vor dem Speichern durch Platzhalter ersetzt. Die Gespräche "
                           "werden nach 90 Tagen gelöscht; Mitarbeitende des Landratsamts werten "
                           "sie aus, um den Dienst zu verbessern. IP-Adressen werden nicht mit "
                           "den Gesprächen gespeichert, und über diesen Chat gehen keine Anträge "
                           "ein. Datenschutzhinweise: {url}",
                     "en": "Personal details (names, addresses, phone and file numbers) are "
                           "replaced by placeholders before anything is stored. Conversations "
                           "are deleted after 90 days; staff of the district office review them "
                           "to improve the service. IP addresses are not stored with the "
                           "conversations, and no applications are received through this chat. "
                           "Privacy notice: {url}"},
    "ask_proxy": {"de": "Ob jemand anderes das mit Ihrer schriftlichen Vollmacht (und Ihrem "
                        "Ausweis) für Sie erledigen kann, sagt Ihnen die zuständige Stelle:",
                  "en": "Whether someone else can do this for you with your written power of "
                        "attorney (and your ID), the responsible office can tell you:"},
    "ask_the_office": {"de": "Dazu habe ich keine genaue Auskunft – die zuständige Stelle "
                             "kann es Ihnen sagen:",
                       "en": "I have no exact answer to that – the responsible office can "
                             "tell you:"},
    "ask_the_office_more": {"de": "Genaueres kann Ihnen die zuständige Stelle sagen:",
                            "en": "The responsible office can tell you more:"},
    "gemeinde_for_question": {"de": "Das kann Ihnen Ihr Rathaus genau sagen – dafür brauche "
                                    "ich nur noch Ihre Gemeinde.",
                              "en": "Your town hall can tell you exactly – I just need your "
                                    "municipality for that."},
    "landratsamt_outside": {"de": "Hinweis: {place} liegt nicht im Landkreis Mühldorf a. Inn – zuständig ist das Landratsamt Ihres Landkreises.",  # noqa: E501
                            "en": "Note: {place} is not in the district of Mühldorf a. Inn – the district office of your own district is responsible."},  # noqa: E501
    "landratsamt_outside_office": {"de": "Hinweis: {place} liegt nicht im Landkreis Mühldorf a. Inn. Für Sie zuständig ist dort: {office} (nicht das Landratsamt Mühldorf a. Inn).",  # noqa: E501
                                   "en": "Note: {place} is not in the district of Mühldorf a. Inn. The authority responsible for you there: {office} (not the district office of Mühldorf a. Inn)."},  # noqa: E501
    "gemeinde_outside": {"de": "Hinweis: {place} liegt nicht im Landkreis Mühldorf a. Inn – zuständig ist dort die Gemeinde bzw. Stadt {place} (Rathaus oder Bürgerbüro).",  # noqa: E501
                         "en": "Note: {place} is not in the district of Mühldorf a. Inn – the municipality of {place} (town hall or citizens' office) is responsible there."},  # noqa: E501
    "gemeinde_event_outside": {"de": "{place} liegt nicht im Landkreis Mühldorf a. Inn – "
                                     "zuständig ist die Gemeinde dort (bei einer Geburt oder "
                                     "einem Todesfall ihr Standesamt).",
                               "en": "{place} is not in the district of Mühldorf a. Inn – the "
                                     "municipality there is responsible (for a birth or a "
                                     "death, its registry office)."},
    "gemeinde_unknown": {"de": "„{text}“ habe ich nicht als Gemeinde im Landkreis Mühldorf "
                               "a. Inn gefunden. Wohnen Sie außerhalb des Landkreises, ist "
                               "das Rathaus bzw. Landratsamt Ihres Wohnorts zuständig. Sonst "
                               "nennen Sie bitte den Ort, z. B. „Waldkraiburg“ oder "
                               "„Ampfing“.",
                         "en": "I could not find “{text}” among the municipalities of the "
                               "district Mühldorf a. Inn. If you live outside the district, "
                               "the town hall or district office of your place is "
                               "responsible. Otherwise please name the town, e.g. "
                               "“Waldkraiburg” or “Ampfing”."},
    "gemeinde_giveup": {"de": "Ihre Gemeinde habe ich leider nicht gefunden. Zuständig ist "
                              "das Rathaus Ihres Wohnorts – die Kontaktdaten stehen auf der "
                              "Website Ihrer Gemeinde.",
                        "en": "Sorry, I could not find your municipality. The town hall of "
                              "the place where you live is responsible – its contact details "
                              "are on its website."},
    "rathaus_intro": {"de": "Zuständig ist: {name}",
                      "en": "Please contact: {name}"},
    "rathaus_intro_topic": {"de": "Für „{title}“ ist zuständig: {name}",
                            "en": "For “{title}”, please contact: {name}"},
    # -- handoff -------------------------------------------------------------------
    "handoff": {"de": "Gern – der Bürgerservice des Landratsamts hilft Ihnen persönlich "
                      "weiter:",
                "en": "Sure – the citizens' service of the district office will help you "
                      "in person:"},
    "handoff_form": {"de": "Sicheres Kontaktformular: {link}",
                     "en": "Secure contact form: {link}"},
    "handoff_button": {"de": "Zum Kontaktformular", "en": "Open the contact form"},
    "handoff_fallback": {"de": "Bitte wenden Sie sich direkt an das Landratsamt Mühldorf "
                               "a. Inn.",
                         "en": "Please contact the district office Mühldorf a. Inn "
                               "directly."},
    # -- feedback ------------------------------------------------------------------
    "feedback_thanks_yes": {"de": "Danke für Ihre Rückmeldung! Kann ich sonst noch helfen?",
                            "en": "Thank you for your feedback! Anything else I can do?"},
    "feedback_thanks_no": {"de": "Danke für Ihre Rückmeldung – das hilft uns, besser zu "
                                 "werden. Beschreiben Sie Ihr Anliegen gern mit anderen "
                                 "Worten, oder schreiben Sie „Mitarbeiter“, dann nenne ich "
                                 "Ihnen den Bürgerservice.",
                           "en": "Thank you for your feedback – it helps us improve. Feel free "
                                 "to describe your request in other words, or write “human” "
                                 "and I will give you the citizens' service contact."},
    "affirm_generic": {"de": "Alles klar. Wobei kann ich Ihnen helfen?",
                       "en": "All right. How can I help you?"},
    "deny_generic": {"de": "In Ordnung. Wobei kann ich Ihnen sonst helfen?",
                     "en": "All right. What else can I help you with?"},
    # -- small talk ----------------------------------------------------------------
    "greet": {"de": "Grüß Gott! Ich bin der Wegweiser des Landratsamts Mühldorf a. Inn. "
                    "Sagen Sie mir einfach, worum es geht – z. B. „Ich möchte mein Auto "
                    "abmelden“.",
              "en": "Hello! I am the Wegweiser of the district office Mühldorf a. Inn. "
                    "Just tell me what you need – e.g. “I want to deregister my car”."},
    "goodbye": {"de": "Auf Wiedersehen und alles Gute!",
                "en": "Goodbye and all the best!"},
    "thanks": {"de": "Gern geschehen! Kann ich sonst noch helfen?",
               "en": "You're welcome! Anything else I can help with?"},
    "bot_challenge": {"de": "Ich bin ein Computerprogramm, kein Mensch. Ich helfe Ihnen, "
                            "das richtige Amt und den passenden Antrag zu finden. Wenn Sie "
                            "lieber mit einem Menschen sprechen, schreiben Sie einfach "
                            "„Mitarbeiter“.",
                      "en": "I am a computer program, not a person. I help you find the "
                            "right office and application. If you prefer to talk to a "
                            "person, just write “human”."},
}
TEXTS.update(CRISIS_TEXTS)
TEXTS.update(DETAIL_TEXTS)


def say(key: str, language: str, **values: Any) -> str:
    """The text `key` in `language` (German if missing), with `values` filled in."""
    variants = TEXTS[key]
    template = variants.get(language) or variants["de"]
    return template.format(**values)


def title_of(procedure: Procedure, language: str) -> str:
    return (procedure.title_en or procedure.title) if language == "en" else procedure.title


def short_answer_of(procedure: Procedure, language: str) -> str:
    if language == "en":
        if procedure.short_answer_en:
            return procedure.short_answer_en
        return f"{procedure.short_answer} {say('only_german', 'en')}"
    return procedure.short_answer


def fees_of(procedure: Procedure, language: str) -> str | None:
    """The fees in `language` (the German when no English version exists)."""
    return (procedure.fees_en or procedure.fees) if language == "en" else procedure.fees


def processing_time_of(procedure: Procedure, language: str) -> str | None:
    if language == "en":
        return procedure.processing_time_en or procedure.processing_time
    return procedure.processing_time


def facts_of(procedure: Procedure, language: str) -> list[str]:
    """The checked facts in `language`; the German ones unless all exist in English."""
    if language == "en" and len(procedure.facts_en) == len(procedure.facts):
        return procedure.facts_en
    return procedure.facts


def documents_of(procedure: Procedure, language: str) -> list[str]:
    """The documents in `language`; the German list unless a complete English one exists."""
    if language == "en" and len(procedure.documents_en) == len(procedure.documents):
        return procedure.documents_en
    return procedure.documents


# Entries with nothing to apply for — counselling, opening hours, contact, information
# pages: "Ein Online-Formular dafür kennen wir nicht" read as boilerplate there (eighth
# blind probe).
_NOTHING_TO_APPLY = re.compile(r"beratung|öffnungszeiten|kontakt|informationen|sprechstunde|"
                               r"online-dienste|wertstoffhöfe|verschenkemarkt", re.IGNORECASE)
_ONLINE_SAID = re.compile(r"online|digital|bayernportal|i-kfz|internet", re.IGNORECASE)


def apply_line(procedure: Procedure, language: str) -> str | None:
    """How to apply when no online form is known: the entry's `apply_channels`, else for
    the Landratsamt its general ways in (in person, post, secure contact form - notes on
    electronic communication, lra-mue.de). None if there is an online form, or if another
    authority is responsible (its contact is given instead)."""
    if procedure.online_url:
        return None
    channels = [str(c) for c in procedure.apply_channels]
    if not channels:
        if procedure.responsible_level != "landratsamt" or _NOTHING_TO_APPLY.search(
                procedure.title):
            return None
        # "können Sie vorab online reservieren" in the answer and "no online form" after
        # it contradicted each other; so did "geht auch digital über das BayernPortal".
        online_said = _ONLINE_SAID.search(short_answer_of(procedure, language)) is not None
        return say("apply_online_unlinked" if online_said else "apply_without_form", language)
    names = [say(f"channel_{c}", language) for c in channels]
    joined = names[0] if len(names) == 1 else \
        f"{', '.join(names[:-1])} {say('channel_or', language)} {names[-1]}"
    return say("apply_channels", language, channels=joined)


def login_line(procedure: Procedure, language: str) -> str | None:
    """Whether the online application needs BayernID / ELSTER (only if it exists)."""
    if not procedure.online_url:
        return None
    return say(f"login_{procedure.login}", language)
