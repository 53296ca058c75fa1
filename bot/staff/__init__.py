"""The staff review application under /staff: accounts and sessions, the conversation
list, transcripts with their turn records, analytics and CSV export (docs/staff.md).

Reading the conversation log is `review/`'s job; this package is only the web side.
"""
