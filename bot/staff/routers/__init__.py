"""One router per staff resource: login, conversations, transcript, analytics, admin."""
