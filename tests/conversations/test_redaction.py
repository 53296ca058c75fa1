"""Redaction of personal data: every type, and procedure questions left intact."""

from __future__ import annotations

import pytest

from conversations.redaction import find, redact

PII = [
    ("Schreiben Sie mir an max.mustermann@web.de bitte", "[E-MAIL]", "max.mustermann@web.de"),
    ("Meine Nummer: 08631 699-0", "[TELEFON]", "08631 699-0"),
    ("Handy 0171/2345678", "[TELEFON]", "0171/2345678"),
    ("call me at +49 171 2345678", "[TELEFON]", "+49 171 2345678"),
    ("Tel.: (08631) 61 23 45", "[TELEFON]", "61 23 45"),
    ("0049 8631 699123 ist meine Nummer", "[TELEFON]", "0049 8631 699123"),
    ("IBAN DE89 3704 0044 0532 0130 00 bitte", "[IBAN]", "3704 0044"),
    ("IBAN: DE89370400440532013000", "[IBAN]", "DE89370400440532013000"),
    ("Mein Auto MÜ-AB 123 abmelden", "[KENNZEICHEN]", "MÜ-AB 123"),
    ("Kennzeichen M AB 1234 verloren", "[KENNZEICHEN]", "M AB 1234"),
    ("geboren am 12.03.1985 in Mühldorf", "[GEBURTSDATUM]", "12.03.1985"),
    ("Geburtsdatum: 3. Mai 1961", "[GEBURTSDATUM]", "3. Mai 1961"),
    ("Ich wohne Hauptstraße 12, 84453 Mühldorf", "[ADRESSE]", "Hauptstraße 12"),
    ("Adresse: Am Stadtpark 3a", "[ADRESSE]", "Stadtpark 3a"),
    ("Aktenzeichen: 31-1234/2024", "[AKTENZEICHEN]", "31-1234/2024"),
    ("Az. III/2024-0815 wurde vergeben", "[AKTENZEICHEN]", "III/2024-0815"),
    ("Meine Steuer-ID ist 12 345 678 901", "[STEUER-ID]", "12 345 678 901"),
    ("Steuernummer 141/123/45678", "[STEUER-ID]", "141/123/45678"),
    ("SV-Nummer 65 170839 J 003", "[SV-NUMMER]", "170839"),
    ("Versichertennummer A123456789", "[KV-NUMMER]", "A123456789"),
    ("Ich bin Max Mustermann und brauche Hilfe", "[NAME]", "Mustermann"),
    ("Mein Name ist Anna Schmidt.", "[NAME]", "Schmidt"),
    ("ich heiße Özlem Yılmaz", "[NAME]", "Özlem"),
    ("Hallo, ich bin die Vroni", "[NAME]", "Vroni"),
    ("Viele Grüße\nMaria Huber", "[NAME]", "Huber"),
    ("Frau Müller vom Amt hat gesagt", "[NAME]", "Müller"),
    ("Hi, I am John Smith", "[NAME]", "Smith"),
    ("Guten Tag! Piotr Nowak hier. Brauche ich eine Genehmigung?", "[NAME]", "Nowak"),
    ("Ich, Fatma Yılmaz, beantrage die Einbürgerung", "[NAME]", "Yılmaz"),
    ("Best regards,\nIrina Kovačević", "[NAME]", "Kovačević"),
    ("Kennzeichen LAX9557E", "[KENNZEICHEN]", "LAX9557E"),
    ("bin am 4.5.60 geboren", "[GEBURTSDATUM]", "4.5.60"),
    ("Born on June 5th, 1990", "[GEBURTSDATUM]", "June 5th"),
    ("Bescheid Nr. 4711-2024", "[AKTENZEICHEN]", "4711-2024"),
    ("Rentenversicherungsnummer 12-150385-M-123", "[SV-NUMMER]", "150385"),
    # Shapes that count only with a real district code, in a message about a vehicle.
    ("auto mit nummernschild rm xy 42 abmelden", "[KENNZEICHEN]", "rm xy 42"),
    ("Fahrzeug FFBQZ77 ummelden", "[KENNZEICHEN]", "FFBQZ77"),
    ("Mein Auto aus Oberösterreich hat RI-482TK", "[KENNZEICHEN]", "482TK"),
    ("Rückrufbitte: 0 80 71 / 98 76 54", "[TELEFON]", "98 76 54"),
    ("meine Identifikationsnummer ist 45.118.902.377", "[STEUER-ID]", "902"),
    ("Antragsteller geboren am zwölften Oktober 1979", "[GEBURTSDATUM]", "Oktober 1979"),
    ("Baugenehmigungsnummer: B-2023-0410", "[AKTENZEICHEN]", "0410"),
    ("Ref. no. 88.2-771-XY/24, any news?", "[AKTENZEICHEN]", "771"),
    ("Hier schreibt Zofia Wiśniewska wegen Wohngeld", "[NAME]", "Wiśniewska"),
    ("Toni hier, kurze Frage zum Jagdschein", "[NAME]", "Toni"),
    ("für meinen Klienten Hubert Stangl beantrage ich", "[NAME]", "Stangl"),
    ("I'm Ngozi Eze, my son Chidi Eze needs a passport", "[NAME]", "Chidi Eze"),
    ("Konto GB29 NWBK 6016 1331 9268 19 bitte", "[IBAN]", "NWBK"),
    ("IBAN: DE 27 7016 9460 0000 7412 36", "[IBAN]", "7412"),
    ("Mandatsreferenznummer: MR-2024-88812", "[AKTENZEICHEN]", "88812"),
    ("zum Vorgang 2025/ZL/1183 eine Frage", "[AKTENZEICHEN]", "1183"),
    ("servus, wastl hier. wo is da wertstoffhof", "[NAME]", "wastl"),
    ("Ich bin die Oma von Lena und will Vormund werden", "[NAME]", "Lena"),
    ("mein sohn jonas braucht einen kinderausweis", "[NAME]", "jonas"),
    ("Meine Daten: Rustam Nazarov, Tel. folgt", "[NAME]", "Nazarov"),
    ("Hi, Bilal from Ampfing here. Question", "[NAME]", "Bilal"),
    ("geb 030488, brauche ich eine MPU", "[GEBURTSDATUM]", "030488"),
    ("iban it02l1234512345123456789012 bitte", "[IBAN]", "it02l"),
    ("Konto RO49AAAA1B31007593840000 senden", "[IBAN]", "AAAA"),
    ("RV-Nummer 65/170839/J/003 für den Antrag", "[SV-NUMMER]", "170839"),
    ("Kennz. M–XZ 3012, muss ich wechseln?", "[KENNZEICHEN]", "3012"),
    ("KFZ MUEAB777 abmelden", "[KENNZEICHEN]", "MUEAB777"),
    ("Absender: Fam. Schwaiger, Frage zur Tierhaltung", "[NAME]", "Schwaiger"),
    ("I live here with my wife Li Na and our baby", "[NAME]", "Li Na"),
    ("Geburtsdatum: 1987.06.19, Frage", "[GEBURTSDATUM]", "1987.06.19"),
    ("DOB: 11-Feb-1990. Lost my card", "[GEBURTSDATUM]", "11-Feb-1990"),
    ("aktenzeichn ist UV 2024/1183", "[AKTENZEICHEN]", "2024/1183"),
    ("Kundennummer Abfallwirtschaft: 300-48817", "[AKTENZEICHEN]", "48817"),
    ("Verwarnungsgeld-Nr.: VG 441 2025 0093", "[AKTENZEICHEN]", "0093"),
    ("Aktenzeichen: AsylbLG-MÜ-3391 bitte", "[AKTENZEICHEN]", "3391"),
    ("Kassenz. 9.4411.102937.8 / Ihr Schreiben", "[AKTENZEICHEN]", "102937"),
    ("Reference number on the invoice is 2025/FS/30918", "[AKTENZEICHEN]", "30918"),
    ("Mein Nachname ist Yilmaz, Vorname Ayşe.", "[NAME]", "Ayşe"),
    ("Ich bin Olga Schneider (früher Petrenko), geb.", "[NAME]", "Petrenko"),
    ("hallo ich heiß ali und mein bruder", "[NAME]", "ali"),
    ("hey, bin die jana, mein freund will", "[NAME]", "jana"),
]


