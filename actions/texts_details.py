"""The texts about a procedure's details: documents, fees, time, deadline, contact, online.

Part of `actions.texts` (merged into its TEXTS); kept apart so each file stays small.
"""

from __future__ import annotations

DETAIL_TEXTS: dict[str, dict[str, str]] = {
    "ask_topic": {"de": "Gern! Um welches Anliegen geht es denn? Zum Beispiel: "
                        "„Reisepass beantragen“.",
                  "en": "Sure! Which service is it about? For example: “apply for a "
                        "passport”."},
    "documents": {"de": "Für „{title}“ brauchen Sie:\n{items}",
                  "en": "For “{title}” you need:\n{items}"},
    "documents_unknown": {"de": "Eine Liste der Unterlagen für „{title}“ habe ich leider "
                                "nicht. {more}",
                          "en": "I do not have a list of documents for “{title}”. {more}"},
    "fees": {"de": "Gebühren für „{title}“: {fees}",
             "en": "Fees for “{title}”: {fees}"},
    "fees_unknown": {"de": "Zu den Gebühren für „{title}“ habe ich leider keine Angabe. "
                           "{more}",
                     "en": "I have no information on the fees for “{title}”. {more}"},
    "processing_time": {"de": "Bearbeitungszeit: {time}", "en": "Processing time: {time}"},
    "duration": {"de": "Bearbeitungszeit für „{title}“: {time}",
                 "en": "Processing time for “{title}”: {time}"},
    "duration_unknown": {"de": "Wie lange „{title}“ dauert, weiß ich leider nicht. {more}",
                         "en": "I do not know how long “{title}” takes. {more}"},
    "choose_first": {"de": "Dazu brauche ich zuerst Ihre Auswahl – worum geht es genau?",
                     "en": "Please pick one first – which of these do you mean?"},
    "contact_intro": {"de": "Zuständig für „{title}“ ist: {responsible}",
                      "en": "Responsible for “{title}”: {responsible}"},
    "contact_unknown": {"de": "Die Kontaktdaten finden Sie hier: {link}",
                        "en": "You can find the contact details here: {link}"},
    "online_yes": {"de": "Ja, „{title}“ können Sie online erledigen: {link}",
                   "en": "Yes, you can do “{title}” online: {link}"},
    "online_no": {"de": "Einen Online-Antrag für „{title}“ kenne ich leider nicht. {more}",
                  "en": "I do not know of an online application for “{title}”. {more}"},
    "more_info": {"de": "Alle Infos: {link}", "en": "All details: {link}"},
    "offline_yes": {"de": "Ja, „{title}“ geht auch ohne Internet: Das Papierformular gibt es bei der zuständigen Stelle (persönlich, per Post oder telefonisch anfordern); dort geben Sie es auch ab.",  # noqa: E501
                    "en": "Yes, “{title}” also works without the internet: the office in charge has the paper form (in person, by post or ask by phone), and you hand it in there."},  # noqa: E501
    "fact": {"de": "Zu Ihrer Frage: {fact}", "en": "On your question: {fact}"},
    "deadline_unknown": {"de": "Eine Frist für „{title}“ kann ich Ihnen leider nicht sicher "
                               "nennen. {more}",
                         "en": "I cannot tell you a deadline for “{title}” for sure. {more}"},
}
