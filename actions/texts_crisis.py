"""The crisis texts (actions.crisis_reply, crisis_followup, safety line), German and English.

Kept apart from `actions.texts` (which merges them into TEXTS) only for size; the same
rules apply: short, plain, Sie-form, numbers first. Checked facts: docs/dialogue.md.
"""

from __future__ import annotations

CRISIS_TEXTS: dict[str, dict[str, str]] = {
    "crisis_intro": {"de": "Ich bin ein automatischer Assistent – aber Hilfe gibt es jetzt "
                           "sofort:",
                     "en": "I am an automated assistant – but help is available right now:"},
    "crisis_violence": {"de": "In akuter Gefahr: Polizei 110 oder Notruf 112.\n"
                              "Hilfetelefon Gewalt gegen Frauen: 116 016 – rund um die Uhr, "
                              "kostenlos, anonym, in vielen Sprachen; es hilft auch, einen Platz "
                              "im Frauenhaus zu finden. Telefonieren geht nicht? Das Hilfetelefon "
                              "berät auch per Chat und E-Mail: hilfetelefon.de\n"
                              "Hilfetelefon Gewalt an Männern: 0800 1239900.",
                        "en": "In immediate danger: police 110 or emergency 112.\n"
                              "Helpline Violence against Women: 116 016 – 24 hours, free, "
                              "anonymous, in many languages; it also helps you find a place in a "
                              "women's shelter. Cannot phone? The helpline also advises by chat "
                              "and e-mail: hilfetelefon.de\n"
                              "Helpline for men affected by violence: 0800 1239900."},
    "crisis_suicide": {"de": "Sie müssen damit nicht allein sein. Die TelefonSeelsorge ist rund "
                             "um die Uhr für Sie da, kostenlos und anonym: 0800 111 0 111 oder "
                             "0800 111 0 222 – lieber schreiben? Chat und Mail: "
                             "online.telefonseelsorge.de\n"
                             "Krisendienste Bayern: 0800 655 3000 – rund um die Uhr, kostenlos; "
                             "wenn nötig, kommt auch jemand zu Ihnen.\n"
                             "In akuter Gefahr: Notruf 112.",
                       "en": "You do not have to face this alone. TelefonSeelsorge (crisis line) "
                             "is there for you 24 hours a day, free and anonymous: "
                             "0800 111 0 111 or 0800 111 0 222 – rather write? Chat and e-mail: "
                             "online.telefonseelsorge.de\n"
                             "Krisendienste Bayern (Bavarian crisis service): 0800 655 3000 – "
                             "day and night, free; if needed, someone can also come to you.\n"
                             "In immediate danger: call 112."},
    "crisis_child": {"de": "Ist ein Kind in akuter Gefahr: Polizei 110.",
                     "en": "If a child is in immediate danger: police 110."},
    "crisis_child_helpline": {"de": "Nummer gegen Kummer: 116 111 für Kinder und Jugendliche, "
                                    "0800 111 0 550 für Eltern.",
                              "en": "Nummer gegen Kummer (helpline): 116 111 for children and "
                                    "young people, 0800 111 0 550 for parents."},
    "crisis_child_office": {"de": "Kinderschutz – {name}: Telefon {phone}",
                            "en": "Child protection (youth office) – {name}: phone {phone}"},
    "crisis_medical": {"de": "Rufen Sie sofort den Notruf 112 an.\n"
                             "Nicht lebensbedrohlich? Ärztlicher Bereitschaftsdienst: 116 117.\n"
                             "Vergiftung? Giftnotruf München, rund um die Uhr: 089 19240.",
                       "en": "Call the emergency number 112 now.\n"
                             "Not life-threatening? On-call doctors' service: 116 117.\n"
                             "Poisoning? Poison control centre Munich, day and night: "
                             "+49 89 19240."},
    # Gas, fire, oil or chemicals running out: the fire brigade; a leak that may reach the
    # water must also be reported to the authority (AwSV § 24: Landratsamt or police).
    "crisis_danger": {"de": "Bei Feuer, Rauch, Gasgeruch, Hochwasser im Haus, auslaufendem Öl "
                            "oder einem verschmutzten Gewässer (tote Fische, Gülle im Bach): "
                            "Feuerwehr-Notruf 112.\n"
                            "Bei Gasgeruch: Gebäude sofort verlassen, keine Schalter, keine "
                            "Klingel, kein Feuer – von draußen 112 und den Störungsdienst Ihres "
                            "Gasversorgers anrufen.\n"
                            "Ausgelaufenes Öl, Chemikalien oder Gülle und verschmutzte "
                            "Gewässer melden Sie danach auch dem Landratsamt (Wasserrecht).\n"
                            "Munition oder Sprengkörper gefunden: nicht anfassen, Abstand "
                            "halten, andere fernhalten und sofort die Polizei rufen (110) – "
                            "sie holt den Kampfmittelräumdienst.\n"
                            "Wasser im Keller: nicht hineingehen, solange dort Strom anliegt.\n"
                            "Ein Hindernis auf der Fahrbahn (umgestürzter Baum, verlorene "
                            "Ladung): Polizei 110 – Warnblinker an, Abstand halten, andere "
                            "warnen, nicht selbst wegräumen.",
                      "en": "Fire, smoke, a smell of gas, flooding in the house, leaking oil "
                            "or a polluted stream (dead fish, slurry in the water): call the "
                            "fire brigade on 112.\n"
                            "If you smell gas: leave the building at once, no switches, no "
                            "doorbell, no flame – call 112 and your gas supplier's emergency "
                            "service from outside.\n"
                            "Afterwards, report leaked oil, chemicals or slurry and polluted "
                            "water to the Landratsamt (water authority) too.\n"
                            "Found ammunition or explosives: do not touch, keep your distance, "
                            "keep others away and call the police at once (110) – they call "
                            "the bomb disposal service.\n"
                            "Water in the cellar: do not go in while the power is on there.\n"
                            "An obstacle on the road (a fallen tree, a lost load): police 110 "
                            "– hazard lights on, keep your distance, warn others, do not clear "
                            "it yourself."},
    # Losing one's home: in Bavaria the Gemeinde must house the homeless (its public-order
    # duty); no typed-in numbers — the Rathaus comes from the Gemeinde data, if known.
    "crisis_homeless": {"de": "Wenn Sie keine Wohnung mehr haben oder sie gerade verlieren: Ihre "
                              "Gemeinde muss Ihnen eine Notunterkunft geben – die Unterbringung "
                              "von Obdachlosen ist in Bayern Aufgabe der Gemeinde.\n"
                              "Wenden Sie sich so früh wie möglich an Ihr Rathaus (Ordnungsamt), "
                              "außerhalb der Öffnungszeiten an die Polizei.\n"
                              "Bei Mietschulden können Jobcenter oder Sozialamt unter Umständen "
                              "helfen. Beratung gibt es auch bei der Sozialberatung der "
                              "Wohlfahrtsverbände, z. B. Caritas oder Diakonie.",
                        "en": "If you have lost your home or are about to lose it: your "
                              "municipality (Gemeinde) must give you emergency accommodation – in "
                              "Bavaria, housing homeless people is the municipality's duty.\n"
                              "Contact your town hall (Rathaus, public order office) as early as "
                              "possible; outside opening hours, the police.\n"
                              "With rent arrears, the job centre or the social welfare office may "
                              "be able to help. Advice is also available from the social "
                              "counselling of welfare organisations such as Caritas or Diakonie."},
    "crisis_homeless_rathaus": {"de": "Ihr Rathaus: {name}", "en": "Your town hall: {name}"},
    "crisis_homeless_ask_gemeinde": {"de": "Nennen Sie mir Ihre Gemeinde, dann gebe ich Ihnen die "
                                           "Kontaktdaten Ihres Rathauses.",
                                     "en": "Tell me your municipality and I will give you your "
                                           "town hall's contact details."},
    # After the emergency number: help is on its way (actions.crisis_followup).
    "crisis_medical_waiting": {"de": "Gut, dass Hilfe unterwegs ist. Bis der Rettungsdienst "
                                     "da ist: Bleiben Sie bei der Person und sprechen Sie mit "
                                     "ihr, geben Sie nichts zu essen oder zu trinken. Ist sie "
                                     "bewusstlos und atmet, stabile Seitenlage; atmet sie "
                                     "nicht, Herzdruckmassage – die Leitstelle (112) leitet Sie "
                                     "am Telefon an. Öffnen Sie die Haustür und machen Sie "
                                     "Licht.",
                               "en": "Good that help is on its way. Until the ambulance "
                                     "arrives: stay with the person and talk to them, give "
                                     "nothing to eat or drink. If they are unconscious and "
                                     "breathing, put them in the recovery position; if they "
                                     "are not breathing, start chest compressions – the "
                                     "emergency centre (112) guides you on the phone. Open the "
                                     "front door and switch on the lights."},
    # After help for a child: the fear of being taken away (actions.crisis_followup).
    "crisis_youth_night": {"de": "Sie müssen heute Nacht nicht draußen schlafen: Das "
                                 "Jugendamt nimmt Jugendliche in Not auf (Inobhutnahme), auch "
                                 "nachts und am Wochenende. Außerhalb der Bürozeiten vermittelt "
                                 "die Polizei (110) an seinen Bereitschaftsdienst – Sie haben "
                                 "nichts falsch gemacht, sie bringt Sie an einen sicheren Ort. "
                                 "Anonym reden: Nummer gegen Kummer 116 111.",
                           "en": "You do not have to sleep outside tonight: the youth office "
                                 "takes in young people in need (Inobhutnahme), at night and at "
                                 "weekends too. Outside office hours the police (110) put you "
                                 "through to its on-call service – you have done nothing wrong, "
                                 "they take you somewhere safe. To talk anonymously: Nummer gegen "
                                 "Kummer 116 111."},
    "crisis_taken_away": {"de": "Das Jugendamt hilft zuerst – Ihnen und Ihrer Familie, mit "
                                "Gesprächen und Unterstützung. In eine Wohngruppe oder "
                                "Pflegefamilie kommt ein Kind nur, wenn es zu Hause nicht "
                                "sicher ist, und auch dann wird mit ihm gesprochen. Wer sich zu "
                                "Hause nicht sicher fühlt, kann auch selbst beim Jugendamt um "
                                "Schutz bitten.",
                          "en": "The youth office helps first – you and your family, with "
                                "talks and support. A child only goes to a group home or foster "
                                "family if it is not safe at home, and even then it is listened "
                                "to. Anyone who does not feel safe at home can also ask the "
                                "youth office for protection themselves."},
    # A follow-up to a crisis reply that fears the consequences (actions.crisis_followup).
    "crisis_anonymous_child": {"de": "Sie können Ihre Sorge um ein Kind auch anonym melden: Das "
                                     "Kreisjugendamt nimmt Hinweise auch ohne Ihren Namen "
                                     "entgegen. Sie müssen sich nicht sicher sein – das Jugendamt "
                                     "prüft den Hinweis selbst.",
                               "en": "You can report your concern about a child anonymously: the "
                                     "district youth office (Kreisjugendamt) also accepts reports "
                                     "without your name. You do not have to be sure – the youth "
                                     "office looks into it itself."},
    "crisis_anonymous_violence": {"de": "Die Beratung beim Hilfetelefon Gewalt gegen Frauen "
                                        "(116 016) und beim Hilfetelefon Gewalt an Männern "
                                        "(0800 1239900) ist anonym und vertraulich – Sie müssen "
                                        "Ihren Namen nicht nennen.\n"
                                        "In akuter Gefahr: Polizei 110 oder Notruf 112.",
                                  "en": "Counselling at the Violence against Women helpline "
                                        "(116 016) and the helpline for men (0800 1239900) is "
                                        "anonymous and confidential – you do not have to give "
                                        "your name.\n"
                                        "In immediate danger: police 110 or emergency 112."},
    "crisis_anonymous_suicide": {"de": "Die TelefonSeelsorge ist anonym und vertraulich – Sie "
                                       "müssen Ihren Namen nicht nennen: 0800 111 0 111 oder "
                                       "0800 111 0 222, rund um die Uhr.",
                                 "en": "TelefonSeelsorge is anonymous and confidential – you do "
                                       "not have to give your name: 0800 111 0 111 or "
                                       "0800 111 0 222, day and night."},
    # One line before an ordinary answer when the semantic check sees a possible crisis.
    "crisis_hint_violence": {"de": "Falls Sie in Gefahr sind: Polizei 110. Hilfetelefon Gewalt "
                                   "gegen Frauen 116 016 – rund um die Uhr, anonym.",
                             "en": "If you are in danger: police 110. Violence against women "
                                   "helpline 116 016 – day and night, anonymous."},
    "crisis_hint_child": {"de": "Ist ein Kind in Gefahr: Polizei 110. Nummer gegen Kummer "
                                "116 111 (Kinder) und 0800 111 0 550 (Eltern).",
                          "en": "If a child is in danger: police 110. Nummer gegen Kummer "
                                "116 111 (children) and 0800 111 0 550 (parents)."},
    "crisis_hint_suicide": {"de": "Wenn es Ihnen gerade sehr schlecht geht: Die "
                                  "TelefonSeelsorge ist rund um die Uhr da, kostenlos und "
                                  "anonym: 0800 111 0 111. Im Notfall: 112.",
                            "en": "If you are feeling very low right now: TelefonSeelsorge is "
                                  "there day and night, free and anonymous: 0800 111 0 111. "
                                  "In an emergency: 112."},
    "crisis_hint_medical": {"de": "Bei einem medizinischen Notfall rufen Sie sofort die 112 an.",
                            "en": "In a medical emergency, call 112 now."},
    "crisis_hint_danger": {"de": "Bei Feuer, Gasgeruch oder auslaufendem Öl: Notruf 112.",
                           "en": "Fire, a smell of gas or leaking oil: call 112."},
    "crisis_hint_homeless": {"de": "Falls Sie Ihre Wohnung verlieren: Ihre Gemeinde (Rathaus, "
                                   "Ordnungsamt) muss Ihnen eine Notunterkunft geben.",
                             "en": "If you are losing your home: your municipality (town hall) "
                                   "must give you emergency accommodation."},
    # After the safety line, when no procedure answer is sure to be what was asked.
    "crisis_hint_only": {"de": "Wenn Sie ein Anliegen an das Landratsamt haben, schreiben Sie es "
                               "mir gern.",
                         "en": "If you have a question for the district office, just write it "
                               "to me."},
    "crisis_question_later": {"de": "Ihre Frage an das Landratsamt können Sie mir danach gern "
                                    "stellen.",
                              "en": "You are welcome to ask me your question about the district "
                                    "office afterwards."},
}
