"""Starts and supervises the assistant's processes; nothing citizens reach lives here.

`python -m runner` is what `make run` starts: Rasa and the action server on loopback,
the web app (`bot`) in front. `runner.stack` starts the same thing as a child process
for the end-to-end tests and the chat benchmark, so both measure what `make run` runs.
"""