@pytest.mark.parametrize(("text", "placeholder", "secret"), PII)
def test_personal_data_is_replaced_by_its_placeholder(text: str, placeholder: str,
                                                      secret: str) -> None:
    redacted = redact(text)
    assert placeholder in redacted
    assert secret not in redacted


KEEP = [
    "Kennzeichen reservieren", "Wunschkennzeichen MÜ reservieren", "Was ist eine Hausnummer?",
    "Ich bin neu in Deutschland", "Ich bin schwanger", "Ich bin Rentner",
    "Ich bin Student und brauche BAföG", "Ich bin alleinerziehend", "I am new here",
    "Wie melde ich mein Auto ab?", "Termin am 12.03.2026 möglich?", "Führerschein verloren",
    "Ich wohne im Landkreis Mühldorf", "Danke für die Hilfe", "Was kostet ein Reisepass?",
    "Bauantrag für Hausnummer 12?", "Öffnungszeiten Landratsamt", "Elterngeld beantragen",
    "/choose_option{\"procedure_id\": \"kfz-abmeldung\"}", "/affirm", "Ich bin Deutscher",
    "Wo ist die Zulassungsstelle in Mühldorf?", "Hilfe zur Pflege ab 65 Jahren",
    "Kann ich Wohngeld Plus hier beantragen?", "Ist die Zulassungsstelle Waldkraiburg hier "
    "zuständig?", "Ich bin Kunde", "She is German", "Ich bin am 3.4. umgezogen",
    "Ist das Amt an Maria Himmelfahrt offen?", "Mein Auto hat 150 PS und 2 Sitze",
    "Auto mit km200 Laufleistung abmelden", "am so 10 uhr auto abholen",
    "Muss mein Kind ins Max Planck Gymnasium?", "Wann ist die B 12 gesperrt?",
    "Hausnummer 12345 gibt es nicht", "Formularnummer 12 ausfüllen", "Flurnummer 412/3",
    "Der Antrag 2024 wurde abgelehnt", "Vorgang abgeschlossen seit 2023",
]


@pytest.mark.parametrize("text", KEEP)
def test_procedure_questions_stay_intact(text: str) -> None:
    assert redact(text) == text, find(text)


def test_redaction_is_idempotent_and_keeps_the_rest_of_the_sentence() -> None:
    text = "Ich bin Max Mustermann, max@example.org, MÜ-AB 123 – Auto abmelden"
    once = redact(text)
    assert once == "Ich bin [NAME], [E-MAIL], [KENNZEICHEN] – Auto abmelden"
    assert redact(once) == once


def test_findings_are_typed_and_do_not_overlap() -> None:
    findings = find("Tel 0171 2345678, IBAN DE89370400440532013000")
    assert [f.type for f in findings] == ["phone", "iban"]
    assert findings[0].end <= findings[1].start
