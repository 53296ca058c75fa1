"""One conversation: every turn with intent, confidence, turn record and feedback; its
review note (editors set it); the turns as CSV. The conversation is named by the `id`
query parameter (sender ids may contain any character)."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Query
from fastapi.responses import RedirectResponse, Response

from bot.staff import audit, reviews
from bot.staff.deps import EditorDep, FormDep, IndexDep, Refused, StaffDbDep, StaffDep
from bot.staff.pages import csv_response, render, when
from review import transcript
from review.csv_export import to_csv

router = APIRouter(prefix="/staff", include_in_schema=False)
SenderId = Annotated[str, Query(min_length=1, max_length=255)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]


@router.get("/transcript")
def transcript_page(staff: StaffDep, index: IndexDep, db: StaffDbDep, id: SenderId,
                    ab: Offset = 0) -> Response:
    page = transcript.read(index.engine, id, ab)
    audit.record(db, staff.user.username, "view_transcript", id, client_ip=staff.ip)
    if page.total_events == 0:
        return render("error.html", 404, user=staff.user, csrf=staff.session.csrf_token,
                      message="Dieses Gespräch gibt es nicht (mehr).")
    return render("transcript.html", user=staff.user, csrf=staff.session.csrf_token,
                  t=page, review=reviews.get(db, id),
                  link=lambda offset: urlencode({"id": id, "ab": offset}),
                  csv_link=urlencode({"id": id}))


@router.get("/transcript.csv")
def transcript_csv(staff: StaffDep, index: IndexDep, db: StaffDbDep, id: SenderId,
                   ab: Offset = 0) -> Response:
    page = transcript.read(index.engine, id, ab, page_events=20_000)
    audit.record(db, staff.user.username, "export_csv", f"transcript {id}",
                 client_ip=staff.ip)
    rows = []
    for turn in page.turns:
        record = turn.records[-1] if turn.records else None
        rows.append((
            when(turn.timestamp), turn.user.text if turn.user else "",
            turn.user.intent if turn.user else "",
            turn.user.confidence if turn.user and turn.user.confidence is not None else "",
            "\n".join(reply.text for reply in turn.replies),
            record.decision if record else "", record.outcome if record else "",
            ", ".join(f"{c.id}={c.score:.3f}" for c in record.candidates) if record else "",
            ", ".join(record.links) if record else "", turn.feedback or ""))
    return csv_response(to_csv(("Zeit", "Bürger", "Intent", "Konfidenz", "Antwort",
                                "Entscheidung", "Ausgang", "Suchtreffer", "Links",
                                "Rückmeldung"), rows), "gespraech.csv")


@router.post("/transcript/review")
def save_review(staff: EditorDep, form: FormDep, db: StaffDbDep) -> Response:
    sender_id = form.get("id", "")[:255]
    status = form.get("status", "")
    if not sender_id or status not in reviews.STATUSES:
        raise Refused("Unvollständiger Prüfvermerk.", 400)
    reviews.save(db, sender_id, status, form.get("note", ""), staff.user.username)
    audit.record(db, staff.user.username, "review", sender_id,
                 f"{status}: {form.get('note', '')[:200]}", staff.ip)
    return RedirectResponse("/staff/transcript?" + urlencode({"id": sender_id}),
                            status_code=303)
